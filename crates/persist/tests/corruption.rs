//! Damaged saved data: truncated JSON, wrong types, missing fields and random bytes are never
//! silently discarded. Each case checks what was recovered, the quarantine copy and the notice.

mod support;

use engine::Rating;
use persist::{RawRecord, RawSaved, Recovered, TextSize, Theme, load};
use support::{NEW_YEAR_MS, event, records, saved_with_events};

fn three_events() -> Vec<engine::ReviewEvent> {
    (1..=3)
        .map(|n| {
            event(
                &format!("d:{n}"),
                "m/l/q1",
                NEW_YEAR_MS + n * 60_000,
                Rating::Good,
            )
        })
        .collect()
}

/// The learner is told, the copy is byte for byte the damaged record, and the damaged record is
/// removed from the events only because its copy is kept.
fn assert_one_event_quarantined(recovered: &Recovered, key: &str, text: &str) {
    assert_eq!(recovered.quarantine.len(), 1);
    assert_eq!(recovered.quarantine[0].text, text);
    assert_eq!(
        recovered.quarantine[0].source,
        format!("event record {key:?}")
    );
    assert_eq!(recovered.repair.remove_event_keys, [key]);
    assert_eq!(recovered.notices.len(), 1);
    assert_eq!(
        recovered.notices[0].title,
        "Some saved answers could not be read"
    );
    assert!(
        recovered.notices[0]
            .body
            .starts_with("1 answer saved on this device was damaged")
    );
    assert!(recovered.notices[0].body.contains("Export my progress"));
}

fn with_bad_event(text: &str) -> RawSaved {
    let mut raw = saved_with_events(&three_events());
    raw.events.insert(
        1,
        RawRecord {
            key: "bad".into(),
            text: text.into(),
        },
    );
    raw
}

#[test]
fn a_truncated_event_is_quarantined_and_the_others_kept() {
    let full = serde_json::to_string(&event("bad", "m/l/q2", NEW_YEAR_MS, Rating::Good)).unwrap();
    let truncated = &full[..full.len() / 2];
    let recovered = load(&with_bad_event(truncated), NEW_YEAR_MS);
    assert_eq!(recovered.log.len(), 3);
    assert_one_event_quarantined(&recovered, "bad", truncated);
}

#[test]
fn an_event_with_wrong_types_is_quarantined() {
    let text = r#"{"id":"bad","item_id":7,"item_version":"one","item_kind":"single","at_ms":1,"rating":"good","score":1,"response_ms":1}"#;
    let recovered = load(&with_bad_event(text), NEW_YEAR_MS);
    assert_eq!(recovered.log.len(), 3);
    assert_one_event_quarantined(&recovered, "bad", text);
    assert!(
        recovered.quarantine[0]
            .reason
            .starts_with("not a review event")
    );
}

#[test]
fn an_event_with_missing_fields_is_quarantined() {
    let text = r#"{"id":"bad","item_id":"m/l/q1"}"#;
    let recovered = load(&with_bad_event(text), NEW_YEAR_MS);
    assert_eq!(recovered.log.len(), 3);
    assert_one_event_quarantined(&recovered, "bad", text);
    assert!(recovered.quarantine[0].reason.contains("missing field"));
}

#[test]
fn an_event_of_random_bytes_is_quarantined() {
    let bytes: Vec<u8> = (0..64u32)
        .map(|n| (n.wrapping_mul(2_654_435_761) >> 7) as u8)
        .collect();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let recovered = load(&with_bad_event(&text), NEW_YEAR_MS);
    assert_eq!(recovered.log.len(), 3);
    assert_one_event_quarantined(&recovered, "bad", &text);
}

#[test]
fn an_event_that_parses_but_is_impossible_is_quarantined() {
    let mut impossible = event("bad", "m/l/q1", -86_400_000, Rating::Good);
    impossible.score = 3.0;
    let text = serde_json::to_string(&impossible).unwrap();
    let recovered = load(&with_bad_event(&text), NEW_YEAR_MS);
    assert_one_event_quarantined(&recovered, "bad", &text);
    assert!(
        recovered.quarantine[0]
            .reason
            .contains("not between 1970 and 2100")
    );
}

#[test]
fn many_damaged_events_give_one_notice_with_the_count() {
    let mut raw = saved_with_events(&three_events());
    raw.events.extend((0..4).map(|n| RawRecord {
        key: format!("x{n}"),
        text: "{".into(),
    }));
    let recovered = load(&raw, NEW_YEAR_MS);
    assert_eq!((recovered.log.len(), recovered.quarantine.len()), (3, 4));
    assert_eq!(recovered.notices.len(), 1);
    assert!(
        recovered.notices[0]
            .body
            .starts_with("4 answers saved on this device were damaged")
    );
}

fn with_settings(text: &str) -> RawSaved {
    RawSaved {
        settings: Some(text.into()),
        ..saved_with_events(&three_events())
    }
}

fn assert_settings_quarantined(recovered: &Recovered, text: &str) {
    assert_eq!(recovered.log.len(), 3, "answers are untouched");
    assert_eq!(recovered.quarantine.len(), 1);
    assert_eq!(recovered.quarantine[0].source, "settings");
    assert_eq!(recovered.quarantine[0].text, text);
    assert_eq!(recovered.notices.len(), 1);
    assert_eq!(
        recovered.notices[0].title,
        "Some of your settings could not be read"
    );
    assert_eq!(
        recovered.repair.put_settings.as_ref(),
        Some(&recovered.settings)
    );
}

#[test]
fn truncated_settings_keep_every_complete_field() {
    let text = r#"{"onboarded":true,"theme":"dark","text_size":"large","learner_name":"Jo"#;
    let recovered = load(&with_settings(text), NEW_YEAR_MS);
    assert!(recovered.settings.onboarded);
    assert_eq!(recovered.settings.theme, Theme::Dark);
    assert_eq!(recovered.settings.text_size, TextSize::Large);
    assert_eq!(recovered.settings.learner_name, "");
    assert_settings_quarantined(&recovered, text);
}

#[test]
fn settings_with_wrong_types_reset_only_those_fields_and_name_them() {
    let text = r#"{"onboarded":true,"theme":"purple","reduced_motion":"yes","learner_name":"Jo"}"#;
    let recovered = load(&with_settings(text), NEW_YEAR_MS);
    assert!(recovered.settings.onboarded);
    assert_eq!(recovered.settings.learner_name, "Jo");
    assert_eq!(recovered.settings.theme, Theme::System);
    assert_settings_quarantined(&recovered, text);
    let body = &recovered.notices[0].body;
    assert!(body.contains("reduced motion, colour scheme"), "{body}");
}

#[test]
fn settings_with_missing_fields_fill_in_defaults_without_a_notice() {
    // An older app simply did not have some settings: nothing is damaged.
    let recovered = load(&with_settings(r#"{"onboarded":true}"#), NEW_YEAR_MS);
    assert!(recovered.settings.onboarded);
    assert_eq!(recovered.notices, []);
    assert_eq!(recovered.quarantine, []);
}

#[test]
fn settings_of_random_bytes_are_reset_and_kept_aside() {
    let text = "\u{7f}\u{1b}[2J\u{0}garbage";
    let recovered = load(&with_settings(text), NEW_YEAR_MS);
    assert_eq!(recovered.settings, persist::AppSettings::default());
    assert_settings_quarantined(&recovered, text);
    assert!(
        recovered.notices[0]
            .body
            .contains("set back to their usual values")
    );
}

#[test]
fn a_damaged_resume_point_is_kept_aside_and_the_answers_are_safe() {
    let raw = RawSaved {
        resume: Some(r#"{"queue":[{"item_id":5}],"position":"#.into()),
        ..saved_with_events(&three_events())
    };
    let recovered = load(&raw, NEW_YEAR_MS);
    assert_eq!(recovered.resume, None);
    assert_eq!(recovered.log.len(), 3);
    assert!(recovered.repair.remove_resume);
    assert_eq!(recovered.quarantine[0].source, "resume point");
    assert!(recovered.notices[0].body.contains("Your answers are safe"));
}

#[test]
fn a_damaged_version_record_is_kept_aside_and_everything_else_loads() {
    let raw = RawSaved {
        schema_version: Some("\u{0}\u{1}".into()),
        ..saved_with_events(&three_events())
    };
    let recovered = load(&raw, NEW_YEAR_MS);
    assert_eq!(recovered.log.len(), 3);
    assert_eq!(recovered.quarantine[0].source, "schema version record");
    assert!(recovered.repair.write_schema_version);
    assert_eq!(recovered.notices.len(), 1);
}

#[test]
fn an_empty_device_loads_defaults_with_nothing_to_repair() {
    let recovered = load(&RawSaved::default(), NEW_YEAR_MS);
    assert!(recovered.log.is_empty());
    assert_eq!(recovered.notices, []);
    assert!(recovered.repair.is_empty());
}

#[test]
fn an_event_stored_twice_under_different_keys_counts_once() {
    let events = three_events();
    let mut raw = saved_with_events(&events);
    let mut copy = records(&events[..1]);
    copy[0].key = "copy".into();
    raw.events.extend(copy);
    let recovered = load(&raw, NEW_YEAR_MS);
    assert_eq!(recovered.log.len(), 3);
    assert_eq!(recovered.notices, []);
}
