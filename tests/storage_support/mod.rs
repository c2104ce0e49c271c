//! Helpers for the storage wasm tests: a simulated full disk, sample answers, and a raw
//! IndexedDB connection to seed or read the app's database as another program would.

use engine::{EventId, EventKind, ItemId, ItemKind, Rating, ReviewEvent};
use microlearn::storage::Store;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

/// A full disk, simulated by making IndexedDB `put` throw the browser's quota error once `room`
/// more records have been accepted (the real quota is exercised in
/// tests/e2e/storage-quota.spec.mjs through the DevTools protocol). With room for one record, a
/// save of two answers gets halfway inside its transaction before it fails, which is what
/// proves a failed save leaves nothing half-written.
#[wasm_bindgen(inline_js = "
let original = null;
export function fill_disk(room) {
  original = original || IDBObjectStore.prototype.put;
  const put = original;
  let left = room;
  IDBObjectStore.prototype.put = function (...args) {
    if (left > 0) { left -= 1; return put.apply(this, args); }
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}
export function free_disk() {
  if (original) { IDBObjectStore.prototype.put = original; original = null; }
}
")]
extern "C" {
    pub fn fill_disk(room: u32);
    pub fn free_disk();
}

pub const NEW_YEAR_MS: i64 = 1_767_225_600_000;

pub fn event(id: &str, minute: i64) -> ReviewEvent {
    ReviewEvent {
        id: EventId::new(id),
        item_id: ItemId::new("cyber-security/phishing/q1"),
        item_version: 1,
        item_kind: ItemKind::Single,
        at_ms: NEW_YEAR_MS + minute * 60_000,
        rating: Rating::Good,
        score: 1.0,
        response_ms: 8_000,
        confidence: None,
        kind: EventKind::Review,
    }
}

/// Item ids as the bundled content has them (every item of one lesson per module), so a byte
/// count reflects the ids learners' answers really carry.
pub fn real_item_ids() -> Vec<String> {
    let lessons = [
        include_str!("../../content/cyber-security/phishing.md"),
        include_str!("../../content/data-analytics/spc-charts.md"),
        include_str!("../../content/nhs-app/appointments.md"),
    ];
    let ids: Vec<String> = lessons.iter().flat_map(|text| item_ids_in(text)).collect();
    assert!(ids.len() >= 15, "the lessons hold {} items", ids.len());
    ids
}

/// The `id` of each ```item block of a lesson file.
fn item_ids_in(lesson: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut in_item = false;
    for line in lesson.lines() {
        match line.trim() {
            "```item" => in_item = true,
            "```" => in_item = false,
            text if in_item && text.starts_with("id = \"") => {
                ids.push(
                    text.trim_start_matches("id = \"")
                        .trim_end_matches('"')
                        .into(),
                );
                in_item = false;
            }
            _ => {}
        }
    }
    ids
}

/// An event id in the format the app makes (`src/pages/session.rs`): the device id, the time and
/// a random token in hex.
pub fn app_event_id(at_ms: i64, n: u32) -> String {
    format!(
        "d5f3a9c01b7e24d68:{at_ms}:{:x}",
        n.wrapping_mul(0x9E37_79B9)
    )
}

pub fn ids(events: &[ReviewEvent]) -> Vec<String> {
    events.iter().map(|event| event.id.0.clone()).collect()
}

/// A store over an emptied database (the tests share one browser profile).
pub async fn fresh() -> Store {
    let (store, _) = Store::open().await.unwrap();
    store.reset().await.unwrap();
    store
}

pub async fn request(request: &IdbRequest) -> JsValue {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            resolve
                .call1(&JsValue::NULL, &done.result().unwrap())
                .unwrap();
        });
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            reject.call0(&JsValue::NULL).unwrap();
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.unwrap()
}

/// A second, raw connection to the app's database, as another program (or damage) would see it.
pub async fn raw_database() -> IdbDatabase {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    request(&factory.open("microlearn").unwrap())
        .await
        .unchecked_into()
}

pub async fn raw_put(store_name: &str, key: &str, value: JsValue) {
    let database = raw_database().await;
    let transaction = database
        .transaction_with_str_and_mode(store_name, IdbTransactionMode::Readwrite)
        .unwrap();
    let store = transaction.object_store(store_name).unwrap();
    request(&store.put_with_key(&value, &key.into()).unwrap()).await;
    database.close();
}

pub async fn raw_all(store_name: &str) -> Vec<JsValue> {
    let database = raw_database().await;
    let transaction = database.transaction_with_str(store_name).unwrap();
    let store = transaction.object_store(store_name).unwrap();
    let all: js_sys::Array = request(&store.get_all().unwrap()).await.into();
    database.close();
    all.iter().collect()
}

pub async fn raw_get(store_name: &str, key: &str) -> JsValue {
    let database = raw_database().await;
    let transaction = database.transaction_with_str(store_name).unwrap();
    let store = transaction.object_store(store_name).unwrap();
    let value = request(&store.get(&key.into()).unwrap()).await;
    database.close();
    value
}

/// The ids of the answers stored in the app's database, read over a raw connection, each record
/// parsed as an answer (a half-written or damaged record would fail here).
pub async fn stored_ids() -> Vec<String> {
    let mut ids: Vec<String> = raw_all("events")
        .await
        .iter()
        .map(|value| {
            let text = value.as_string().expect("answers are stored as text");
            let event: ReviewEvent = serde_json::from_str(&text).expect("a whole answer");
            event.id.0
        })
        .collect();
    ids.sort();
    ids
}

/// Yields to the browser's task queue until `done` holds; gives up (and lets the assertion that
/// follows fail) after a bounded number of turns rather than after a time.
pub async fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback(&resolve)
                .unwrap();
        });
        JsFuture::from(promise).await.unwrap();
    }
}

/// The export file's text: the pieces `Store::export_pieces` hands the download, joined.
pub async fn exported(store: &microlearn::storage::Store) -> String {
    store.export_pieces().await.unwrap().join("").into()
}
