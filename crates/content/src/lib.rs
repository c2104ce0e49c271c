//! Microlearn's content format: parses and validates modules, reporting `path:line:col` errors.
//!
//! Architecture invariant: pure. Content is parsed from strings; paths are passed in only so that
//! messages can name them. The caller (xtask) reads the files into a [`SourceTree`].
//!
//! Without the default `compile` feature only [`model`] is built: the JSON types the app loads
//! and the answer checker, with no TOML or Markdown parser.

pub mod model;

#[cfg(feature = "compile")]
mod check;
#[cfg(feature = "compile")]
mod compile;
#[cfg(feature = "compile")]
mod error;
#[cfg(feature = "compile")]
mod markdown;
#[cfg(feature = "compile")]
mod parse;
#[cfg(feature = "compile")]
mod source;
#[cfg(feature = "compile")]
mod stats;
#[cfg(feature = "compile")]
pub mod working;

#[cfg(feature = "compile")]
pub use check::{Content, Options, check};
#[cfg(feature = "compile")]
pub use compile::{Compiled, compile, compile_content, short_hash};
#[cfg(feature = "compile")]
pub use error::{ContentError, ContentErrors, ErrorKind};
#[cfg(feature = "compile")]
pub use source::SourceTree;
#[cfg(feature = "compile")]
pub use stats::{ModuleStats, stats, stats_json};
