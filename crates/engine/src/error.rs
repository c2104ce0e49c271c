//! The engine's error type: every fallible engine call returns `Result<T, Error>`.

use thiserror::Error;

/// What can go wrong inside the engine. Messages are written for the person reading a log.
#[derive(Debug, Error, PartialEq)]
pub enum Error {
    /// The FSRS parameters were rejected by the `fsrs` crate (wrong length or non-finite values).
    #[error("invalid FSRS parameters: {0}")]
    InvalidParameters(String),
    /// The `fsrs` crate refused a computation, for example because a memory state was not finite.
    #[error("FSRS computation failed: {0}")]
    Fsrs(String),
    /// A module, lesson or item named in a call is not in the catalogue.
    #[error("unknown {kind} `{id}`")]
    Unknown {
        /// What sort of thing was missing: "module", "lesson" or "item".
        kind: &'static str,
        /// The identifier that was looked up.
        id: String,
    },
    /// A placement test was answered after it had finished.
    #[error("the placement test for module `{0}` has already finished")]
    PlacementFinished(String),
    /// A review-history CSV could not be read; `line` is 1-based and counts the header.
    #[error("line {line}: {message}")]
    Csv {
        /// The 1-based line number in the file (the header is line 1).
        line: usize,
        /// What was wrong with that line.
        message: String,
    },
    /// There is not enough data for the requested computation.
    #[error("not enough data: {0}")]
    NotEnoughData(String),
}

impl From<fsrs::FSRSError> for Error {
    fn from(error: fsrs::FSRSError) -> Self {
        match error {
            fsrs::FSRSError::InvalidParameters => Error::InvalidParameters(format!("{error:?}")),
            fsrs::FSRSError::NotEnoughData => Error::NotEnoughData(format!("{error:?}")),
            other => Error::Fsrs(format!("{other:?}")),
        }
    }
}
