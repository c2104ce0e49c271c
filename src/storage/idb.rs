//! Minimal IndexedDB plumbing over web-sys: open the database, turn requests and transactions
//! into futures, and read every record as text. Written by hand because the wrapper crates
//! (rexie, indexed_db_futures) would add their own serde bridges for the few calls needed here.

use super::error::StorageError;
use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

pub const DATABASE: &str = "microlearn";

/// One record per review event, keyed by event id: two tabs never overwrite each other.
pub const EVENTS: &str = "events";
/// Single records: `schema_version`, `settings`, `resume`.
pub const META: &str = "meta";
/// Copies of damaged data, with generated keys.
pub const QUARANTINE: &str = "quarantine";
const STORES: [&str; 3] = [EVENTS, META, QUARANTINE];

pub const SCHEMA_KEY: &str = "schema_version";
pub const SETTINGS_KEY: &str = "settings";
pub const RESUME_KEY: &str = "resume";

/// Opens (creating on first use) the app's database at whatever version it has. If its stores
/// are missing (the database was created empty by something else), it is upgraded by one
/// version to add them; nothing already in it is touched.
pub async fn open() -> Result<IdbDatabase, StorageError> {
    let database = open_at(None).await?;
    if STORES
        .iter()
        .all(|name| database.object_store_names().contains(name))
    {
        return Ok(database);
    }
    let next = database.version() as u32 + 1;
    database.close();
    open_at(Some(next)).await
}

async fn open_at(version: Option<u32>) -> Result<IdbDatabase, StorageError> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or(StorageError::Unavailable)?;
    let request = match version {
        Some(version) => factory.open_with_u32(DATABASE, version),
        None => factory.open(DATABASE),
    }
    .map_err(|_| StorageError::Unavailable)?;
    let upgrade_request = request.clone();
    let on_upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Ok(result) = upgrade_request.result() {
            create_stores(&result.unchecked_into());
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let opened = request_future(&request).await;
    request.set_onupgradeneeded(None);
    drop(on_upgrade);
    let database: IdbDatabase = opened
        .map_err(|_| StorageError::Unavailable)?
        .unchecked_into();
    // A newer app in another tab may need to upgrade the database: let it, rather than block it.
    let closing = database.clone();
    let on_version_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| closing.close());
    database.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget();
    Ok(database)
}

fn create_stores(database: &IdbDatabase) {
    let existing = database.object_store_names();
    for name in [EVENTS, META] {
        if !existing.contains(name) {
            let _ = database.create_object_store(name);
        }
    }
    if !existing.contains(QUARANTINE) {
        let parameters = web_sys::IdbObjectStoreParameters::new();
        parameters.set_auto_increment(true);
        let _ = database.create_object_store_with_optional_parameters(QUARANTINE, &parameters);
    }
}

/// Resolves with a request's result, or rejects with its error.
pub fn request_future(request: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let succeeded = request.clone();
        let failed = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &succeeded.result().unwrap_or_default());
        });
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Resolves when a transaction has committed; rejects with its error when it aborts (nothing of
/// it is then written: IndexedDB transactions are all or nothing).
pub fn committed(transaction: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = transaction.clone();
        let on_abort = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        // An error event bubbles to the transaction and is followed by abort; waiting for abort
        // means the rejection comes only once the transaction is fully rolled back.
        transaction.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Starts a transaction over the given stores.
pub fn transaction(
    database: &IdbDatabase,
    stores: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, StorageError> {
    let names: Array = stores.iter().map(|name| JsValue::from_str(name)).collect();
    database
        .transaction_with_str_sequence_and_mode(&names, mode)
        .map_err(StorageError::from_js)
}

pub fn store(transaction: &IdbTransaction, name: &str) -> Result<IdbObjectStore, StorageError> {
    transaction
        .object_store(name)
        .map_err(StorageError::from_js)
}

/// A stored value as text: strings as they are, anything else (seeded by a test or written by
/// another program) as JSON or, failing that, as the browser prints it.
pub fn value_text(value: &JsValue) -> Option<String> {
    if value.is_undefined() {
        return None;
    }
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .or_else(|| Some(String::from(js_sys::JsString::from(value.clone()))))
}
