//! Microlearn's content format: parses and validates modules, reporting `path:line:col` errors.
//!
//! Architecture invariant: pure. Content is parsed from strings; paths are passed in only so that
//! messages can name them.
