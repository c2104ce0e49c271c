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
///
/// The handlers are set at once (a request's events fire in a later task whether anyone listens
/// or not) and both are freed as soon as either has run, or when the future is dropped before.
/// One-shot closures (`Closure::once_into_js`) would leak the handler that never runs, and with
/// it what it holds: the request, and so its result. Loading kept the whole saved log alive that
/// way for the page's life, 200,000 strings (25 MB) with 100,000 reviews, which every major
/// garbage collection then had to walk.
pub fn request_future(
    request: &IdbRequest,
) -> impl Future<Output = Result<JsValue, JsValue>> + use<> {
    settle_on(request, IdbRequest::set_onsuccess, IdbRequest::set_onerror)
}

/// Resolves when a transaction has committed; rejects with its error when it aborts (nothing of
/// it is then written: IndexedDB transactions are all or nothing). An error event bubbles to the
/// transaction and is followed by abort; waiting for abort means the rejection comes only once
/// the transaction is fully rolled back. Its handlers are freed as [`request_future`]'s are.
pub fn committed(
    transaction: &IdbTransaction,
) -> impl Future<Output = Result<JsValue, JsValue>> + use<> {
    settle_on(
        transaction,
        IdbTransaction::set_oncomplete,
        IdbTransaction::set_onabort,
    )
}

type EventHandler = Closure<dyn FnMut(web_sys::Event)>;
type SetHandler<T> = fn(&T, Option<&js_sys::Function>);

/// Sets `target`'s two handlers through `set_success` and `set_failure`: the first resolves with
/// the event target's `result`, the second rejects with its `error`. Both are taken off and
/// freed once the promise has settled.
fn settle_on<T: Clone + 'static>(
    target: &T,
    set_success: SetHandler<T>,
    set_failure: SetHandler<T>,
) -> impl Future<Output = Result<JsValue, JsValue>> + use<T> {
    let mut closures = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let on_success = EventHandler::new(move |event: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &target_field(&event, "result"));
        });
        let on_failure = EventHandler::new(move |event: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &target_field(&event, "error"));
        });
        set_success(target, Some(on_success.as_ref().unchecked_ref()));
        set_failure(target, Some(on_failure.as_ref().unchecked_ref()));
        closures = Some([on_success, on_failure]);
    });
    let target = target.clone();
    let handlers = Handlers {
        clear: Box::new(move || {
            set_success(&target, None);
            set_failure(&target, None);
        }),
        _closures: closures.expect("a promise runs its executor before returning"),
    };
    settled(promise, handlers)
}

/// `event.target[name]`, or undefined (a request's `result` throws while it is pending).
fn target_field(event: &web_sys::Event, name: &str) -> JsValue {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &JsValue::from_str(name)).ok())
        .unwrap_or_default()
}

/// Event handlers set on a request or transaction: dropping this takes them off it (`clear`),
/// then frees them.
struct Handlers {
    clear: Box<dyn Fn()>,
    _closures: [EventHandler; 2],
}

impl Drop for Handlers {
    fn drop(&mut self) {
        (self.clear)();
    }
}

/// Waits for `promise`, then drops `handlers`; dropping the future unfinished drops them too.
async fn settled(promise: Promise, handlers: Handlers) -> Result<JsValue, JsValue> {
    let outcome = JsFuture::from(promise).await;
    drop(handlers);
    outcome
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
