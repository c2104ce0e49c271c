//! Microlearn's saved data: what the browser keeps for a learner, and its export format.
//!
//! Architecture invariant: pure. No browser APIs and no I/O: the app's `src/storage` reads and
//! writes bytes; this crate decides what they mean (schema versions, migrations, validation,
//! quarantine of unreadable data, merging an import).

pub mod settings;

pub use settings::{AppSettings, ResumeEntry, ResumePoint, TextSize, Theme};
