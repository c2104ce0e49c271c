//! Answers made of choices, statements, steps and accepted texts.

use super::fields::{Fields, count};
use crate::error::ErrorKind;
use crate::model::{Answer, Choice, ItemKind};
use crate::source::Report;

/// `choices` of a single or multiple item: 2 to 6 (single) or 8 (multiple), with exactly one
/// (single) or at least one (multiple) correct.
pub(crate) fn parse_choices(
    kind: ItemKind,
    f: &Fields<'_, '_>,
    base: Option<&Answer>,
    r: &mut Report,
) -> Option<Answer> {
    let inherited = match base {
        Some(Answer::Single { choices } | Answer::Multiple { choices }) => Some(choices),
        _ => None,
    };
    let choices = match inherited {
        Some(choices) if !f.has("choices") => choices.clone(),
        _ => read_choices(kind, f, r)?,
    };
    Some(match kind {
        ItemKind::Single => Answer::Single { choices },
        _ => Answer::Multiple { choices },
    })
}

fn read_choices(kind: ItemKind, f: &Fields<'_, '_>, r: &mut Report) -> Option<Vec<Choice>> {
    let example = "choices = [{ text = \"...\", correct = true }, { text = \"...\" }]";
    if !f.has("choices") {
        f.missing_as(ErrorKind::Answer, "choices", example, r);
        return None;
    }
    let (at, _) = f.entry("choices")?;
    let tables = f.tables("choices", "a choice", r)?;
    let choices: Vec<Choice> = tables.iter().filter_map(|c| read_choice(c, r)).collect();
    let (name, most) = match kind {
        ItemKind::Single => ("a single-choice item", 6),
        _ => ("a multiple-select item", 8),
    };
    if !(2..=most).contains(&tables.len()) {
        let what = format!("{name} has {}", count(tables.len(), "choice"));
        r.add(
            &f.loc,
            at,
            ErrorKind::Answer,
            what,
            format!("Give 2 to {most} choices."),
        );
    }
    let correct = choices.iter().filter(|c| c.correct).count();
    let fix = match (kind, correct) {
        (_, 0) => "Mark the right choice with `correct = true`.",
        (ItemKind::Single, 2..) => {
            "Mark only one choice `correct = true`, or use `type = \"multiple\"`."
        }
        _ => "",
    };
    if !fix.is_empty() {
        let what = match kind {
            ItemKind::Single => {
                format!("{name} needs exactly one correct choice but has {correct}")
            }
            _ => format!("{name} needs at least one correct choice but has none"),
        };
        r.add(&f.loc, at, ErrorKind::Answer, what, fix);
    }
    Some(choices)
}

fn read_choice(f: &Fields<'_, '_>, r: &mut Report) -> Option<Choice> {
    f.check_keys(&["text", "correct", "feedback"], r);
    let text = f.required_text("text", r)?;
    if text.value.trim().is_empty() {
        r.add(
            &f.loc,
            text.at,
            ErrorKind::EmptyText,
            "a choice has no text",
            "Write the choice's text.",
        );
    }
    Some(Choice {
        text: text.value,
        correct: f.boolean("correct", r).is_some_and(|c| c.value),
        feedback: f.text("feedback", r).map(|v| v.value),
    })
}

/// `answer = true|false` with optional feedback for each answer.
pub(crate) fn parse_true_false(
    f: &Fields<'_, '_>,
    base: Option<&Answer>,
    r: &mut Report,
) -> Option<Answer> {
    let (base_answer, base_true, base_false) = match base {
        Some(Answer::TrueFalse {
            answer,
            feedback_true,
            feedback_false,
        }) => (Some(*answer), feedback_true.clone(), feedback_false.clone()),
        _ => (None, None, None),
    };
    let answer = match f.boolean("answer", r) {
        Some(answer) => Some(answer.value),
        None if f.has("answer") => None,
        None => {
            if base_answer.is_none() {
                f.missing_as(ErrorKind::Answer, "answer", "answer = true", r);
            }
            base_answer
        }
    };
    Some(Answer::TrueFalse {
        answer: answer?,
        feedback_true: f.text("feedback_true", r).map(|v| v.value).or(base_true),
        feedback_false: f.text("feedback_false", r).map(|v| v.value).or(base_false),
    })
}

/// `steps`, 3 to 7, written in the right order.
pub(crate) fn parse_order(
    f: &Fields<'_, '_>,
    base: Option<&Answer>,
    r: &mut Report,
) -> Option<Answer> {
    if let Some(Answer::Order { steps }) = base.filter(|_| !f.has("steps")) {
        return Some(Answer::Order {
            steps: steps.clone(),
        });
    }
    let steps = texts(f, "steps", "steps = [\"first\", \"second\", \"third\"]", r)?;
    if !(3..=7).contains(&steps.len()) {
        let (at, _) = f.entry("steps")?;
        let what = format!("an order item has {}", count(steps.len(), "step"));
        let fix = "Give 3 to 7 steps, written in the right order.";
        r.add(&f.loc, at, ErrorKind::Answer, what, fix);
    }
    Some(Answer::Order { steps })
}

/// `accepted` answers for a short text item, at least one.
pub(crate) fn parse_text(
    f: &Fields<'_, '_>,
    base: Option<&Answer>,
    r: &mut Report,
) -> Option<Answer> {
    if let Some(Answer::Text { accepted }) = base.filter(|_| !f.has("accepted")) {
        return Some(Answer::Text {
            accepted: accepted.clone(),
        });
    }
    let accepted = texts(f, "accepted", "accepted = [\"...\"]", r)?;
    if accepted.is_empty() {
        let (at, _) = f.entry("accepted")?;
        let fix = "List at least one accepted answer.";
        r.add(&f.loc, at, ErrorKind::Answer, "`accepted` is empty", fix);
    }
    Some(Answer::Text { accepted })
}

/// A required list of non-blank texts.
fn texts(f: &Fields<'_, '_>, key: &str, example: &str, r: &mut Report) -> Option<Vec<String>> {
    if !f.has(key) {
        f.missing_as(ErrorKind::Answer, key, example, r);
        return None;
    }
    let list = f.text_list(key, r)?;
    for blank in list.value.iter().filter(|t| t.value.trim().is_empty()) {
        let what = format!("`{key}` has an empty entry");
        r.add(
            &f.loc,
            blank.at,
            ErrorKind::EmptyText,
            what,
            "Write it, or remove it.",
        );
    }
    Some(list.value.into_iter().map(|t| t.value).collect())
}
