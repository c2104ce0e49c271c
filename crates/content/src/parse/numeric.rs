//! Numeric answers: the answer, its tolerance, the data to calculate from and the working.

use super::fields::{Fields, Val};
use crate::error::ErrorKind;
use crate::model::{Answer, Table};
use crate::source::Report;
use crate::working::evaluate;

/// The numeric answer as authored, each part possibly inherited from the item (for a variant).
#[derive(Default)]
struct Parts {
    answer: Option<f64>,
    tolerance: f64,
    unit: Option<String>,
    working: Option<String>,
}

/// Reads `answer`, `tolerance`, `unit` and `working`; `table` is the question's data table,
/// which `working` may read from.
pub(crate) fn parse_numeric(
    f: &Fields<'_, '_>,
    base: Option<&Answer>,
    table: Option<&Table>,
    r: &mut Report,
) -> Option<Answer> {
    let mut p = inherited(base);
    match f.number("answer", r) {
        Some(answer) => p.answer = Some(answer.value),
        None if !f.has("answer") && p.answer.is_none() => {
            f.missing_as(ErrorKind::Answer, "answer", "answer = 12.5", r);
        }
        None => {}
    }
    if let Some(tolerance) = f.number("tolerance", r) {
        p.tolerance = tolerance.value;
        if tolerance.value < 0.0 {
            let what = format!("`tolerance` is {}, below zero", tolerance.value);
            let fix = "Use 0 for an exact answer, or how far off an answer may be, such as 0.5.";
            r.add(&f.loc, tolerance.at, ErrorKind::Answer, what, fix);
        }
    }
    if let Some(unit) = f.text("unit", r) {
        p.unit = Some(unit.value);
    }
    // A variant that changes the answer or the data must still agree with the working it
    // inherits, so that is checked too (reported at the variant).
    let own = f.text("working", r);
    let changed = own.is_some() || ["answer", "tolerance", "table"].iter().any(|k| f.has(k));
    let working = own.or_else(|| p.working.map(|value| Val { value, at: f.at }));
    if let (Some(working), Some(answer), true) = (&working, p.answer, changed) {
        check_working(f, working, answer, p.tolerance, table, r);
    }
    Some(Answer::Numeric {
        answer: p.answer?,
        tolerance: p.tolerance,
        unit: p.unit,
        working: working.map(|w| w.value),
    })
}

fn inherited(base: Option<&Answer>) -> Parts {
    match base {
        Some(Answer::Numeric {
            answer,
            tolerance,
            unit,
            working,
        }) => Parts {
            answer: Some(*answer),
            tolerance: *tolerance,
            unit: unit.clone(),
            working: working.clone(),
        },
        _ => Parts::default(),
    }
}

fn check_working(
    f: &Fields<'_, '_>,
    working: &Val<String>,
    answer: f64,
    tolerance: f64,
    table: Option<&Table>,
    r: &mut Report,
) {
    match evaluate(&working.value, table) {
        Err(error) => {
            let what = format!(
                "`working` cannot be worked out: {} (at character {})",
                error.message,
                error.at + 1
            );
            let fix = "Correct the expression; see \"Showing the working\" in docs/authoring.md.";
            r.add(&f.loc, working.at, ErrorKind::Working, what, fix);
        }
        Ok(value) if (value - answer).abs() > tolerance + 1e-9 => {
            let what = format!("`working` gives {} but `answer` is {answer}", tidy(value));
            let fix = format!(
                "Correct the answer or the working; they must agree within the tolerance ({tolerance})."
            );
            r.add(&f.loc, working.at, ErrorKind::Working, what, fix);
        }
        Ok(_) => {}
    }
}

/// A number for a message, without floating-point noise (2.7272727 becomes 2.727273).
pub(crate) fn tidy(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    format!("{rounded}")
}
