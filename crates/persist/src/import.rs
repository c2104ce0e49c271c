//! Reading an export file for import: every check a hostile or damaged file must fail, each with
//! a message in plain words, before anything on the device changes.

use crate::export::{EXPORT_FORMAT, ExportFile};
use crate::limits::{
    MAX_DEPTH, MAX_IMPORT_BYTES, MAX_TEXT_BYTES, ScanProblem, scan, time_in_range,
};
use crate::notice::Quarantined;
use crate::schema::{MigrationError, RecordKind, SCHEMA_VERSION, migrate_to_current};
use crate::validate::{event_problem, settings_problem};
use engine::ReviewEvent;
use serde::Deserialize;
use serde::de::value::MapDeserializer;
use serde_json::Value;
use serde_json::error::Category;
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashMap};

/// Why a file was refused. `Display` gives the message for the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`]; `bytes` is the file's size (a `u64`, since a chosen
    /// file can be larger than a 32-bit `usize` in the browser).
    TooLarge {
        bytes: u64,
    },
    TooDeep,
    TextTooLong {
        bytes: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    NotAnExport,
    Newer {
        version: u32,
    },
    UnknownVersion {
        version: u32,
    },
    WrongShape {
        detail: String,
    },
    BadEvent {
        number: usize,
        problem: String,
    },
    ConflictingDuplicate {
        id: String,
    },
    BadSettings {
        problem: String,
    },
}

const NOT_OURS: &str = "This file is not a Microlearn progress file";
const DAMAGED: &str = "This progress file is damaged";
const NOTHING_CHANGED: &str = "Nothing on this device was changed.";

impl std::fmt::Display for ImportError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let megabytes = |bytes: u64| bytes.div_ceil(1024 * 1024);
        let message = match self {
            Self::TooLarge { bytes } => format!(
                "This file is too large to be a Microlearn progress file ({} MB; the largest \
                 accepted is {} MB).",
                megabytes(*bytes),
                megabytes(MAX_IMPORT_BYTES as u64)
            ),
            Self::TooDeep => {
                format!("{NOT_OURS}: its contents are nested more than {MAX_DEPTH} levels deep.")
            }
            // The scan stops as soon as a text passes the limit, so `bytes` is only how far it
            // read; the limit is what can be said for certain.
            Self::TextTooLong { .. } => format!(
                "{NOT_OURS}: it holds a piece of text longer than {} MB.",
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
            Self::NotJson { line, column } => format!(
                "{NOT_OURS}, or it was cut short: it could not be read at line {line}, \
                 column {column}."
            ),
            Self::NotAnExport => format!("{NOT_OURS}: it does not say \"{EXPORT_FORMAT}\"."),
            Self::Newer { version } => format!(
                "This file was made by a newer version of Microlearn (format {version}; this \
                 app reads up to format {SCHEMA_VERSION}). Reload the page to get the newest \
                 version, then import the file again."
            ),
            Self::UnknownVersion { version } => {
                format!("{NOT_OURS}: its format number {version} was never used by Microlearn.")
            }
            Self::WrongShape { detail } => format!("{DAMAGED}: {detail}."),
            Self::BadEvent { number, problem } => {
                format!("{DAMAGED}: answer number {number} cannot be used because {problem}.")
            }
            Self::ConflictingDuplicate { id } => format!(
                "{DAMAGED}: two different answers share the id \"{}\".",
                id.chars().take(60).collect::<String>()
            ),
            Self::BadSettings { problem } => {
                format!("{DAMAGED}: its settings cannot be used because {problem}.")
            }
        };
        write!(formatter, "{message} {NOTHING_CHANGED}")
    }
}

impl std::error::Error for ImportError {}

/// Refuses a file from its size alone. The app calls this with the chosen file's size before
/// reading it, so an oversized file is never loaded into memory; [`parse_import`] repeats it.
pub fn check_import_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES as u64 {
        return Err(ImportError::TooLarge { bytes });
    }
    Ok(())
}

/// Reads and checks an export file. On success every event and the settings are usable as they
/// are; on failure nothing should be changed.
///
/// The file is never turned into one `serde_json::Value`: for 100,000 answers that tree took
/// about 100 MB of a phone's memory. Its top level is read with each part left as a slice of the
/// text (`RawValue`), and each event is read (and migrated) one at a time.
pub fn parse_import(text: &str) -> Result<ExportFile, ImportError> {
    check_import_size(text.len() as u64)?;
    scan(text).map_err(|problem| match problem {
        ScanProblem::TooDeep => ImportError::TooDeep,
        ScanProblem::TextTooLong(bytes) => ImportError::TextTooLong { bytes },
    })?;
    let top = read_top_level(text)?;
    let version = read_header(&top)?;
    if version > SCHEMA_VERSION {
        return Err(ImportError::Newer { version });
    }
    let settings = top
        .get("settings")
        .map_or(Ok(Value::Null), |raw| part_value(raw))?;
    let settings = migrate_to_current(RecordKind::Settings, settings, version).map_err(refuse)?;
    let file = read_parts(&top, settings, version)?;
    check_events(&file.events)?;
    if let Some(problem) = settings_problem(&file.settings) {
        return Err(ImportError::BadSettings { problem });
    }
    Ok(file)
}

/// The file's top level, each part still text. Broken JSON is refused with its position; JSON
/// that is not an object is not an export.
fn read_top_level(text: &str) -> Result<BTreeMap<String, &RawValue>, ImportError> {
    serde_json::from_str(text).map_err(|error| match error.classify() {
        Category::Syntax | Category::Eof | Category::Io => ImportError::NotJson {
            line: error.line(),
            column: error.column(),
        },
        Category::Data => ImportError::NotAnExport,
    })
}

/// One part of the file as a value. The whole file has been read as JSON already, so this
/// cannot fail on a file that got this far; if it did, the file's outline is what is wrong.
fn part_value(raw: &RawValue) -> Result<Value, ImportError> {
    serde_json::from_str(raw.get()).map_err(|_| ImportError::WrongShape {
        detail: "its outline is wrong".into(),
    })
}

/// How a migration's failure is told to the learner.
fn refuse(error: MigrationError) -> ImportError {
    match error {
        MigrationError::Newer(version) => ImportError::Newer { version },
        MigrationError::Unknown(version) => ImportError::UnknownVersion { version },
        MigrationError::Step { problem, .. } => ImportError::WrongShape { detail: problem },
    }
}

/// The file's top level with the events still text, so each can be read, and reported, apart.
/// The settings are read from the top level, migrated, before this.
#[derive(Deserialize)]
struct Parts<'a> {
    exported_at_ms: i64,
    #[serde(borrow)]
    events: Vec<&'a RawValue>,
    #[serde(default)]
    quarantined: Vec<Quarantined>,
}

fn read_parts(
    top: &BTreeMap<String, &RawValue>,
    settings: Value,
    version: u32,
) -> Result<ExportFile, ImportError> {
    // From the top level already read, in its (sorted) key order with the last of a repeated
    // key kept, as reading the whole file as one value did.
    let fields = top.iter().map(|(key, raw)| (key.as_str(), *raw));
    let parts = Parts::deserialize(MapDeserializer::<_, serde_json::Error>::new(fields)).map_err(
        |error| ImportError::WrongShape {
            detail: format!("its outline is wrong{}", missing_field(&error)),
        },
    )?;
    if !time_in_range(parts.exported_at_ms) {
        return Err(ImportError::WrongShape {
            detail: "its export time is not between 1970 and 2100".into(),
        });
    }
    let settings = serde_json::from_value(settings).map_err(|error| ImportError::BadSettings {
        problem: format!("they are not in the expected form{}", missing_field(&error)),
    })?;
    let events = parts
        .events
        .iter()
        .enumerate()
        .map(|(index, raw)| read_event(raw, version, index + 1))
        .collect::<Result<Vec<ReviewEvent>, _>>()?;
    Ok(ExportFile {
        format: EXPORT_FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        exported_at_ms: parts.exported_at_ms,
        settings,
        events,
        quarantined: parts.quarantined,
    })
}

/// Event `number` (counting from 1), brought to the current version and read.
fn read_event(raw: &RawValue, version: u32, number: usize) -> Result<ReviewEvent, ImportError> {
    let value = migrate_to_current(RecordKind::Event, part_value(raw)?, version).map_err(refuse)?;
    serde_json::from_value(value).map_err(|error| ImportError::BadEvent {
        number,
        problem: format!("it is not in the expected form{}", missing_field(&error)),
    })
}

/// Checks the `format` marker and returns the file's schema version.
fn read_header(top: &BTreeMap<String, &RawValue>) -> Result<u32, ImportError> {
    let field = |name: &str| top.get(name).and_then(|raw| part_value(raw).ok());
    if field("format").as_ref().and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    let version = field("schema_version")
        .as_ref()
        .and_then(Value::as_u64)
        .ok_or_else(|| ImportError::WrongShape {
            detail: "its format number (schema_version) is missing or not a whole number".into(),
        })?;
    u32::try_from(version).map_err(|_| ImportError::UnknownVersion { version: u32::MAX })
}

fn check_events(events: &[ReviewEvent]) -> Result<(), ImportError> {
    let mut by_id: HashMap<&str, &ReviewEvent> = HashMap::with_capacity(events.len());
    for (index, event) in events.iter().enumerate() {
        if let Some(problem) = event_problem(event) {
            return Err(ImportError::BadEvent {
                number: index + 1,
                problem,
            });
        }
        if let Some(earlier) = by_id.insert(&event.id.0, event)
            && earlier != event
        {
            return Err(ImportError::ConflictingDuplicate {
                id: event.id.0.clone(),
            });
        }
    }
    Ok(())
}

/// The field serde found missing, as " (\"rating\" is missing)", or nothing. serde's other
/// messages speak of Rust types ("invalid type: string, expected i64"), which mean nothing to a
/// learner, so the message says only which answer (or part) is wrong.
fn missing_field(error: &serde_json::Error) -> String {
    let message = error.to_string();
    message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
        .map(|field| {
            format!(
                " (\"{}\" is missing)",
                field.chars().take(60).collect::<String>()
            )
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(json: &str) -> String {
        missing_field(&serde_json::from_str::<ReviewEvent>(json).unwrap_err())
    }

    #[test]
    fn only_a_missing_field_is_named() {
        assert_eq!(problem(r#"{"id":"a"}"#), " (\"item_id\" is missing)");
        assert_eq!(problem(r#"{"at_ms":"now"}"#), "");
    }
}
