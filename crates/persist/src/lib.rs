//! Microlearn's saved data: what the browser keeps for a learner, and its export format.
//!
//! Architecture invariant: pure. No browser APIs and no I/O: the app's `src/storage` reads and
//! writes bytes; this crate decides what they mean (schema versions, migrations, validation,
//! quarantine of unreadable data, merging an import).
//!
//! Flow: the browser hands [`load`] the records it found ([`RawSaved`], every value as text), or
//! hands them to a [`Loader`] one event record at a time, and gets back the log, settings and
//! resume point, plain-words [`Notice`]s, [`Quarantined`] copies of anything unreadable and a
//! [`Repair`] to write back. Export is [`ExportFile::to_json`], or [`ExportView`] to write the
//! same file without copying the log; import is
//! [`check_import_size`] (on the file's size, before it is read), [`parse_import`] (every check,
//! before anything changes) then [`plan_import`] (union of events).

pub mod export;
pub mod import;
pub mod limits;
pub mod load;
pub mod merge;
pub mod notice;
pub mod recover;
pub mod schema;
pub mod settings;
pub mod validate;

pub use export::{EXPORT_FORMAT, ExportFile, ExportView, export_file_name};
pub use import::{ImportError, check_import_size, parse_import};
pub use load::{Loader, RawRecord, RawSaved, Recovered, Repair, load};
pub use merge::{ImportPlan, ImportReport, plan_import};
pub use notice::{Notice, Quarantined};
pub use schema::SCHEMA_VERSION;
pub use settings::{AppSettings, MemoryModel, ResumeEntry, ResumePoint, TextSize, Theme};
