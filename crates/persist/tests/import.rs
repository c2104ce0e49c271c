//! Export and import: round trip, union merge (importing twice changes nothing, two devices'
//! progress is kept), and hostile or damaged files refused with a clear message.

mod support;

use engine::{Rating, ReviewLog};
use persist::limits::{MAX_DEPTH, MAX_IMPORT_BYTES, MAX_TEXT_BYTES};
use persist::{AppSettings, ExportFile, ImportError, check_import_size, parse_import, plan_import};
use serde_json::{Value, json};
use support::{NEW_YEAR_MS, event, fixture_text};

fn log_of(ids: &[&str]) -> ReviewLog {
    let events = ids
        .iter()
        .enumerate()
        .map(|(n, id)| event(id, "m/l/q1", NEW_YEAR_MS + n as i64 * 60_000, Rating::Good))
        .collect();
    ReviewLog::from_events(events)
}

fn onboarded() -> AppSettings {
    AppSettings {
        onboarded: true,
        ..AppSettings::default()
    }
}

fn export_of(log: &ReviewLog, settings: &AppSettings) -> String {
    ExportFile::new(log, settings, Vec::new(), NEW_YEAR_MS).to_json()
}

#[test]
fn an_export_imports_into_an_empty_device_exactly() {
    let log = log_of(&["a:1", "a:2", "a:3"]);
    let settings = AppSettings {
        learner_name: "Sam".into(),
        ..onboarded()
    };
    let file = parse_import(&export_of(&log, &settings)).unwrap();
    let plan = plan_import(&ReviewLog::new(), &AppSettings::default(), &file);
    assert_eq!(plan.merged_log(&ReviewLog::new()), log);
    assert_eq!(plan.settings, Some(settings));
    assert_eq!(plan.report.events_added, 3);
}

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() {
    let text = fixture_text("export-v1.json");
    let file = parse_import(&text).unwrap();
    let first = plan_import(&ReviewLog::new(), &AppSettings::default(), &file);
    let settings_after = first.settings.clone().unwrap();
    let after_first = first.merged_log(&ReviewLog::new());
    let second = plan_import(&after_first, &settings_after, &file);
    assert_eq!(second.new_events, []);
    assert_eq!(second.settings, None);
    assert_eq!(second.merged_log(&after_first), after_first);
    assert_eq!(second.report.events_already_present, 3);
}

#[test]
fn importing_into_a_device_with_other_progress_keeps_both() {
    let device = log_of(&["phone:1", "phone:2"]);
    let device_settings = AppSettings {
        learner_name: "Sam on the phone".into(),
        ..onboarded()
    };
    let mut file_settings = onboarded();
    file_settings
        .placement_done
        .insert("cyber-security".into(), NEW_YEAR_MS);
    let file = parse_import(&export_of(&log_of(&["pc:1", "phone:2"]), &file_settings)).unwrap();
    let plan = plan_import(&device, &device_settings, &file);
    let merged = plan.merged_log(&device);
    let ids: Vec<&str> = merged.events().iter().map(|e| e.id.0.as_str()).collect();
    assert_eq!(
        ids,
        ["pc:1", "phone:1", "phone:2"],
        "same time: ordered by id"
    );
    assert_eq!(plan.report.events_added, 1);
    let settings = plan.settings.unwrap();
    assert_eq!(
        settings.learner_name, "Sam on the phone",
        "the device's own choices stay"
    );
    assert!(settings.placement_done.contains_key("cyber-security"));
}

#[test]
fn script_in_text_fields_is_kept_as_plain_text() {
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let mut log_events = log_of(&["a:1"]).events().to_vec();
    log_events[0].item_id = engine::ItemId::new(hostile);
    let settings = AppSettings {
        learner_name: hostile.into(),
        ..onboarded()
    };
    let file = parse_import(&export_of(&ReviewLog::from_events(log_events), &settings)).unwrap();
    assert_eq!(file.settings.learner_name, hostile);
    assert_eq!(file.events[0].item_id.0, hostile);
}

fn refused(text: &str) -> ImportError {
    let error = parse_import(text).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("Nothing on this device was changed."),
        "{error}"
    );
    error
}

fn fixture_value() -> Value {
    serde_json::from_str(&fixture_text("export-v1.json")).unwrap()
}

#[test]
fn an_oversized_file_is_refused() {
    let text = " ".repeat(MAX_IMPORT_BYTES + 1);
    let error = refused(&text);
    assert_eq!(
        error,
        ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES as u64 + 1
        }
    );
    assert!(error.to_string().contains("the largest accepted is 64 MB"));
}

/// The app checks a chosen file's size before reading it; the size alone decides, and a file
/// larger than a 32-bit `usize` (the browser's) is still refused, not wrapped round.
#[test]
fn the_size_is_checked_before_the_file_is_read() {
    assert_eq!(check_import_size(MAX_IMPORT_BYTES as u64), Ok(()));
    let error = check_import_size(MAX_IMPORT_BYTES as u64 + 1).unwrap_err();
    assert_eq!(
        error.to_string(),
        "This file is too large to be a Microlearn progress file (65 MB; the largest accepted \
         is 64 MB). Nothing on this device was changed."
    );
    assert_eq!(
        check_import_size(5 << 30),
        Err(ImportError::TooLarge { bytes: 5 << 30 })
    );
}

#[test]
fn deep_nesting_is_refused() {
    let mut value = fixture_value();
    let mut deep = json!("x");
    for _ in 0..MAX_DEPTH * 4 {
        deep = json!([deep]);
    }
    value["settings"]["extra"] = deep;
    assert_eq!(refused(&value.to_string()), ImportError::TooDeep);
    let bomb = "[".repeat(100_000);
    assert_eq!(refused(&bomb), ImportError::TooDeep);
}

#[test]
fn a_huge_string_is_refused() {
    let mut value = fixture_value();
    value["settings"]["learner_name"] = json!("A".repeat(MAX_TEXT_BYTES + 1));
    assert!(matches!(
        refused(&value.to_string()),
        ImportError::TextTooLong { .. }
    ));
    value["settings"]["learner_name"] = json!("A".repeat(5_000));
    let error = refused(&value.to_string());
    assert!(
        error
            .to_string()
            .contains("learner name is longer than 200"),
        "{error}"
    );
}

#[test]
fn malformed_json_is_refused_with_its_position() {
    let text = fixture_text("export-v1.json");
    let error = refused(&text[..text.len() / 2]);
    assert!(matches!(error, ImportError::NotJson { .. }));
    assert!(error.to_string().contains("cut short"));
    assert!(matches!(
        refused("\u{0}\u{ff}PK\u{3}\u{4}"),
        ImportError::NotJson { line: 1, .. }
    ));
}

#[test]
fn other_json_is_not_an_export() {
    assert_eq!(refused("[]"), ImportError::NotAnExport);
    assert_eq!(refused(r#"{"format":"anki"}"#), ImportError::NotAnExport);
    let mut value = fixture_value();
    value["schema_version"] = json!("1");
    assert!(matches!(
        refused(&value.to_string()),
        ImportError::WrongShape { .. }
    ));
}

#[test]
fn an_unknown_old_version_is_refused() {
    let mut value = fixture_value();
    value["schema_version"] = json!(0);
    assert_eq!(
        refused(&value.to_string()),
        ImportError::UnknownVersion { version: 0 }
    );
}

#[test]
fn wrong_types_name_the_answer() {
    let mut value = fixture_value();
    value["events"][1]["rating"] = json!(7);
    let error = refused(&value.to_string());
    assert!(
        matches!(error, ImportError::BadEvent { number: 2, .. }),
        "{error:?}"
    );
    let mut value = fixture_value();
    value["events"] = json!({"not": "a list"});
    assert!(matches!(
        refused(&value.to_string()),
        ImportError::WrongShape { .. }
    ));
    let mut value = fixture_value();
    value["settings"]["theme"] = json!(["dark"]);
    assert!(matches!(
        refused(&value.to_string()),
        ImportError::BadSettings { .. }
    ));
}

#[test]
fn bad_ids_and_timestamps_are_refused() {
    let cases = [
        ("id", json!("")),
        ("id", json!("x".repeat(300))),
        ("item_id", json!("a\u{7}b")),
        ("at_ms", json!(-1)),
        ("at_ms", json!(9_000_000_000_000i64)),
        ("score", json!(-0.5)),
    ];
    for (field, bad) in cases {
        let mut value = fixture_value();
        value["events"][0][field] = bad;
        let error = refused(&value.to_string());
        assert!(
            matches!(error, ImportError::BadEvent { number: 1, .. }),
            "{field}: {error:?}"
        );
    }
    let mut value = fixture_value();
    value["settings"]["placement_done"]["x"] = json!(-5);
    assert!(matches!(
        refused(&value.to_string()),
        ImportError::BadSettings { .. }
    ));
}

#[test]
fn two_different_answers_with_one_id_are_refused() {
    let mut value = fixture_value();
    value["events"][1]["id"] = value["events"][0]["id"].clone();
    let error = refused(&value.to_string());
    assert!(matches!(error, ImportError::ConflictingDuplicate { .. }));
    let mut value = fixture_value();
    let copy = value["events"][0].clone();
    value["events"].as_array_mut().unwrap().push(copy);
    assert!(
        parse_import(&value.to_string()).is_ok(),
        "an exact repeat is harmless"
    );
}

#[test]
fn a_repeated_top_level_key_keeps_its_last_value_but_each_must_be_well_formed() {
    let log = log_of(&["a:1", "a:2"]);
    let text = export_of(&log, &onboarded());
    let repeated = text.replacen('{', r#"{"events": [], "exported_at_ms": 0,"#, 1);
    let file = parse_import(&repeated).unwrap();
    assert_eq!(ReviewLog::from_events(file.events), log);
    let shadowed_garbage = text.replacen('{', r#"{"exported_at_ms": "never","#, 1);
    assert_eq!(
        refused(&shadowed_garbage),
        ImportError::WrongShape {
            detail: "its outline is wrong".into()
        }
    );
}
