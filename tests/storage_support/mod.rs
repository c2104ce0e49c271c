//! Helpers for the storage wasm tests: a simulated full disk, sample answers, and a raw
//! IndexedDB connection to seed or read the app's database as another program would.

use engine::{EventId, EventKind, ItemId, ItemKind, Rating, ReviewEvent};
use microlearn::storage::Store;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

/// A full disk, simulated by making every IndexedDB `put` throw the browser's quota error (the
/// real quota is exercised in tests/e2e/storage-quota.spec.mjs through the DevTools protocol).
#[wasm_bindgen(inline_js = "
let original = null;
export function fill_disk() {
  original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}
export function free_disk() {
  if (original) { IDBObjectStore.prototype.put = original; original = null; }
}
")]
extern "C" {
    pub fn fill_disk();
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
