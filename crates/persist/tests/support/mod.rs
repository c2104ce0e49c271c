//! Helpers shared by the persist integration tests: fixtures as raw records, and sample events.
#![allow(dead_code)]

use engine::{EventId, EventKind, ItemId, ItemKind, Rating, ReviewEvent};
use persist::{RawRecord, RawSaved};
use serde_json::Value;

/// 1 January 2026, 00:00 UTC.
pub const NEW_YEAR_MS: i64 = 1_767_225_600_000;

pub fn fixture_text(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// A saved-state fixture (each record written out as JSON) as the text records the browser
/// would hand over.
pub fn raw_from_fixture(name: &str) -> RawSaved {
    let value: Value = serde_json::from_str(&fixture_text(name)).unwrap();
    let text = |key: &str| value.get(key).map(Value::to_string);
    let events = value["events"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(index, event)| RawRecord {
            key: event
                .get("id")
                .or_else(|| event.get("uid"))
                .and_then(Value::as_str)
                .map_or_else(|| index.to_string(), str::to_string),
            text: event.to_string(),
        })
        .collect();
    RawSaved {
        schema_version: text("schema_version"),
        settings: text("settings"),
        resume: text("resume"),
        events,
    }
}

pub fn event(id: &str, item: &str, at_ms: i64, rating: Rating) -> ReviewEvent {
    ReviewEvent {
        id: EventId::new(id),
        item_id: ItemId::new(item),
        item_version: 1,
        item_kind: ItemKind::Single,
        at_ms,
        rating,
        score: if rating.is_recall() { 1.0 } else { 0.0 },
        response_ms: 7_000,
        confidence: None,
        kind: EventKind::Review,
    }
}

/// Events as the browser stores them: one record per event, keyed by id.
pub fn records(events: &[ReviewEvent]) -> Vec<RawRecord> {
    events
        .iter()
        .map(|event| RawRecord {
            key: event.id.0.clone(),
            text: serde_json::to_string(event).unwrap(),
        })
        .collect()
}

pub fn saved_with_events(events: &[ReviewEvent]) -> RawSaved {
    RawSaved {
        schema_version: Some(persist::SCHEMA_VERSION.to_string()),
        events: records(events),
        ..RawSaved::default()
    }
}
