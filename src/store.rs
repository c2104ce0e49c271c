//! The one place the app names its storage module: the IndexedDB store in `src/storage` once it
//! lands, the localStorage stand-in until then.

pub use crate::storage_fallback::{Loaded, StorageNotice, Store};
