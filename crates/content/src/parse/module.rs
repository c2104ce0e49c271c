//! `module.toml`: what a module is, its lessons in order, its sources and placement settings.

use super::fields::{Fields, Val, list};
use super::ids::check_id;
use super::parse_toml;
use super::suggest::nearest;
use crate::error::ErrorKind;
use crate::model::Source;
use crate::source::{Loc, Report};

const KEYS: [&str; 12] = [
    "id",
    "title",
    "summary",
    "audience",
    "estimated_minutes",
    "version",
    "desired_retention",
    "domains",
    "facts_checked",
    "lessons",
    "sources",
    "placement",
];

/// The domains of Health Education England's Health and Care Digital Capabilities Framework.
pub(crate) const DOMAINS: [&str; 6] = [
    "identity-wellbeing-safety-security",
    "communication-collaboration-participation",
    "teaching-learning-self-development",
    "technical-proficiency",
    "information-data-content",
    "creation-innovation-research",
];

/// module.toml as read.
#[derive(Debug, Clone)]
pub(crate) struct ModuleMeta<'a> {
    pub loc: Loc<'a>,
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: String,
    pub minutes: u32,
    pub version: u32,
    pub desired_retention: f32,
    pub domains: Vec<String>,
    pub facts_checked: String,
    /// Lesson ids in teaching order, with where each is listed.
    pub lessons: Vec<Val<String>>,
    pub sources: Vec<Source>,
    pub placement_enabled: bool,
    /// None means one per lesson.
    pub placement_max_items: Option<u32>,
}

/// Reads `<folder>/module.toml`; the id must match the folder name.
pub(crate) fn parse_module<'a>(
    folder: &str,
    loc: Loc<'a>,
    r: &mut Report,
) -> Option<ModuleMeta<'a>> {
    let doc = parse_toml(loc.file_text, loc, r)?;
    let f = Fields {
        table: doc.get_ref(),
        at: 0,
        loc,
        name: "module.toml",
    };
    f.check_keys(&KEYS, r);
    let text = |key: &str, r: &mut Report| non_empty(&f, key, r).unwrap_or_default();
    let meta = ModuleMeta {
        loc,
        id: read_id(&f, folder, r),
        title: text("title", r),
        summary: text("summary", r),
        audience: text("audience", r),
        minutes: whole(&f, "estimated_minutes", 1, 600, r).unwrap_or(0),
        version: whole(&f, "version", 1, 1_000_000, r).unwrap_or(1),
        desired_retention: read_retention(&f, r),
        domains: read_domains(&f, r),
        facts_checked: read_month(&f, r),
        lessons: read_lessons(&f, r),
        sources: read_sources(&f, r),
        placement_enabled: true,
        placement_max_items: None,
    };
    Some(read_placement(&f, meta, r))
}

fn read_id(f: &Fields<'_, '_>, folder: &str, r: &mut Report) -> String {
    let Some(id) = f.required_text("id", r) else {
        return folder.to_string();
    };
    if check_id(&id, false, &f.loc, r) && id.value != folder {
        let what = format!(
            "module id `{}` does not match its folder `{folder}`",
            id.value
        );
        let fix = format!(
            "Set `id = \"{folder}\"`, or rename the folder to `{}`.",
            id.value
        );
        r.add(&f.loc, id.at, ErrorKind::IdMismatch, what, fix);
    }
    folder.to_string()
}

/// A required text that must not be blank.
pub(crate) fn non_empty(f: &Fields<'_, '_>, key: &str, r: &mut Report) -> Option<String> {
    let value = f.required_text(key, r)?;
    if value.value.trim().is_empty() {
        let what = format!("`{key}` is empty");
        r.add(
            &f.loc,
            value.at,
            ErrorKind::EmptyText,
            what,
            format!("Write the {key}."),
        );
    }
    Some(value.value)
}

/// A required whole number within `min..=max`.
pub(crate) fn whole(
    f: &Fields<'_, '_>,
    key: &str,
    min: i64,
    max: i64,
    r: &mut Report,
) -> Option<u32> {
    if !f.has(key) {
        f.missing(key, &format!("{key} = {min}"), r);
    }
    let value = f.integer(key, r)?;
    if value.value < min || value.value > max {
        let what = format!("`{key}` is {}, outside {min} to {max}", value.value);
        let fix = format!("Use a whole number from {min} to {max}.");
        r.add(&f.loc, value.at, ErrorKind::InvalidValue, what, fix);
        return None;
    }
    u32::try_from(value.value).ok()
}

fn read_retention(f: &Fields<'_, '_>, r: &mut Report) -> f32 {
    let Some(value) = f.number("desired_retention", r) else {
        return 0.9;
    };
    if !(0.7..=0.97).contains(&value.value) {
        let what = format!(
            "`desired_retention` is {}, outside 0.7 to 0.97",
            value.value
        );
        let fix = "Use a recall level from 0.7 to 0.97; 0.9 suits most modules.";
        r.add(&f.loc, value.at, ErrorKind::InvalidValue, what, fix);
    }
    value.value as f32
}

fn read_domains(f: &Fields<'_, '_>, r: &mut Report) -> Vec<String> {
    if !f.has("domains") {
        f.missing("domains", "domains = [\"technical-proficiency\"]", r);
    }
    let list_ = f
        .text_list("domains", r)
        .map(|l| l.value)
        .unwrap_or_default();
    for domain in &list_ {
        if !DOMAINS.contains(&domain.value.as_str()) {
            let what = format!("unknown domain `{}`", domain.value);
            let fix = match nearest(&domain.value, &DOMAINS) {
                Some(close) => format!("Did you mean `{close}`?"),
                None => format!("Use one of {}.", list(&DOMAINS)),
            };
            r.add(&f.loc, domain.at, ErrorKind::UnknownDomain, what, fix);
        }
    }
    list_.into_iter().map(|d| d.value).collect()
}

fn read_month(f: &Fields<'_, '_>, r: &mut Report) -> String {
    let Some(month) = f.required_text("facts_checked", r) else {
        return String::new();
    };
    let bytes = month.value.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let valid = bytes.len() == 7 && bytes[4] == b'-' && digits(0..4) && digits(5..7);
    let month_number: u32 = month
        .value
        .get(5..7)
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if !valid || !(1..=12).contains(&month_number) {
        let what = format!(
            "`facts_checked` is `{}`, not a month written YYYY-MM",
            month.value
        );
        let fix = "Write the year and month the facts were checked, for example `2026-11`.";
        r.add(&f.loc, month.at, ErrorKind::InvalidValue, what, fix);
    }
    month.value
}

fn read_lessons(f: &Fields<'_, '_>, r: &mut Report) -> Vec<Val<String>> {
    if !f.has("lessons") {
        f.missing_as(
            ErrorKind::LessonList,
            "lessons",
            "lessons = [\"first-lesson\"]",
            r,
        );
    }
    let lessons = f
        .text_list("lessons", r)
        .map(|l| l.value)
        .unwrap_or_default();
    let mut seen: Vec<&Val<String>> = Vec::new();
    for lesson in &lessons {
        if let Some(first) = seen.iter().find(|s| s.value == lesson.value) {
            let what = format!(
                "lesson `{}` is listed twice (first at {})",
                lesson.value,
                f.loc.describe(first.at)
            );
            r.add(
                &f.loc,
                lesson.at,
                ErrorKind::DuplicateId,
                what,
                "List each lesson once.",
            );
        } else {
            seen.push(lesson);
        }
    }
    lessons
}

fn read_sources(f: &Fields<'_, '_>, r: &mut Report) -> Vec<Source> {
    if !f.has("sources") {
        let example = "[[sources]] title = \"...\" url = \"https://...\"";
        f.missing_as(ErrorKind::Source, "sources", example, r);
    }
    let tables = f.tables("sources", "a source", r).unwrap_or_default();
    tables.iter().filter_map(|s| read_source(s, r)).collect()
}

/// A `{ title, url }` source; the URL must be https.
pub(crate) fn read_source(f: &Fields<'_, '_>, r: &mut Report) -> Option<Source> {
    f.check_keys(&["title", "url"], r);
    let title = f.text("title", r);
    let url = f.text("url", r);
    if title.as_ref().is_none_or(|t| t.value.trim().is_empty()) {
        let what = "the source has no title";
        let fix = "Add `title = \"...\"`: the name of the page or document.";
        r.add(&f.loc, f.at, ErrorKind::Source, what, fix);
    }
    let url_ok = url.as_ref().is_some_and(|u| is_https(&u.value));
    match &url {
        Some(u) if !url_ok => {
            let what = format!("source URL `{}` is not https", u.value);
            let fix = "Use the page's https:// address; plain http is not accepted.";
            r.add(&f.loc, u.at, ErrorKind::Source, what, fix);
        }
        None => {
            let fix =
                "Add `url = \"https://...\"`: the address of the authority the fact comes from.";
            r.add(
                &f.loc,
                f.at,
                ErrorKind::Source,
                "the source has no URL",
                fix,
            );
        }
        Some(_) => {}
    }
    Some(Source {
        title: title?.value,
        url: url.filter(|_| url_ok)?.value,
    })
}

fn is_https(url: &str) -> bool {
    let rest = url.strip_prefix("https://").unwrap_or("");
    !rest.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn read_placement<'a>(
    f: &Fields<'_, '_>,
    mut meta: ModuleMeta<'a>,
    r: &mut Report,
) -> ModuleMeta<'a> {
    let Some(p) = f.table("placement", "[placement]", r) else {
        return meta;
    };
    p.check_keys(&["enabled", "max_items"], r);
    if let Some(enabled) = p.boolean("enabled", r) {
        meta.placement_enabled = enabled.value;
    }
    if p.has("max_items") {
        meta.placement_max_items = whole(&p, "max_items", 1, 100, r);
    }
    meta
}
