//! The one place the app names its storage module (`src/storage`: IndexedDB, two tabs,
//! export and import), so swapping it needs one line.

pub use crate::storage::{Loaded, StorageNotice, Store};
