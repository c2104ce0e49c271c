//! Why saving or loading failed, and what to tell the learner about it.

use super::StorageNotice;
use wasm_bindgen::{JsCast, JsValue};

/// A storage failure. `Display` gives a sentence for the learner; [`StorageError::notice`] a
/// titled notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no storage (some private modes) or refused to open it.
    Unavailable,
    /// The device's storage is full. The answer is kept in memory until it can be saved.
    QuotaExceeded,
    /// The saved data belongs to a newer app; this one must not write to it.
    NewerVersion,
    /// An import was refused; the message says why, in plain words.
    Unreadable(String),
    /// Anything else the browser reported.
    Failed(String),
}

impl StorageError {
    /// Classifies a browser error (a `DOMException` or anything else thrown).
    pub(crate) fn from_js(value: JsValue) -> Self {
        match value.dyn_ref::<web_sys::DomException>() {
            Some(exception) if exception.name() == "QuotaExceededError" => Self::QuotaExceeded,
            Some(exception) => {
                Self::Failed(format!("{}: {}", exception.name(), exception.message()))
            }
            None => Self::Failed(
                value
                    .as_string()
                    .unwrap_or_else(|| "the browser reported an error".into()),
            ),
        }
    }

    /// A notice for the learner, for the app to show.
    pub fn notice(&self) -> StorageNotice {
        let title = match self {
            Self::Unavailable => "Progress cannot be saved in this browser",
            Self::QuotaExceeded => "Your device's storage is full",
            Self::NewerVersion => "Progress is not being saved",
            Self::Unreadable(_) => "That file could not be imported",
            Self::Failed(_) => "Your last answer was not saved",
        };
        StorageNotice {
            title: title.into(),
            body: self.to_string(),
        }
    }
}

const EXPORT_NOW: &str = "Export your progress now (Settings, Export my progress) so that nothing \
    is lost.";

impl std::fmt::Display for StorageError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unavailable => write!(
                formatter,
                "This browser is not letting Microlearn save anything, which can happen in a \
                 private window. You can keep learning, but your progress will be lost when \
                 you close the page. {EXPORT_NOW}"
            ),
            Self::QuotaExceeded => write!(
                formatter,
                "Your answer could not be saved because this device's storage is full. It is \
                 kept while this page stays open. {EXPORT_NOW} Then free some space on the \
                 device, for example by deleting photos or apps you no longer need."
            ),
            Self::NewerVersion => write!(
                formatter,
                "A newer version of Microlearn saved your progress on this device, so this \
                 older version does not change it. Reload the page to get the newer version. \
                 {EXPORT_NOW}"
            ),
            Self::Unreadable(message) => formatter.write_str(message),
            Self::Failed(detail) => write!(
                formatter,
                "The browser could not save your answer ({detail}). It is kept while this page \
                 stays open and saving is tried again after your next answer. {EXPORT_NOW}"
            ),
        }
    }
}

impl std::error::Error for StorageError {}
