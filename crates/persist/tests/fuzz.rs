//! Fuzz targets for the import parser and the saved-state loader, driven by proptest: arbitrary
//! bytes, and valid documents cut, spliced and bit-flipped. Properties: no panic, no hang, nothing
//! silently dropped, and a valid export round-trips.
//!
//! Budget: `FUZZ_CASES` cases per target (default 1,000, a few seconds, run by the normal test
//! suite); `cargo xtask fuzz` runs a long release-mode campaign with a larger budget.
//!
//! Hangs: every call should be linear in its input, and a case that breaks this must fail rather
//! than stall the run. proptest's `timeout` runs each target's cases in a child process and fails
//! a case that takes longer than [`CASE_TIME_LIMIT_MS`] (the child is stopped if it never
//! returns); `a_case_that_hangs_fails_the_target` proves it does.

mod support;

use engine::{Confidence, EventKind, ItemKind, Rating, ReviewEvent, ReviewLog};
use persist::{AppSettings, ExportFile, RawRecord, RawSaved, load, parse_import, plan_import};
use proptest::prelude::*;
use proptest::test_runner::{TestError, TestRunner};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use support::{NEW_YEAR_MS, fixture_text};

/// How long one case may take before it counts as a hang. A case parses at most a few KB and
/// takes well under a millisecond, even in a debug build; 5 s leaves room for a machine busy with
/// other builds without letting a real hang (or a quadratic blow-up) pass.
const CASE_TIME_LIMIT_MS: u32 = 5_000;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1_000)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        timeout: CASE_TIME_LIMIT_MS,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The limit is enforced with the targets' own configuration: a case that never returns fails
/// its target once the limit has passed, instead of leaving the run stalled.
#[test]
fn a_case_that_hangs_fails_the_target() {
    // Counted in the child process proptest starts, where the cases run.
    static STARTED: AtomicU32 = AtomicU32::new(0);
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 10,
        max_shrink_iters: 0,
        test_name: Some(concat!(
            module_path!(),
            "::a_case_that_hangs_fails_the_target"
        )),
        ..config()
    });
    let hang = Duration::from_millis(u64::from(CASE_TIME_LIMIT_MS) * 60);
    let started = Instant::now();
    let result = runner.run(&any::<u8>(), |_| {
        if STARTED.fetch_add(1, Ordering::SeqCst) == 3 {
            // Far beyond the limit: only the limit can end this case in time.
            std::thread::sleep(hang);
        }
        Ok(())
    });
    let took = started.elapsed();
    // The child that hung is stopped and the failure recorded; proptest's message for it is
    // "failed in other process", so the timing shows it was the limit that ended the case.
    assert!(
        matches!(result, Err(TestError::Fail(..))),
        "a hanging case must fail the target: {result:?}"
    );
    let limit = Duration::from_millis(CASE_TIME_LIMIT_MS.into());
    assert!(took >= limit && took < hang / 4, "took {took:?}");
}

/// A damaged copy of a valid document: cut short, with bytes overwritten, or with a slice
/// repeated, which are the ways storage and file transfers go wrong.
fn mutated(original: String) -> impl Strategy<Value = String> {
    let length = original.len();
    (
        0..length,
        0..length,
        prop::collection::vec(any::<u8>(), 0..16),
        0..4u8,
    )
        .prop_map(move |(at, other, bytes, how)| {
            let mut data = original.clone().into_bytes();
            let (start, end) = (at.min(other), at.max(other));
            match how {
                0 => data.truncate(at),
                1 => {
                    for (offset, byte) in bytes.iter().enumerate() {
                        if let Some(slot) = data.get_mut(at + offset) {
                            *slot = *byte;
                        }
                    }
                }
                2 => {
                    let slice = data[start..end].to_vec();
                    data.splice(end..end, slice);
                }
                _ => {
                    data.splice(at..at, bytes);
                }
            }
            String::from_utf8_lossy(&data).into_owned()
        })
}

fn json_noise() -> impl Strategy<Value = String> {
    prop::string::string_regex(r#"[\[\]{}",:0-9a-z\\ ntrue-]{0,200}"#).unwrap()
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        json_noise(),
        mutated(saved_event_text()),
    ]
}

fn saved_event_text() -> String {
    fixture_event().to_string()
}

fn fixture_event() -> serde_json::Value {
    let file: serde_json::Value = serde_json::from_str(&fixture_text("export-v1.json")).unwrap();
    file["events"][1].clone()
}

fn raw_saved() -> impl Strategy<Value = RawSaved> {
    let record = (
        prop::string::string_regex("[a-z0-9:]{1,8}").unwrap(),
        any_text(),
    )
        .prop_map(|(key, text)| RawRecord { key, text });
    (
        prop::option::of(prop_oneof![Just("1".to_string()), any_text()]),
        prop::option::of(prop_oneof![any_text(), mutated(settings_text())]),
        prop::option::of(any_text()),
        prop::collection::vec(record, 0..12),
    )
        .prop_map(|(schema_version, settings, resume, events)| RawSaved {
            schema_version,
            settings,
            resume,
            events,
        })
}

fn settings_text() -> String {
    let file: serde_json::Value = serde_json::from_str(&fixture_text("export-v1.json")).unwrap();
    file["settings"].to_string()
}

fn review_event() -> impl Strategy<Value = ReviewEvent> {
    (
        "[a-z0-9:]{1,12}",
        "[a-z/-]{1,20}",
        any::<u32>(),
        0..ItemKind::ALL.len(),
        0i64..4_102_444_800_000,
        0..4usize,
        0.0f32..=1.0,
        any::<u32>(),
        prop::option::of(prop_oneof![
            Just(Confidence::Low),
            Just(Confidence::Medium),
            Just(Confidence::High)
        ]),
        any::<bool>(),
    )
        .prop_map(
            |(id, item, version, kind, at_ms, rating, score, response_ms, confidence, tested)| {
                ReviewEvent {
                    id: engine::EventId::new(id),
                    item_id: engine::ItemId::new(item),
                    item_version: version,
                    item_kind: ItemKind::ALL[kind],
                    at_ms,
                    rating: Rating::ALL[rating],
                    score,
                    response_ms,
                    confidence,
                    kind: if tested {
                        EventKind::TestedOut
                    } else {
                        EventKind::Review
                    },
                }
            },
        )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn import_never_panics_on_arbitrary_bytes(text in any_text()) {
        let _ = parse_import(&text);
    }

    #[test]
    fn import_never_panics_on_a_damaged_export(text in mutated(fixture_text("export-v1.json"))) {
        if let Ok(file) = parse_import(&text) {
            // Whatever got through is usable as it is.
            let plan = plan_import(&ReviewLog::new(), &AppSettings::default(), &file);
            let merged = plan.merged_log(&ReviewLog::new());
            prop_assert_eq!(merged.len(), ReviewLog::from_events(file.events).len());
        }
    }

    #[test]
    fn loading_never_panics_and_never_silently_drops_a_record(raw in raw_saved()) {
        let recovered = load(&raw, NEW_YEAR_MS);
        if recovered.newer_version.is_some() {
            prop_assert!(recovered.repair.is_empty());
            return Ok(());
        }
        for record in &raw.events {
            let quarantined = recovered.repair.remove_event_keys.contains(&record.key)
                && recovered.quarantine.iter().any(|kept| kept.text == record.text);
            // Read the way the loader reads (a JSON value first, so a repeated key keeps its
            // last value, which the fuzzer found strict struct parsing would refuse).
            let loaded = serde_json::from_str::<serde_json::Value>(&record.text)
                .and_then(serde_json::from_value::<ReviewEvent>)
                .is_ok_and(|event| recovered.log.events().iter().any(|kept| kept.id == event.id));
            prop_assert!(quarantined || loaded, "record {:?} vanished", record.key);
        }
        if !recovered.quarantine.is_empty() {
            prop_assert!(!recovered.notices.is_empty(), "set aside without telling the learner");
        }
    }

    #[test]
    fn an_export_round_trips_and_importing_it_twice_changes_nothing(
        events in prop::collection::vec(review_event(), 0..40),
        name in "\\PC{0,40}",
        onboarded in any::<bool>(),
    ) {
        let log = ReviewLog::from_events(events);
        let settings = AppSettings { learner_name: name, onboarded, ..AppSettings::default() };
        let text = ExportFile::new(&log, &settings, Vec::new(), NEW_YEAR_MS).to_json();
        let file = parse_import(&text).unwrap();
        prop_assert_eq!(ReviewLog::from_events(file.events.clone()), log.clone());
        let first = plan_import(&ReviewLog::new(), &AppSettings::default(), &file);
        let after = first.settings.clone().unwrap_or_default();
        let after_first = first.merged_log(&ReviewLog::new());
        let second = plan_import(&after_first, &after, &file);
        prop_assert!(second.new_events.is_empty());
        prop_assert_eq!(second.merged_log(&after_first), log);
        prop_assert_eq!(second.settings, None);
    }
}
