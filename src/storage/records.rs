//! Reading every saved record as text for `persist`'s loader, and writing records back: one
//! transaction per operation, so each write either happens completely or not at all.

use super::error::StorageError;
use super::idb::{
    self, EVENTS, META, QUARANTINE, RESUME_KEY, SCHEMA_KEY, SETTINGS_KEY, committed,
    request_future, value_text,
};
use engine::ReviewEvent;
use js_sys::Array;
use persist::{AppSettings, Quarantined, Recovered, ResumePoint};
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStore, IdbTransactionMode};

/// Everything on the device, loaded: what `persist::Loader` made of the records, the quarantine
/// copies kept so far, and whether nothing at all was saved (a first visit).
pub struct Found {
    pub recovered: Recovered,
    pub quarantine: Vec<Quarantined>,
    pub first_visit: bool,
}

/// Reads every store in one read-only transaction (one consistent snapshot) and loads it. Each
/// event record is copied into this wasm's memory, read and dropped in turn: holding all their
/// texts at once took 21 MB for 100,000 answers, and a wasm page's memory never shrinks.
pub async fn read_all(database: &IdbDatabase, now_ms: i64) -> Result<Found, StorageError> {
    let transaction = idb::transaction(
        database,
        &[EVENTS, META, QUARANTINE],
        IdbTransactionMode::Readonly,
    )?;
    let events = idb::store(&transaction, EVENTS)?;
    let meta = idb::store(&transaction, META)?;
    let quarantine = idb::store(&transaction, QUARANTINE)?;
    let keys = request_future(&events.get_all_keys().map_err(StorageError::from_js)?);
    let values = request_future(&events.get_all().map_err(StorageError::from_js)?);
    let get = |key: &str| {
        meta.get(&JsValue::from_str(key))
            .map_err(StorageError::from_js)
    };
    let schema = request_future(&get(SCHEMA_KEY)?);
    let settings = request_future(&get(SETTINGS_KEY)?);
    let resume = request_future(&get(RESUME_KEY)?);
    let kept = request_future(&quarantine.get_all().map_err(StorageError::from_js)?);
    let keys: Array = keys.await.map_err(StorageError::from_js)?.into();
    let values: Array = values.await.map_err(StorageError::from_js)?.into();
    let text = |value: Result<JsValue, JsValue>| value.map(|value| value_text(&value));
    let schema = text(schema.await).map_err(StorageError::from_js)?;
    let settings = text(settings.await).map_err(StorageError::from_js)?;
    let resume = text(resume.await).map_err(StorageError::from_js)?;
    let first_visit =
        schema.is_none() && settings.is_none() && resume.is_none() && keys.length() == 0;
    let mut loader = persist::Loader::new(schema.as_deref(), now_ms);
    for (key, value) in keys.iter().zip(values.iter()) {
        let key = value_text(&key).unwrap_or_default();
        loader.add_event(&key, &value_text(&value).unwrap_or_default());
    }
    let recovered = loader.finish(settings.as_deref(), resume.as_deref());
    let kept: Array = kept.await.map_err(StorageError::from_js)?.into();
    let quarantine = kept.iter().map(|value| read_quarantined(&value)).collect();
    Ok(Found {
        recovered,
        quarantine,
        first_visit,
    })
}

/// A stored quarantine copy; one that is itself damaged is kept whole as its own copy.
fn read_quarantined(value: &JsValue) -> Quarantined {
    let text = value_text(value).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_else(|_| Quarantined {
        source: "quarantine record".into(),
        reason: "the kept copy itself could not be read".into(),
        found_at_ms: 0,
        text,
    })
}

/// Writes back what loading found: quarantine copies first, then the clean records, in one
/// transaction, so a damaged record is only removed once its copy is stored.
pub async fn repair(
    database: &IdbDatabase,
    recovered: &Recovered,
    first_visit: bool,
) -> Result<(), StorageError> {
    let repair = &recovered.repair;
    if repair.is_empty() && recovered.quarantine.is_empty() && !first_visit {
        return Ok(());
    }
    let transaction = idb::transaction(
        database,
        &[EVENTS, META, QUARANTINE],
        IdbTransactionMode::Readwrite,
    )?;
    let events = idb::store(&transaction, EVENTS)?;
    let meta = idb::store(&transaction, META)?;
    let quarantine = idb::store(&transaction, QUARANTINE)?;
    for kept in &recovered.quarantine {
        let text = serde_json::to_string(kept).unwrap_or_default();
        quarantine
            .add(&text.into())
            .map_err(StorageError::from_js)?;
    }
    for key in &repair.remove_event_keys {
        events.delete(&key.into()).map_err(StorageError::from_js)?;
    }
    put_events(&events, &repair.put_events)?;
    if let Some(settings) = &repair.put_settings {
        put_settings(&meta, settings)?;
    }
    if repair.remove_resume {
        meta.delete(&RESUME_KEY.into())
            .map_err(StorageError::from_js)?;
    }
    if let Some(resume) = &repair.put_resume {
        put_resume(&meta, Some(resume))?;
    }
    if repair.write_schema_version || first_visit {
        put_schema_version(&meta)?;
    }
    committed(&transaction)
        .await
        .map(drop)
        .map_err(StorageError::from_js)
}

/// Stores events, one record each under its id (a repeat simply overwrites the same answer).
pub fn put_events(store: &IdbObjectStore, events: &[ReviewEvent]) -> Result<(), StorageError> {
    for event in events {
        let text = serde_json::to_string(event)
            .map_err(|error| StorageError::Failed(error.to_string()))?;
        store
            .put_with_key(&text.into(), &event.id.0.as_str().into())
            .map_err(StorageError::from_js)?;
    }
    Ok(())
}

pub fn put_settings(meta: &IdbObjectStore, settings: &AppSettings) -> Result<(), StorageError> {
    let text =
        serde_json::to_string(settings).map_err(|error| StorageError::Failed(error.to_string()))?;
    meta.put_with_key(&text.into(), &SETTINGS_KEY.into())
        .map(drop)
        .map_err(StorageError::from_js)
}

pub fn put_resume(meta: &IdbObjectStore, resume: Option<&ResumePoint>) -> Result<(), StorageError> {
    let request = match resume {
        Some(resume) => {
            let text = serde_json::to_string(resume)
                .map_err(|error| StorageError::Failed(error.to_string()))?;
            meta.put_with_key(&text.into(), &RESUME_KEY.into())
        }
        None => meta.delete(&RESUME_KEY.into()),
    };
    request.map(drop).map_err(StorageError::from_js)
}

pub fn put_schema_version(meta: &IdbObjectStore) -> Result<(), StorageError> {
    meta.put_with_key(
        &persist::SCHEMA_VERSION.to_string().into(),
        &SCHEMA_KEY.into(),
    )
    .map(drop)
    .map_err(StorageError::from_js)
}
