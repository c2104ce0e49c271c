//! Schema versions of saved data and the chain of migrations that brings older data forward.
//!
//! Version 1 is the first format ever saved (the app stored nothing before it), so the chain is
//! empty today. When the format changes: raise [`SCHEMA_VERSION`], append one [`Migration`] to
//! [`MIGRATIONS`] whose `from` is the old version, and save a fixture of the old format as
//! `tests/fixtures/saved-v<old>.json` and `tests/fixtures/export-v<old>.json`; the tests in
//! `tests/migrations.rs` fail until all three exist.

use serde_json::Value;

/// The version of the saved format this app writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The first version that ever existed.
pub const FIRST_VERSION: u32 = 1;

/// The kinds of saved record a migration rewrites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// One review event.
    Event,
    /// The learner's settings.
    Settings,
    /// The point to resume a session from.
    Resume,
}

/// One step forward: rewrites a record of version `from` into version `from + 1`.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub from: u32,
    pub apply: fn(RecordKind, Value) -> Result<Value, String>,
}

/// Every migration, oldest first; `MIGRATIONS[i].from == FIRST_VERSION + i`.
pub const MIGRATIONS: &[Migration] = &[];

/// Why a record could not be brought forward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// Saved by a newer app than this one; it must be left untouched.
    Newer(u32),
    /// Older than any version this app knows (never written by Microlearn).
    Unknown(u32),
    /// A migration step refused the record.
    Step { from: u32, problem: String },
}

/// Brings one record from version `from` to the newest version `chain` reaches.
pub fn migrate(
    kind: RecordKind,
    value: Value,
    from: u32,
    chain: &[Migration],
) -> Result<Value, MigrationError> {
    let newest = FIRST_VERSION + chain.len() as u32;
    if from > newest {
        return Err(MigrationError::Newer(from));
    }
    if from < FIRST_VERSION {
        return Err(MigrationError::Unknown(from));
    }
    chain
        .iter()
        .skip((from - FIRST_VERSION) as usize)
        .try_fold(value, |value, step| {
            (step.apply)(kind, value).map_err(|problem| MigrationError::Step {
                from: step.from,
                problem,
            })
        })
}

/// Brings one record forward with the app's own chain.
pub fn migrate_to_current(
    kind: RecordKind,
    value: Value,
    from: u32,
) -> Result<Value, MigrationError> {
    migrate(kind, value, from, MIGRATIONS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rename_minutes(kind: RecordKind, mut value: Value) -> Result<Value, String> {
        if kind == RecordKind::Settings {
            let object = value.as_object_mut().ok_or("settings are not an object")?;
            if let Some(minutes) = object.remove("minutes") {
                object.insert("daily_minutes".into(), minutes);
            }
        }
        Ok(value)
    }

    fn add_marker(_kind: RecordKind, mut value: Value) -> Result<Value, String> {
        value["migrated_to_3"] = json!(true);
        Ok(value)
    }

    const TEST_CHAIN: &[Migration] = &[
        Migration {
            from: 1,
            apply: rename_minutes,
        },
        Migration {
            from: 2,
            apply: add_marker,
        },
    ];

    #[test]
    fn the_app_chain_reaches_the_current_version_one_step_at_a_time() {
        assert_eq!(
            FIRST_VERSION + MIGRATIONS.len() as u32,
            SCHEMA_VERSION,
            "raising SCHEMA_VERSION needs a migration from the previous version"
        );
        for (index, step) in MIGRATIONS.iter().enumerate() {
            assert_eq!(step.from, FIRST_VERSION + index as u32);
        }
    }

    #[test]
    fn steps_run_in_order_from_the_saved_version() {
        let old = json!({"minutes": 7});
        let migrated = migrate(RecordKind::Settings, old, 1, TEST_CHAIN).unwrap();
        assert_eq!(migrated, json!({"daily_minutes": 7, "migrated_to_3": true}));
        let from_two = migrate(RecordKind::Settings, json!({"minutes": 7}), 2, TEST_CHAIN);
        assert_eq!(
            from_two.unwrap(),
            json!({"minutes": 7, "migrated_to_3": true})
        );
    }

    #[test]
    fn current_data_passes_through_unchanged_and_newer_data_is_refused() {
        let value = json!({"anything": [1, 2]});
        assert_eq!(
            migrate_to_current(RecordKind::Event, value.clone(), SCHEMA_VERSION),
            Ok(value.clone())
        );
        assert_eq!(
            migrate_to_current(RecordKind::Event, value.clone(), SCHEMA_VERSION + 1),
            Err(MigrationError::Newer(SCHEMA_VERSION + 1))
        );
        assert_eq!(
            migrate_to_current(RecordKind::Event, value, 0),
            Err(MigrationError::Unknown(0))
        );
    }

    #[test]
    fn a_failing_step_names_its_version() {
        let result = migrate(RecordKind::Settings, json!([1]), 1, TEST_CHAIN);
        assert_eq!(
            result,
            Err(MigrationError::Step {
                from: 1,
                problem: "settings are not an object".into()
            })
        );
    }
}
