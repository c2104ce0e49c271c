//! Reading an export file for import: every check a hostile or damaged file must fail, each with
//! a message in plain words, before anything on the device changes.

mod outline;

use crate::export::{EXPORT_FORMAT, ExportFile};
use crate::limits::{
    MAX_DEPTH, MAX_IMPORT_BYTES, MAX_TEXT_BYTES, ScanProblem, scan, time_in_range,
};
use crate::schema::{MigrationError, RecordKind, SCHEMA_VERSION, migrate_to_current};
use crate::validate::{event_problem, settings_problem};
use engine::ReviewEvent;
use outline::{Header, PartsSeed};
use serde::de::DeserializeSeed;
use serde_json::Value;
use serde_json::error::Category;
use std::cell::RefCell;
use std::collections::HashMap;

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
/// about 100 MB of a phone's memory. It is read twice instead: once for the format, version and
/// settings (checking all of its JSON), then for the rest with each event read, migrated and
/// checked as it comes.
pub fn parse_import(text: &str) -> Result<ExportFile, ImportError> {
    check_import_size(text.len() as u64)?;
    scan(text).map_err(|problem| match problem {
        ScanProblem::TooDeep => ImportError::TooDeep,
        ScanProblem::TextTooLong(bytes) => ImportError::TextTooLong { bytes },
    })?;
    let header: Header = serde_json::from_str(text).map_err(|error| match error.classify() {
        Category::Syntax | Category::Eof | Category::Io => ImportError::NotJson {
            line: error.line(),
            column: error.column(),
        },
        // JSON, but not an object.
        Category::Data => ImportError::NotAnExport,
    })?;
    let version = header.version()?;
    if version > SCHEMA_VERSION {
        return Err(ImportError::Newer { version });
    }
    let settings = header.settings.unwrap_or(Value::Null);
    let settings = migrate_to_current(RecordKind::Settings, settings, version).map_err(refuse)?;
    let file = read_parts(text, settings, version)?;
    check_events(&file.events)?;
    if let Some(problem) = settings_problem(&file.settings) {
        return Err(ImportError::BadSettings { problem });
    }
    Ok(file)
}

/// How a migration's failure is told to the learner.
fn refuse(error: MigrationError) -> ImportError {
    match error {
        MigrationError::Newer(version) => ImportError::Newer { version },
        MigrationError::Unknown(version) => ImportError::UnknownVersion { version },
        MigrationError::Step { problem, .. } => ImportError::WrongShape { detail: problem },
    }
}

fn read_parts(text: &str, settings: Value, version: u32) -> Result<ExportFile, ImportError> {
    let first_bad_event = RefCell::new(None);
    let seed = PartsSeed {
        version,
        first_bad_event: &first_bad_event,
    };
    let parts = seed
        .deserialize(&mut serde_json::Deserializer::from_str(text))
        .map_err(|error| ImportError::WrongShape {
            detail: format!("its outline is wrong{}", missing_field(&error)),
        })?;
    if !time_in_range(parts.exported_at_ms) {
        return Err(ImportError::WrongShape {
            detail: "its export time is not between 1970 and 2100".into(),
        });
    }
    let settings = serde_json::from_value(settings).map_err(|error| ImportError::BadSettings {
        problem: format!("they are not in the expected form{}", missing_field(&error)),
    })?;
    // A bad event is told after the outline and the settings, as when the file was read whole.
    if let Some(error) = first_bad_event.into_inner() {
        return Err(error);
    }
    Ok(ExportFile {
        format: EXPORT_FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        exported_at_ms: parts.exported_at_ms,
        settings,
        events: parts.events,
        quarantined: parts.quarantined,
    })
}

/// Event `number` (counting from 1), brought to the current version and read.
fn read_event(value: Value, version: u32, number: usize) -> Result<ReviewEvent, ImportError> {
    let value = migrate_to_current(RecordKind::Event, value, version).map_err(refuse)?;
    serde_json::from_value(value).map_err(|error| ImportError::BadEvent {
        number,
        problem: format!("it is not in the expected form{}", missing_field(&error)),
    })
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
