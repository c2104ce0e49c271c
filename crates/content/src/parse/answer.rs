//! The answer keys of each item type, and scenarios, whose parts are small questions.

use super::choices::{parse_choices, parse_order, parse_text, parse_true_false};
use super::fields::{Fields, count, list};
use super::item::{Ctx, read_data, read_markdown};
use super::numeric::parse_numeric;
use super::spot::parse_spot;
use crate::error::ErrorKind;
use crate::model::{Answer, ItemKind, Question, Table};
use crate::source::Report;

/// The keys that hold a type's answer; variants may repeat them.
pub(crate) fn answer_keys(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::Single | ItemKind::Multiple => &["choices"],
        ItemKind::TrueFalse => &["answer", "feedback_true", "feedback_false"],
        ItemKind::Order => &["steps"],
        ItemKind::Numeric => &["answer", "tolerance", "unit", "working"],
        ItemKind::Text => &["accepted"],
        ItemKind::Scenario => &["case", "parts"],
        ItemKind::Spot => &["mock", "from", "to", "subject", "segments"],
    }
}

/// The keys every question (item, variant or scenario part) may have besides its answer.
pub(crate) const QUESTION_KEYS: [&str; 4] = ["prompt", "explanation", "table", "chart"];

/// Reads the answer of a `kind` question. For a variant, `base` is the item's own answer and
/// supplies whatever the variant leaves out; `table` is the question's data, for `working`.
pub(crate) fn parse_answer(
    kind: ItemKind,
    f: &Fields<'_, '_>,
    base: Option<&Answer>,
    table: Option<&Table>,
    ctx: &Ctx<'_>,
    r: &mut Report,
) -> Option<Answer> {
    match kind {
        ItemKind::Single | ItemKind::Multiple => parse_choices(kind, f, base, r),
        ItemKind::TrueFalse => parse_true_false(f, base, r),
        ItemKind::Order => parse_order(f, base, r),
        ItemKind::Numeric => parse_numeric(f, base, table, r),
        ItemKind::Text => parse_text(f, base, r),
        ItemKind::Scenario => parse_scenario(f, base, ctx, r),
        ItemKind::Spot => parse_spot(f, base, r),
    }
}

/// The types a scenario part may have.
const PART_TYPES: [&str; 5] = ["single", "multiple", "true-false", "numeric", "text"];

fn parse_scenario(
    f: &Fields<'_, '_>,
    base: Option<&Answer>,
    ctx: &Ctx<'_>,
    r: &mut Report,
) -> Option<Answer> {
    let (base_case, base_parts) = match base {
        Some(Answer::Scenario { case_html, parts }) => (Some(case_html), Some(parts)),
        _ => (None, None),
    };
    let case_html = match base_case {
        Some(case) if !f.has("case") => Some(case.clone()),
        _ => read_markdown(f, "case", ctx, r),
    };
    let parts = match base_parts {
        Some(parts) if !f.has("parts") => Some(parts.clone()),
        _ => read_parts(f, ctx, r),
    };
    Some(Answer::Scenario {
        case_html: case_html?,
        parts: parts?,
    })
}

fn read_parts(f: &Fields<'_, '_>, ctx: &Ctx<'_>, r: &mut Report) -> Option<Vec<Question>> {
    if !f.has("parts") {
        let example = "[[parts]] type = \"single\" ...";
        f.missing_as(ErrorKind::Scenario, "parts", example, r);
        return None;
    }
    let tables = f.tables("parts", "a scenario part", r)?;
    if !(2..=3).contains(&tables.len()) {
        let (at, _) = f.entry("parts")?;
        let what = format!("a scenario has {}", count(tables.len(), "part"));
        let fix = "Give it 2 or 3 `[[parts]]`; split a longer case into two scenarios.";
        r.add(&f.loc, at, ErrorKind::Scenario, what, fix);
    }
    let parts: Vec<Option<Question>> = tables.iter().map(|part| read_part(part, ctx, r)).collect();
    parts.into_iter().collect()
}

fn read_part(f: &Fields<'_, '_>, ctx: &Ctx<'_>, r: &mut Report) -> Option<Question> {
    let kind_name = f.required_text("type", r)?;
    let kind = ItemKind::from_name(&kind_name.value)
        .filter(|_| PART_TYPES.contains(&kind_name.value.as_str()));
    let Some(kind) = kind else {
        let what = format!("a scenario part cannot be of type `{}`", kind_name.value);
        let fix = format!("Use {}.", list(&PART_TYPES));
        r.add(&f.loc, kind_name.at, ErrorKind::Scenario, what, fix);
        return None;
    };
    let mut keys = vec!["type"];
    keys.extend_from_slice(&QUESTION_KEYS);
    keys.extend_from_slice(answer_keys(kind));
    f.check_keys(&keys, r);
    let prompt_html = read_markdown(f, "prompt", ctx, r);
    let explanation_html = read_markdown(f, "explanation", ctx, r);
    let (table, chart) = read_data(f, None, r);
    let answer = parse_answer(kind, f, None, table.as_ref(), ctx, r);
    Some(Question {
        prompt_html: prompt_html?,
        explanation_html: explanation_html?,
        table,
        chart,
        answer: answer?,
    })
}
