//! An item: a fenced ```item block of TOML inside a lesson.

use super::answer::{QUESTION_KEYS, answer_keys, parse_answer};
use super::data::{read_chart, read_table};
use super::fields::{Fields, Val, list};
use super::ids::check_id;
use super::module::read_source;
use super::parse_toml;
use super::suggest::nearest;
use crate::error::ErrorKind;
use crate::markdown::{Media, Place, render};
use crate::model::{Answer, Chart, Item, ItemKind, Question, Source, Table};
use crate::source::{Loc, Report};

/// What item parsing needs besides the TOML: where it is and the module's media.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub loc: Loc<'a>,
    pub media: Media<'a>,
}

/// An item with what the lesson and the duplicate check need to know about it.
#[derive(Debug, Clone)]
pub(crate) struct ParsedItem<'a> {
    pub item: Item,
    pub id_at: Val<()>,
    pub loc: Loc<'a>,
    /// Typical answering time, for the lesson estimate.
    pub seconds: u32,
}

const COMMON_KEYS: [&str; 11] = [
    "id",
    "type",
    "prompt",
    "explanation",
    "table",
    "chart",
    "source",
    "difficulty",
    "version",
    "variants",
    "placement",
];

/// Typical answering time in seconds, as listed in docs/authoring.md.
pub(crate) fn seconds(answer: &Answer) -> u32 {
    match answer {
        Answer::Single { .. } => 20,
        Answer::Multiple { .. } | Answer::Order { .. } => 30,
        Answer::TrueFalse { .. } => 12,
        Answer::Numeric { .. } => 45,
        Answer::Text { .. } => 25,
        Answer::Scenario { parts, .. } => 25 * parts.len() as u32,
        Answer::Spot { .. } => 40,
    }
}

/// Parses one item block; `ctx.loc` starts at the block's first line.
pub(crate) fn parse_item<'a>(text: &str, ctx: Ctx<'a>, r: &mut Report) -> Option<ParsedItem<'a>> {
    let doc = parse_toml(text, ctx.loc, r)?;
    let f = Fields {
        table: doc.get_ref(),
        at: 0,
        loc: ctx.loc,
        name: "an item",
    };
    let kind = read_kind(&f, r);
    let mut keys = COMMON_KEYS.to_vec();
    match kind {
        Some(kind) => keys.extend_from_slice(answer_keys(kind)),
        // With the type unknown, accept any answer key rather than report each one.
        None => ItemKind::ALL
            .iter()
            .for_each(|k| keys.extend_from_slice(answer_keys(*k))),
    }
    f.check_keys(&keys, r);
    let id = f.required_text("id", r);
    if let Some(id) = &id {
        check_id(id, true, &ctx.loc, r);
    }
    let source = read_item_source(&f, r);
    let difficulty = small_number(&f, "difficulty", 3, 5, r);
    let version = small_number(&f, "version", 1, 1_000_000, r);
    let placement = f.boolean("placement", r).is_some_and(|p| p.value);
    let question = read_question(kind, &f, None, &ctx, r);
    let variants = read_variants(kind, &f, question.as_ref(), &ctx, r);
    let (id, question) = (id?, question?);
    Some(ParsedItem {
        seconds: seconds(&question.answer),
        item: Item {
            id: id.value,
            version,
            difficulty: difficulty as u8,
            placement,
            source: source?,
            question,
            variants,
        },
        id_at: Val {
            value: (),
            at: id.at,
        },
        loc: ctx.loc,
    })
}

fn read_kind(f: &Fields<'_, '_>, r: &mut Report) -> Option<ItemKind> {
    let example = "type = \"single\"";
    if !f.has("type") {
        f.missing("type", example, r);
    }
    let name = f.text("type", r)?;
    let kind = ItemKind::from_name(&name.value);
    if kind.is_none() {
        let names: Vec<&str> = ItemKind::ALL.iter().map(|k| k.name()).collect();
        let what = format!("unknown item type `{}`", name.value);
        let fix = match nearest(&name.value, &names) {
            Some(close) => format!("Did you mean `{close}`?"),
            None => format!("Use {}.", list(&names)),
        };
        r.add(&f.loc, name.at, ErrorKind::InvalidValue, what, fix);
    }
    kind
}

fn read_item_source(f: &Fields<'_, '_>, r: &mut Report) -> Option<Source> {
    if !f.has("source") {
        let example = "source = { title = \"...\", url = \"https://...\" }";
        f.missing_as(ErrorKind::Source, "source", example, r);
        return None;
    }
    let source = f.table("source", "a source", r)?;
    read_source(&source, r)
}

/// An optional whole number from 1 to `max`, or `default`.
fn small_number(f: &Fields<'_, '_>, key: &str, default: u32, max: i64, r: &mut Report) -> u32 {
    let Some(value) = f.integer(key, r) else {
        return default;
    };
    if (1..=max).contains(&value.value) {
        return value.value as u32;
    }
    let what = format!("`{key}` is {}, outside 1 to {max}", value.value);
    r.add(
        &f.loc,
        value.at,
        ErrorKind::InvalidValue,
        what,
        format!("Use a whole number from 1 to {max}."),
    );
    default
}

/// The prompt, explanation and answer of an item (base None) or a variant (base Some).
fn read_question(
    kind: Option<ItemKind>,
    f: &Fields<'_, '_>,
    base: Option<&Question>,
    ctx: &Ctx<'_>,
    r: &mut Report,
) -> Option<Question> {
    let prompt_html = read_markdown(f, "prompt", ctx, r);
    let explanation_html = match base {
        Some(base) if !f.has("explanation") => Some(base.explanation_html.clone()),
        _ => read_markdown(f, "explanation", ctx, r),
    };
    let (table, chart) = read_data(f, base, r);
    let answer = parse_answer(kind?, f, base.map(|b| &b.answer), table.as_ref(), ctx, r);
    Some(Question {
        prompt_html: prompt_html?,
        explanation_html: explanation_html?,
        table,
        chart,
        answer: answer?,
    })
}

/// The question's `table` and `chart`, each inherited from `base` when a variant leaves it out.
pub(crate) fn read_data(
    f: &Fields<'_, '_>,
    base: Option<&Question>,
    r: &mut Report,
) -> (Option<Table>, Option<Chart>) {
    let table = match base {
        Some(base) if !f.has("table") => base.table.clone(),
        _ if f.has("table") => read_table(f, r),
        _ => None,
    };
    let chart = match (base, f.table("chart", "a chart", r)) {
        (_, Some(chart)) => read_chart(&chart, r),
        (Some(base), None) if !f.has("chart") => base.chart.clone(),
        _ => None,
    };
    (table, chart)
}

fn read_variants(
    kind: Option<ItemKind>,
    f: &Fields<'_, '_>,
    base: Option<&Question>,
    ctx: &Ctx<'_>,
    r: &mut Report,
) -> Vec<Question> {
    let Some(tables) = f.tables("variants", "a variant", r) else {
        return Vec::new();
    };
    let mut keys = QUESTION_KEYS.to_vec();
    keys.extend_from_slice(kind.map_or(&[][..], answer_keys));
    let mut variants = Vec::new();
    for variant in &tables {
        variant.check_keys(&keys, r);
        if let Some(question) = read_question(kind, variant, base, ctx, r) {
            variants.push(question);
        }
    }
    variants
}

/// A required Markdown text (prompt, explanation, case), rendered to safe HTML.
pub(crate) fn read_markdown(
    f: &Fields<'_, '_>,
    key: &str,
    ctx: &Ctx<'_>,
    r: &mut Report,
) -> Option<String> {
    let text = f.required_text(key, r)?;
    if text.value.trim().is_empty() {
        let what = format!("`{key}` is empty");
        let fix = match key {
            "explanation" => "Explain why the answer is right; learners see it after answering.",
            _ => "Write it.",
        };
        r.add(&f.loc, text.at, ErrorKind::EmptyText, what, fix);
    }
    let place = Place {
        loc: f.loc,
        fixed: Some(text.at),
    };
    Some(render(&text.value, place, ctx.media, r).html)
}
