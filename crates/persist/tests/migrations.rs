//! Schema versions: a saved fixture of every version this app can read loads without loss, and
//! data from a newer version is left untouched.

mod support;

use persist::schema::{FIRST_VERSION, SCHEMA_VERSION};
use persist::{ImportError, Theme, load, parse_import};
use support::{NEW_YEAR_MS, fixture_text, raw_from_fixture};

#[test]
fn every_known_version_has_a_saved_and_an_export_fixture_that_loads_cleanly() {
    for version in FIRST_VERSION..=SCHEMA_VERSION {
        let raw = raw_from_fixture(&format!("saved-v{version}.json"));
        let recovered = load(&raw, NEW_YEAR_MS);
        assert_eq!(recovered.notices, [], "saved-v{version}");
        assert_eq!(recovered.quarantine, [], "saved-v{version}");
        assert!(!recovered.log.is_empty(), "saved-v{version} has events");
        let file = parse_import(&fixture_text(&format!("export-v{version}.json")));
        assert!(file.is_ok(), "export-v{version}: {file:?}");
    }
}

#[test]
fn the_v1_saved_fixture_loads_every_record() {
    let recovered = load(&raw_from_fixture("saved-v1.json"), NEW_YEAR_MS);
    assert_eq!(recovered.log.len(), 2);
    assert_eq!(recovered.settings.theme, Theme::Dark);
    assert_eq!(recovered.settings.learner_name, "Alex");
    let resume = recovered.resume.expect("the resume point");
    assert_eq!((resume.queue.len(), resume.position), (2, 1));
    assert!(recovered.repair.is_empty(), "current data needs no rewrite");
    assert_eq!(recovered.newer_version, None);
}

#[test]
fn the_v1_export_fixture_reads_every_field() {
    let file = parse_import(&fixture_text("export-v1.json")).unwrap();
    assert_eq!(file.events.len(), 3);
    assert_eq!(file.settings.learner_name, "Sam Patel");
    assert_eq!(file.settings.theme, Theme::HighContrast);
    assert_eq!(file.settings.study.module("cyber-security").priority, 2.0);
    assert_eq!(file.quarantined.len(), 1);
}

#[test]
fn data_from_a_newer_app_is_left_untouched_and_the_learner_is_told_to_reload() {
    let raw = raw_from_fixture("saved-newer.json");
    let recovered = load(&raw, NEW_YEAR_MS);
    assert_eq!(recovered.newer_version, Some(2));
    assert!(recovered.repair.is_empty(), "nothing may be rewritten");
    assert_eq!(recovered.quarantine, [], "nothing is moved aside either");
    assert!(recovered.log.is_empty());
    assert_eq!(recovered.notices.len(), 1);
    assert!(recovered.notices[0].body.contains("Reload the page"));
}

#[test]
fn an_export_from_a_newer_app_is_refused_with_a_reload_message() {
    let error = parse_import(&fixture_text("export-newer.json")).unwrap_err();
    assert_eq!(error, ImportError::Newer { version: 2 });
    assert!(error.to_string().contains("newer version of Microlearn"));
    assert!(
        error
            .to_string()
            .ends_with("Nothing on this device was changed.")
    );
}

#[test]
fn saved_data_without_a_version_record_is_read_as_the_first_version() {
    let mut raw = raw_from_fixture("saved-v1.json");
    raw.schema_version = None;
    let recovered = load(&raw, NEW_YEAR_MS);
    assert_eq!(recovered.log.len(), 2);
    assert_eq!(recovered.notices, []);
    assert!(recovered.repair.write_schema_version);
}

/// The mechanism a future version will use, run on today's fixture: each record of the v1
/// saved state goes through a v1 -> v2 step, and data already at v2 is not touched again.
#[test]
fn a_migration_step_rewrites_every_record_of_the_v1_fixture() {
    use persist::schema::{Migration, RecordKind, migrate};
    use serde_json::{Value, json};

    fn tag_v2(kind: RecordKind, mut value: Value) -> Result<Value, String> {
        let object = value.as_object_mut().ok_or("not an object")?;
        object.insert("v2_kind".into(), json!(format!("{kind:?}")));
        Ok(value)
    }
    let chain = [Migration {
        from: 1,
        apply: tag_v2,
    }];
    let fixture: Value = serde_json::from_str(&fixture_text("saved-v1.json")).unwrap();
    let settings = migrate(RecordKind::Settings, fixture["settings"].clone(), 1, &chain).unwrap();
    assert_eq!(settings["v2_kind"], "Settings");
    assert_eq!(
        settings["learner_name"], "Alex",
        "the rest of the record is kept"
    );
    for event in fixture["events"].as_array().unwrap() {
        let migrated = migrate(RecordKind::Event, event.clone(), 1, &chain).unwrap();
        assert_eq!(migrated["v2_kind"], "Event");
    }
    let already = migrate(RecordKind::Resume, fixture["resume"].clone(), 2, &chain).unwrap();
    assert_eq!(already, fixture["resume"]);
}
