//! The input: content files as strings, and where in them a problem is (path, line, column).

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{ContentError, ContentErrors, ErrorKind};

/// A content root read into memory by the caller (xtask walks the file system; this crate never
/// does). Paths are relative to the root and use `/`.
#[derive(Debug, Clone, Default)]
pub struct SourceTree {
    /// How messages name the root, for example `content` (empty for none).
    pub root: String,
    /// Text files: `site.toml`, `<module>/module.toml` and `<module>/<lesson>.md`.
    pub files: BTreeMap<String, String>,
    /// Every other file (images), so that references to them can be checked.
    pub assets: BTreeSet<String>,
}

impl SourceTree {
    /// An empty tree whose messages name files under `root`.
    pub fn new(root: impl Into<String>) -> Self {
        Self {
            root: root.into(),
            ..Self::default()
        }
    }

    /// Adds a text file.
    pub fn add_file(&mut self, path: impl Into<String>, text: impl Into<String>) {
        self.files.insert(path.into(), text.into());
    }

    /// Adds the name of a binary file (an image).
    pub fn add_asset(&mut self, path: impl Into<String>) {
        self.assets.insert(path.into());
    }

    /// The name messages use for a relative path.
    pub fn display(&self, relative: &str) -> String {
        let root = self.root.trim_end_matches('/');
        if root.is_empty() {
            relative.to_string()
        } else {
            format!("{root}/{relative}")
        }
    }
}

/// A piece of text inside a file: the whole file's text and where the piece starts in it, so
/// offsets within the piece (a TOML block inside a lesson) map back to the file's line:col.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Loc<'a> {
    pub path: &'a str,
    pub file_text: &'a str,
    pub base: usize,
}

impl<'a> Loc<'a> {
    /// A whole file.
    pub fn file(path: &'a str, file_text: &'a str) -> Self {
        Self {
            path,
            file_text,
            base: 0,
        }
    }

    /// A piece starting `offset` bytes further on.
    pub fn shifted(self, offset: usize) -> Self {
        Self {
            base: self.base + offset,
            ..self
        }
    }

    /// 1-based line and column (in characters) of an offset within this piece.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let absolute = (self.base + offset).min(self.file_text.len());
        let before = self.file_text.get(..absolute).unwrap_or(self.file_text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    /// `path:line:col` for an offset, as used when one message names another place.
    pub fn describe(&self, offset: usize) -> String {
        let (line, col) = self.line_col(offset);
        format!("{}:{line}:{col}", self.path)
    }
}

/// Collects problems as the checker finds them, so every one is reported at once.
#[derive(Debug, Default)]
pub(crate) struct Report {
    errors: Vec<ContentError>,
}

impl Report {
    /// Records a problem at an offset within `loc`.
    pub fn add(
        &mut self,
        loc: &Loc<'_>,
        offset: usize,
        kind: ErrorKind,
        what: impl Into<String>,
        fix: impl Into<String>,
    ) {
        let (line, col) = loc.line_col(offset);
        self.errors.push(ContentError {
            path: loc.path.to_string(),
            line,
            col,
            kind,
            what: what.into(),
            fix: fix.into(),
        });
    }

    /// How many problems have been recorded so far.
    pub fn count(&self) -> usize {
        self.errors.len()
    }

    /// The problems found, sorted by file and position so output reads top to bottom.
    pub fn finish(mut self) -> ContentErrors {
        self.errors
            .sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        ContentErrors(self.errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let text = "ab\ncé d\n";
        let loc = Loc::file("f", text);
        assert_eq!(loc.line_col(0), (1, 1));
        assert_eq!(loc.line_col(3), (2, 1));
        // `é` is two bytes but one column.
        assert_eq!(loc.line_col(6), (2, 3));
        assert_eq!(loc.shifted(3).line_col(3), (2, 3));
    }

    #[test]
    fn display_joins_root_and_relative_path() {
        assert_eq!(
            SourceTree::new("content/").display("a/b.md"),
            "content/a/b.md"
        );
        assert_eq!(SourceTree::new("").display("a/b.md"), "a/b.md");
    }
}
