//! Saving the learner's progress in the browser: IndexedDB (one record per answer), other tabs
//! told over a BroadcastChannel, export and import. What saved bytes mean (versions, damage,
//! merging) is decided by the pure `persist` crate; this module only moves bytes.
//!
//! Every write is one IndexedDB transaction and each method resolves only once it has committed,
//! so nothing is ever half-written. A write that fails (storage full) keeps its data in memory:
//! it is retried with the next answer and included in an export.

mod channel;
mod error;
mod idb;
mod records;

pub use error::StorageError;
pub use persist::ImportReport;

use engine::{ReviewEvent, ReviewLog};
use persist::{AppSettings, ExportView, ResumePoint};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{IdbDatabase, IdbTransactionMode};

/// A message about saved data in plain words, for the app to show.
pub type StorageNotice = persist::Notice;

/// What was on the device when the app opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub log: ReviewLog,
    pub settings: AppSettings,
    pub resume: Option<ResumePoint>,
    pub notices: Vec<StorageNotice>,
}

/// The handle the app saves through. Cheap to clone; clones share one connection.
#[derive(Clone)]
pub struct Store {
    inner: Rc<Inner>,
}

struct Inner {
    database: IdbDatabase,
    channel: channel::Channel,
    /// Saved by a newer app: leave it untouched.
    read_only: bool,
    /// Answers not yet stored (storage full): retried with the next answer, exported on request.
    pending_events: RefCell<Vec<ReviewEvent>>,
    /// Settings not yet stored, for the same reason.
    pending_settings: RefCell<Option<AppSettings>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.channel.close();
        self.database.close();
    }
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Store")
            .field("read_only", &self.inner.read_only)
            .field("pending_events", &self.inner.pending_events.borrow().len())
            .finish()
    }
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

impl Store {
    /// Opens the device's saved data. Damaged records are set aside (kept in a quarantine store)
    /// and described in `notices`; everything readable is returned.
    pub async fn open() -> Result<(Store, Loaded), StorageError> {
        // Listening starts before reading, so an answer saved by another tab in between arrives
        // either in the snapshot or as a message (or both: merging is a union).
        let channel = channel::Channel::open();
        let database = idb::open().await?;
        let found = records::read_all(&database, now_ms()).await?;
        let recovered = found.recovered;
        let read_only = recovered.newer_version.is_some();
        let mut notices = recovered.notices.clone();
        if !read_only
            && let Err(error) = records::repair(&database, &recovered, found.first_visit).await
        {
            // The damaged data stays where it was; loading again will find it again.
            if error == StorageError::QuotaExceeded {
                notices.push(error.notice());
            }
        }
        let store = Store {
            inner: Rc::new(Inner {
                database,
                channel,
                read_only,
                pending_events: RefCell::default(),
                pending_settings: RefCell::default(),
            }),
        };
        let loaded = Loaded {
            log: recovered.log,
            settings: recovered.settings,
            resume: recovered.resume,
            notices,
        };
        Ok((store, loaded))
    }

    /// Saves one answer (with any answers still waiting from a failed save); resolves once the
    /// transaction has committed. Other tabs are told after the commit.
    pub async fn append_event(&self, event: &ReviewEvent) -> Result<(), StorageError> {
        let batch = {
            let mut pending = self.inner.pending_events.borrow_mut();
            if !pending.iter().any(|waiting| waiting.id == event.id) {
                pending.push(event.clone());
            }
            pending.clone()
        };
        if self.inner.read_only {
            return Err(StorageError::NewerVersion);
        }
        self.write(&[idb::EVENTS], |transaction| {
            records::put_events(&idb::store(transaction, idb::EVENTS)?, &batch)
        })
        .await?;
        self.inner
            .pending_events
            .borrow_mut()
            .retain(|waiting| !batch.iter().any(|saved| saved.id == waiting.id));
        self.inner.channel.announce(&batch);
        Ok(())
    }

    /// Saves the learner's settings; on failure they are kept for the next try and the export.
    pub async fn save_settings(&self, settings: &AppSettings) -> Result<(), StorageError> {
        self.inner.pending_settings.replace(Some(settings.clone()));
        if self.inner.read_only {
            return Err(StorageError::NewerVersion);
        }
        self.write(&[idb::META], |transaction| {
            records::put_settings(&idb::store(transaction, idb::META)?, settings)
        })
        .await?;
        self.inner.pending_settings.replace(None);
        Ok(())
    }

    /// Saves (or, with `None`, clears) the point to resume a session from.
    pub async fn save_resume(&self, resume: Option<&ResumePoint>) -> Result<(), StorageError> {
        if self.inner.read_only {
            return Err(StorageError::NewerVersion);
        }
        self.write(&[idb::META], |transaction| {
            records::put_resume(&idb::store(transaction, idb::META)?, resume)
        })
        .await
    }

    /// Calls back with answers saved by another tab (and with answers this tab imports). Answers
    /// that arrived since `open` are delivered at once.
    pub fn on_remote_events(&self, callback: yew::Callback<Vec<ReviewEvent>>) {
        self.inner.channel.listen(callback);
    }

    /// The export file: every saved answer plus any not yet saved, the settings, and copies of
    /// damaged data (docs/export-format.md), as JavaScript strings to join in order
    /// (`crate::pieces`), so a long log's text never sits whole in this wasm's memory.
    pub async fn export_pieces(&self) -> Result<js_sys::Array, StorageError> {
        let (log, settings, quarantine) = self.current().await?;
        export_file_pieces(&log, &settings, &quarantine)
    }

    /// Checks a file completely, then adds its answers this device lacks in one transaction.
    /// A refused file changes nothing; importing the same file twice adds nothing.
    pub async fn import_json(&self, text: &str) -> Result<ImportReport, StorageError> {
        if self.inner.read_only {
            return Err(StorageError::NewerVersion);
        }
        let file = persist::parse_import(text)
            .map_err(|error| StorageError::Unreadable(error.to_string()))?;
        let (log, settings, _) = self.current().await?;
        let plan = persist::plan_import(&log, &settings, &file);
        self.write(&[idb::EVENTS, idb::META], |transaction| {
            records::put_events(&idb::store(transaction, idb::EVENTS)?, &plan.new_events)?;
            match &plan.settings {
                Some(settings) => {
                    records::put_settings(&idb::store(transaction, idb::META)?, settings)
                }
                None => Ok(()),
            }
        })
        .await?;
        self.inner.channel.announce(&plan.new_events);
        self.inner.channel.deliver_locally(plan.new_events);
        Ok(plan.report)
    }

    /// Deletes everything saved on this device, quarantine copies included.
    pub async fn reset(&self) -> Result<(), StorageError> {
        if self.inner.read_only {
            return Err(StorageError::NewerVersion);
        }
        self.write(&[idb::EVENTS, idb::META, idb::QUARANTINE], |transaction| {
            for name in [idb::EVENTS, idb::META, idb::QUARANTINE] {
                idb::store(transaction, name)?
                    .clear()
                    .map_err(StorageError::from_js)?;
            }
            records::put_schema_version(&idb::store(transaction, idb::META)?)
        })
        .await?;
        self.inner.pending_events.borrow_mut().clear();
        self.inner.pending_settings.replace(None);
        Ok(())
    }

    /// Runs `fill` inside one read-write transaction and waits for the commit.
    async fn write(
        &self,
        stores: &[&str],
        fill: impl FnOnce(&web_sys::IdbTransaction) -> Result<(), StorageError>,
    ) -> Result<(), StorageError> {
        let transaction =
            idb::transaction(&self.inner.database, stores, IdbTransactionMode::Readwrite)?;
        if let Err(error) = fill(&transaction) {
            let _ = transaction.abort();
            return Err(error);
        }
        idb::committed(&transaction)
            .await
            .map(drop)
            .map_err(StorageError::from_js)
    }

    /// What is saved, with what is waiting in memory on top: the log, settings and quarantine.
    async fn current(
        &self,
    ) -> Result<(ReviewLog, AppSettings, Vec<persist::Quarantined>), StorageError> {
        let found = records::read_all(&self.inner.database, now_ms()).await?;
        let recovered = found.recovered;
        let waiting = ReviewLog::from_events(self.inner.pending_events.borrow().clone());
        // Merging copies every event; with nothing waiting (the usual case) the saved log is it.
        let log = if waiting.is_empty() {
            recovered.log
        } else {
            engine::merge_logs([&recovered.log, &waiting])
        };
        let settings = self
            .inner
            .pending_settings
            .borrow()
            .clone()
            .unwrap_or(recovered.settings);
        let mut quarantine = found.quarantine;
        quarantine.extend(recovered.quarantine);
        Ok((log, settings, quarantine))
    }

    /// How many answers are waiting in memory because saving them failed.
    pub fn unsaved_count(&self) -> usize {
        self.inner.pending_events.borrow().len()
    }
}

/// An export file of this progress, made now, as JavaScript strings to join in order
/// (`crate::pieces`). [`Store::export_pieces`] writes what is saved; where the browser refuses
/// storage, the app writes what it holds in memory.
pub fn export_file_pieces(
    log: &ReviewLog,
    settings: &AppSettings,
    quarantined: &[persist::Quarantined],
) -> Result<js_sys::Array, StorageError> {
    let file = ExportView::new(log, settings, quarantined, now_ms());
    crate::pieces::json_pieces(&file, true).map_err(|error| StorageError::Failed(error.to_string()))
}

/// Asks the browser to keep this site's data even when the device runs low on space
/// (`navigator.storage.persist()`). Resolves to whether the data is now persistent. The app
/// explains why before asking; some browsers decide without asking the learner.
pub async fn request_persistence() -> bool {
    let Some(manager) = web_sys::window().map(|window| window.navigator().storage()) else {
        return false;
    };
    let Ok(promise) = manager.persist() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|granted| granted.as_bool())
        .unwrap_or(false)
}
