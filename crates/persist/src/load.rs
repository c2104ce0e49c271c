//! The saved-state loader: turns the records the browser found into a log, settings and resume
//! point, migrating old records and setting aside (never dropping) anything unreadable.

use crate::notice::{HOW_TO_EXPORT, Notice, Quarantined, count};
use crate::recover::{recover_fields, repair_truncated};
use crate::schema::{
    FIRST_VERSION, MigrationError, RecordKind, SCHEMA_VERSION, migrate_to_current,
};
use crate::validate::event_problem;
use crate::{AppSettings, ResumePoint};
use engine::{ReviewEvent, ReviewLog};
use serde_json::Value;

/// One saved record as the browser found it: its key and its value as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRecord {
    pub key: String,
    pub text: String,
}

/// Everything the browser found, uninterpreted. Values that were not strings are given as the
/// browser's text for them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawSaved {
    /// The `schema_version` record.
    pub schema_version: Option<String>,
    pub settings: Option<String>,
    pub resume: Option<String>,
    pub events: Vec<RawRecord>,
}

/// What the browser should write back so the saved data is clean and current next time. It is
/// applied in one transaction with the quarantine copies, so a failure leaves things as found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Repair {
    /// Damaged event records, now copied to the quarantine.
    pub remove_event_keys: Vec<String>,
    /// Events migrated from an older version, to store in the current format.
    pub put_events: Vec<ReviewEvent>,
    /// Settings migrated or partly recovered.
    pub put_settings: Option<AppSettings>,
    /// The resume record was damaged (its copy is in the quarantine).
    pub remove_resume: bool,
    /// A resume point migrated from an older version.
    pub put_resume: Option<ResumePoint>,
    /// The schema version record is missing, old or damaged.
    pub write_schema_version: bool,
}

impl Repair {
    /// Whether nothing needs writing.
    pub fn is_empty(&self) -> bool {
        *self == Repair::default()
    }
}

/// The outcome of loading: what the app starts with, what the learner is told, and what the
/// browser must write back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recovered {
    pub log: ReviewLog,
    pub settings: AppSettings,
    pub resume: Option<ResumePoint>,
    pub notices: Vec<Notice>,
    pub quarantine: Vec<Quarantined>,
    pub repair: Repair,
    /// Set when the data was saved by a newer app: it must be left untouched (read only).
    pub newer_version: Option<u32>,
}

/// Loads saved records. Never fails and never panics: every record that cannot be used is
/// returned in `quarantine` with a notice, and everything else is kept.
pub fn load(raw: &RawSaved, now_ms: i64) -> Recovered {
    let mut loader = Loader::new(raw.schema_version.as_deref(), now_ms);
    for record in &raw.events {
        loader.add_event(&record.key, &record.text);
    }
    loader.finish(raw.settings.as_deref(), raw.resume.as_deref())
}

/// [`load`] one event record at a time, for a browser holding 100,000 of them: each record's
/// text can be dropped once it is read, instead of all of them being held until the end.
/// `Loader::new`, then `add_event` for each event record, then `finish` gives what [`load`]
/// gives for the same records.
///
/// ```
/// let mut loader = persist::Loader::new(Some("1"), 0);
/// loader.add_event("tab-1:7", r#"{"id":"tab-1:7","item_id":"q3","item_version":1,
///     "item_kind":"true-false","at_ms":1767603600000,"rating":"good","score":1.0,
///     "response_ms":5400}"#);
/// loader.add_event("tab-1:8", "{cut sho");
/// let recovered = loader.finish(None, None);
/// assert_eq!(recovered.log.len(), 1);
/// assert_eq!(recovered.quarantine.len(), 1);
/// ```
#[derive(Debug)]
pub struct Loader {
    now_ms: i64,
    version: u32,
    version_missing: bool,
    events: Vec<ReviewEvent>,
    bad_events: usize,
    recovered: Recovered,
}

impl Loader {
    /// Starts loading data saved under `schema_version` (the record's text, if there was one).
    pub fn new(schema_version: Option<&str>, now_ms: i64) -> Loader {
        let mut recovered = Recovered::default();
        let version = read_version(schema_version, now_ms, &mut recovered);
        Loader {
            now_ms,
            version,
            version_missing: schema_version.is_none(),
            events: Vec::new(),
            bad_events: 0,
            recovered,
        }
    }

    /// Reads one event record; a damaged one is set aside with its key for removal.
    pub fn add_event(&mut self, key: &str, text: &str) {
        if self.version > SCHEMA_VERSION {
            return;
        }
        match read_event(text, self.version) {
            Ok(event) => self.events.push(event),
            Err(reason) => {
                self.bad_events += 1;
                self.recovered
                    .repair
                    .remove_event_keys
                    .push(key.to_string());
                self.recovered.quarantine.push(Quarantined {
                    source: format!("event record {key:?}"),
                    reason,
                    found_at_ms: self.now_ms,
                    text: text.to_string(),
                });
            }
        }
    }

    /// Reads the settings and resume records and returns the outcome.
    pub fn finish(self, settings: Option<&str>, resume: Option<&str>) -> Recovered {
        let Loader {
            now_ms,
            version,
            version_missing,
            events,
            bad_events,
            mut recovered,
        } = self;
        // Data with no version record is from the first version, unless there is no data.
        let saw_records = !events.is_empty() || bad_events > 0;
        if version_missing && (saw_records || settings.is_some() || resume.is_some()) {
            recovered.repair.write_schema_version = true;
        }
        if version > SCHEMA_VERSION {
            recovered.newer_version = Some(version);
            recovered.notices.push(newer_notice());
            return recovered;
        }
        if version < SCHEMA_VERSION {
            recovered.repair.put_events = events.clone();
        }
        recovered.log = ReviewLog::from_events(events);
        if bad_events > 0 {
            recovered.notices.push(damaged_events_notice(bad_events));
        }
        if let Some(text) = settings {
            load_settings(text, version, now_ms, &mut recovered);
        }
        if let Some(text) = resume {
            load_resume(text, version, now_ms, &mut recovered);
        }
        recovered
    }
}

/// The saved schema version; a missing one means the first version (every later version writes
/// it), and a damaged one is quarantined and treated as the current version.
fn read_version(text: Option<&str>, now_ms: i64, recovered: &mut Recovered) -> u32 {
    let Some(text) = text else {
        return FIRST_VERSION;
    };
    match text.trim().parse::<u32>() {
        Ok(version) => {
            recovered.repair.write_schema_version = version < SCHEMA_VERSION;
            version
        }
        Err(_) => {
            recovered.repair.write_schema_version = true;
            recovered.quarantine.push(Quarantined {
                source: "schema version record".into(),
                reason: "not a version number".into(),
                found_at_ms: now_ms,
                text: text.to_string(),
            });
            recovered.notices.push(Notice::new(
                "Some saved data could not be read",
                format!(
                    "A small part of the saved data on this device was damaged. Your answers \
                     and settings were loaded and you can carry on. {HOW_TO_EXPORT}"
                ),
            ));
            SCHEMA_VERSION
        }
    }
}

fn read_event(text: &str, version: u32) -> Result<ReviewEvent, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|error| format!("not readable JSON: {error}"))?;
    let value = migrate_to_current(RecordKind::Event, value, version).map_err(migration_reason)?;
    let event: ReviewEvent =
        serde_json::from_value(value).map_err(|error| format!("not a review event: {error}"))?;
    match event_problem(&event) {
        Some(problem) => Err(format!("not a usable review event: {problem}")),
        None => Ok(event),
    }
}

fn migration_reason(error: MigrationError) -> String {
    match error {
        MigrationError::Newer(version) => format!("saved by a newer version ({version})"),
        MigrationError::Unknown(version) => format!("an unknown old version ({version})"),
        MigrationError::Step { from, problem } => {
            format!("could not be updated from version {from}: {problem}")
        }
    }
}

fn load_settings(text: &str, version: u32, now_ms: i64, recovered: &mut Recovered) {
    let migrated = repair_truncated(text).map(|value| {
        migrate_to_current(RecordKind::Settings, value, version).map_err(migration_reason)
    });
    let (settings, reset, reason) = match migrated {
        None => (
            AppSettings::default(),
            vec![String::new()],
            "not readable JSON".to_string(),
        ),
        Some(Err(reason)) => (AppSettings::default(), vec![String::new()], reason),
        Some(Ok(value)) => {
            let cut_short = serde_json::from_str::<Value>(text).is_err();
            let (settings, mut reset) = recover_fields::<AppSettings>(&value);
            if cut_short && reset.is_empty() {
                reset.push("(cut short)".into());
            }
            let reason = format!("unreadable fields: {}", reset.join(", "));
            (settings, reset, reason)
        }
    };
    if !reset.is_empty() {
        recovered.quarantine.push(Quarantined {
            source: "settings".into(),
            reason,
            found_at_ms: now_ms,
            text: text.to_string(),
        });
        recovered.notices.push(settings_notice(&reset));
    }
    if !reset.is_empty() || version < SCHEMA_VERSION {
        recovered.repair.put_settings = Some(settings.clone());
    }
    recovered.settings = settings;
}

fn load_resume(text: &str, version: u32, now_ms: i64, recovered: &mut Recovered) {
    let read = serde_json::from_str::<Value>(text)
        .map_err(|error| format!("not readable JSON: {error}"))
        .and_then(|value| {
            migrate_to_current(RecordKind::Resume, value, version).map_err(migration_reason)
        })
        .and_then(|value| {
            serde_json::from_value::<Option<ResumePoint>>(value)
                .map_err(|error| format!("not a resume point: {error}"))
        });
    match read {
        Ok(resume) => {
            if version < SCHEMA_VERSION {
                recovered.repair.put_resume = resume.clone();
            }
            recovered.resume = resume;
        }
        Err(reason) => {
            recovered.repair.remove_resume = true;
            recovered.quarantine.push(Quarantined {
                source: "resume point".into(),
                reason,
                found_at_ms: now_ms,
                text: text.to_string(),
            });
            recovered.notices.push(Notice::new(
                "Your unfinished session could not be restored",
                format!(
                    "The place you had reached in your last session was damaged, so it could \
                     not be restored. Your answers are safe: start a new session from Today. \
                     {HOW_TO_EXPORT}"
                ),
            ));
        }
    }
}

fn damaged_events_notice(bad_events: usize) -> Notice {
    Notice::new(
        "Some saved answers could not be read",
        format!(
            "{} saved on this device {} damaged and could not be used. Everything else was \
             loaded and you can carry on learning. {HOW_TO_EXPORT}",
            count(bad_events, "answer", "answers"),
            if bad_events == 1 { "was" } else { "were" },
        ),
    )
}

fn settings_notice(reset: &[String]) -> Notice {
    let all = reset
        .iter()
        .any(|path| path.is_empty() || path == "(cut short)");
    let body = if all && reset.len() == 1 && reset[0].is_empty() {
        "Your settings were damaged and have been set back to their usual values. Your answers \
         are safe. You can choose your settings again in Settings."
            .to_string()
    } else {
        let mut names: Vec<&str> = reset.iter().map(|path| plain_setting_name(path)).collect();
        names.dedup();
        format!(
            "Part of your settings was damaged. These were set back to their usual values: {}. \
             Everything else was kept, and your answers are safe.",
            names.join(", ")
        )
    };
    Notice::new(
        "Some of your settings could not be read",
        format!("{body} {HOW_TO_EXPORT}"),
    )
}

/// A settings field path in the words the Settings screen uses.
fn plain_setting_name(path: &str) -> &'static str {
    match path.split('.').next().unwrap_or_default() {
        "study" => "your study plan",
        "onboarded" => "the welcome steps",
        "chosen_modules" => "your chosen modules",
        "placement_done" => "which placement checks you did",
        "text_size" => "text size",
        "theme" => "colour scheme",
        "reduced_motion" => "reduced motion",
        "ask_confidence" => "asking how sure you were",
        "learner_name" => "the name on certificates",
        "(cut short)" => "settings changed last",
        _ => "settings saved by another version",
    }
}

fn newer_notice() -> Notice {
    Notice::new(
        "Your progress was saved by a newer version of Microlearn",
        "This device holds progress saved by a newer version of Microlearn than the one open \
         now. It has been left untouched. Reload the page to get the newer version. Until you \
         do, answers you give here are not saved on this device.",
    )
}
