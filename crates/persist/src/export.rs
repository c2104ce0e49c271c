//! The export file: one versioned JSON document with the review log, the settings and any
//! quarantined data, documented in `docs/export-format.md`.

use crate::AppSettings;
use crate::notice::Quarantined;
use crate::schema::SCHEMA_VERSION;
use engine::{ReviewEvent, ReviewLog};
use serde::{Deserialize, Serialize};

/// The value of the `format` field that marks a Microlearn export.
pub const EXPORT_FORMAT: &str = "microlearn-export";

/// An export file as written by this version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The schema version of everything inside.
    pub schema_version: u32,
    /// When the file was made (UTC ms, the device's clock).
    pub exported_at_ms: i64,
    /// The learner's settings.
    pub settings: AppSettings,
    /// Every review event, in replay order.
    pub events: Vec<ReviewEvent>,
    /// Damaged data found on the device, kept so it can be recovered by hand; never imported.
    #[serde(default)]
    pub quarantined: Vec<Quarantined>,
}

impl ExportFile {
    /// A file holding the given progress.
    pub fn new(
        log: &ReviewLog,
        settings: &AppSettings,
        quarantined: Vec<Quarantined>,
        now_ms: i64,
    ) -> Self {
        Self {
            format: EXPORT_FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            exported_at_ms: now_ms,
            settings: settings.clone(),
            events: log.events().to_vec(),
            quarantined,
        }
    }

    /// The file's text: pretty-printed so a training team can read it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("export types always serialise")
    }
}

/// An export file borrowing what it holds, for writing: the same JSON as [`ExportFile`]
/// (the fields in the same order), without copying a log of 100,000 answers first.
#[derive(Debug, Serialize)]
pub struct ExportView<'a> {
    format: &'static str,
    schema_version: u32,
    exported_at_ms: i64,
    settings: &'a AppSettings,
    events: &'a [ReviewEvent],
    quarantined: &'a [Quarantined],
}

impl<'a> ExportView<'a> {
    /// The file [`ExportFile::new`] would make from the same progress.
    pub fn new(
        log: &'a ReviewLog,
        settings: &'a AppSettings,
        quarantined: &'a [Quarantined],
        now_ms: i64,
    ) -> Self {
        Self {
            format: EXPORT_FORMAT,
            schema_version: SCHEMA_VERSION,
            exported_at_ms: now_ms,
            settings,
            events: log.events(),
            quarantined,
        }
    }
}

/// A suggested file name for an export made at `now_ms`: `microlearn-progress-2026-11-21.json`.
pub fn export_file_name(now_ms: i64) -> String {
    let (year, month, day) = civil_date(now_ms.div_euclid(86_400_000));
    format!("microlearn-progress-{year:04}-{month:02}-{day:02}.json")
}

/// The UTC calendar date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_the_utc_date() {
        assert_eq!(
            export_file_name(1_767_225_600_000),
            "microlearn-progress-2026-01-01.json"
        );
        assert_eq!(export_file_name(0), "microlearn-progress-1970-01-01.json");
        assert_eq!(
            export_file_name(951_782_400_000),
            "microlearn-progress-2000-02-29.json"
        );
    }

    #[test]
    fn the_borrowing_view_writes_the_same_file() {
        let log = engine::synthetic::benchmark_log(20, 50);
        let settings = AppSettings {
            onboarded: true,
            ..AppSettings::default()
        };
        let quarantined = vec![Quarantined {
            source: "event record \"x\"".into(),
            reason: "not readable JSON".into(),
            found_at_ms: 5,
            text: "{cut".into(),
        }];
        let file = ExportFile::new(&log, &settings, quarantined.clone(), 7);
        let view = ExportView::new(&log, &settings, &quarantined, 7);
        assert_eq!(serde_json::to_string_pretty(&view).unwrap(), file.to_json());
    }
}
