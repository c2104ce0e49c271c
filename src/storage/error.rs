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

    /// What to tell the learner when an import failed with this error: what was wrong and that
    /// nothing on the device changed (an import is one transaction, so a failure writes nothing).
    /// `Display` speaks of a failed answer save, which would mislead here.
    pub fn import_message(&self) -> String {
        match self {
            // persist's message already names the problem and ends with "nothing was changed".
            Self::Unreadable(message) => message.clone(),
            other => format!("The file could not be imported: {}.", other.cause()),
        }
    }

    /// What to tell the learner when an export failed with this error (reading the saved
    /// progress is all an export does, so nothing changed either).
    pub fn export_message(&self) -> String {
        format!("No file was made: {}.", self.cause())
    }

    /// The cause in a few words, then that nothing changed and what to do, for the messages
    /// under the export and import controls. One shape for all of them keeps the wasm small.
    fn cause(&self) -> String {
        let cause = match self {
            Self::Unavailable => "this browser is not letting Microlearn use its storage",
            Self::QuotaExceeded => "this device's storage is full",
            Self::NewerVersion => "a newer version of Microlearn saved your progress here",
            Self::Unreadable(detail) | Self::Failed(detail) => detail,
        };
        let next = match self {
            Self::NewerVersion => "Reload the page, then try again",
            _ => "Try again",
        };
        format!("{cause}. {NOTHING_CHANGED} {next}")
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

const NOTHING_CHANGED: &str = "Nothing on this device was changed.";

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every import failure says that nothing changed, and none of them shows Rust's debug
    /// form (an enum name and quotes) to the learner.
    #[test]
    fn import_messages_are_plain_words_that_say_nothing_changed() {
        let errors = [
            StorageError::Unavailable,
            StorageError::QuotaExceeded,
            StorageError::NewerVersion,
            StorageError::Unreadable(format!("That file is odd. {NOTHING_CHANGED}")),
            StorageError::Failed("UnknownError: disk gone".into()),
        ];
        for error in &errors {
            let message = error.import_message();
            assert!(message.contains(NOTHING_CHANGED), "{message}");
            let debug = format!("{error:?}");
            let variant = debug.split('(').next().unwrap_or_default();
            assert!(!message.contains(variant), "{message}");
            let export = error.export_message();
            assert!(!export.contains(variant), "{export}");
        }
        assert_eq!(
            errors[3].import_message(),
            format!("That file is odd. {NOTHING_CHANGED}")
        );
    }
}
