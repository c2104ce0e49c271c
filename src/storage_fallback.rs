//! A stand-in for `src/storage` (IndexedDB, built by another engineer) with exactly its
//! interface, keeping everything in localStorage so the app works until that module lands.

use crate::browser::{local_storage_get, local_storage_remove, local_storage_set};
use persist::{AppSettings, ResumePoint};

const LOG_KEY: &str = "microlearn.fallback.log";
const SETTINGS_KEY: &str = "microlearn.fallback.settings";
const RESUME_KEY: &str = "microlearn.fallback.resume";

/// What was found on the device when the app opened.
#[derive(Debug)]
pub struct Loaded {
    pub log: engine::ReviewLog,
    pub settings: AppSettings,
    pub resume: Option<ResumePoint>,
    pub notices: Vec<StorageNotice>,
}

/// A message in plain words for the learner about their saved data.
#[derive(Debug, Clone, PartialEq)]
pub struct StorageNotice {
    pub title: String,
    pub body: String,
}

/// Why saving or loading failed.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// The browser refused to store the data (private mode or a full disk).
    Unavailable,
    /// An imported file was not a Microlearn export.
    Unreadable(String),
}

/// What an import added.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub events_added: usize,
}

/// The handle the app saves through.
#[derive(Debug, Clone, PartialEq)]
pub struct Store {
    _private: (),
}

impl Store {
    /// Opens the device's saved data.
    pub async fn open() -> Result<(Store, Loaded), StorageError> {
        let mut notices = Vec::new();
        let log = match local_storage_get(LOG_KEY) {
            None => engine::ReviewLog::new(),
            Some(text) => serde_json::from_str(&text).unwrap_or_else(|_| {
                notices.push(StorageNotice {
                    title: "Some saved progress could not be read".into(),
                    body: "It has been set aside. You can carry on learning.".into(),
                });
                engine::ReviewLog::new()
            }),
        };
        let settings = local_storage_get(SETTINGS_KEY)
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        let resume =
            local_storage_get(RESUME_KEY).and_then(|text| serde_json::from_str(&text).ok());
        let loaded = Loaded {
            log,
            settings,
            resume,
            notices,
        };
        Ok((Store { _private: () }, loaded))
    }

    fn read_log() -> engine::ReviewLog {
        local_storage_get(LOG_KEY)
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    fn write_json<T: serde::Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
        let text = serde_json::to_string(value).map_err(|_| StorageError::Unavailable)?;
        if local_storage_set(key, &text) {
            Ok(())
        } else {
            Err(StorageError::Unavailable)
        }
    }

    /// Appends one answer to the saved log; resolves once it is stored.
    pub async fn append_event(&self, event: &engine::ReviewEvent) -> Result<(), StorageError> {
        let mut log = Self::read_log();
        log.push(event.clone());
        Self::write_json(LOG_KEY, &log)
    }

    /// Saves the learner's settings.
    pub async fn save_settings(&self, settings: &AppSettings) -> Result<(), StorageError> {
        Self::write_json(SETTINGS_KEY, settings)
    }

    /// Saves (or clears) the point to resume a session from.
    pub async fn save_resume(&self, resume: Option<&ResumePoint>) -> Result<(), StorageError> {
        match resume {
            Some(point) => Self::write_json(RESUME_KEY, point),
            None => {
                local_storage_remove(RESUME_KEY);
                Ok(())
            }
        }
    }

    /// Answers made in another tab; the stand-in has no cross-tab channel, so it never calls.
    pub fn on_remote_events(&self, _callback: yew::Callback<Vec<engine::ReviewEvent>>) {}

    /// Everything saved, as one JSON document.
    pub async fn export_json(&self) -> Result<String, StorageError> {
        let settings: AppSettings = local_storage_get(SETTINGS_KEY)
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        let document = serde_json::json!({
            "app": "microlearn",
            "log": Self::read_log(),
            "settings": settings,
        });
        Ok(document.to_string())
    }

    /// Merges an exported file into the saved log.
    pub async fn import_json(&self, text: &str) -> Result<ImportReport, StorageError> {
        let document: serde_json::Value = serde_json::from_str(text).map_err(|_| {
            StorageError::Unreadable("This file is not a Microlearn export.".into())
        })?;
        let imported: engine::ReviewLog =
            serde_json::from_value(document["log"].clone()).map_err(|_| {
                StorageError::Unreadable("This file is not a Microlearn export.".into())
            })?;
        let current = Self::read_log();
        let merged = current.merge(&imported);
        let events_added = merged.len() - current.len();
        Self::write_json(LOG_KEY, &merged)?;
        Ok(ImportReport { events_added })
    }

    /// Deletes everything saved on this device.
    pub async fn reset(&self) -> Result<(), StorageError> {
        for key in [LOG_KEY, SETTINGS_KEY, RESUME_KEY] {
            local_storage_remove(key);
        }
        Ok(())
    }
}
