//! Content errors: each one names a file, a line and a column, what is wrong and how to fix it.

use std::fmt;

/// The kinds of problem the checker reports. Each kind has a fixture under
/// `tests/fixtures/invalid/<code>/` whose expected messages a test asserts exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorKind {
    /// The file is not valid TOML.
    TomlSyntax,
    /// A key the format does not know (often a typo).
    UnknownKey,
    /// A required key is absent.
    MissingKey,
    /// A value has the wrong TOML type (text where a number belongs, ...).
    WrongType,
    /// A value is outside what the format allows (difficulty 7, a bad colour, ...).
    InvalidValue,
    /// An id is not lower-case letters, digits and hyphens (and dots for items).
    BadId,
    /// A module or lesson id does not match its folder or file name.
    IdMismatch,
    /// The same id is used twice.
    DuplicateId,
    /// An item's answer is missing or impossible (no correct choice, two in a single, ...).
    Answer,
    /// A prompt, explanation or other required text is empty.
    EmptyText,
    /// A source is missing or its URL is not https.
    Source,
    /// An image file that does not exist.
    MissingImage,
    /// An image (or the logo) without alternative text.
    MissingAlt,
    /// Raw HTML in Markdown.
    RawHtml,
    /// A link whose address is not https, mailto or tel (for example `javascript:`).
    UnsafeLink,
    /// A lesson whose estimate is over five minutes.
    LessonTooLong,
    /// A module or lesson without items.
    NoItems,
    /// A domain that is not in the digital capabilities framework.
    UnknownDomain,
    /// A spot-the-problem item without a suspicious segment, a plain one, or a `why`.
    Spot,
    /// A scenario without 2 or 3 parts, or with a part of a type scenarios cannot hold.
    Scenario,
    /// A `working` expression that fails or disagrees with the answer.
    Working,
    /// A table or chart whose rows or series do not line up.
    Data,
    /// A lesson file without `+++` front matter.
    FrontMatter,
    /// Markdown outside the card structure (text before the first `## `, after the items, ...).
    CardStructure,
    /// A lesson listed in module.toml without a file, or a lesson file not listed.
    LessonList,
    /// A module folder listed in site.toml that does not exist, or a folder without module.toml.
    ModuleFolder,
    /// A prerequisite that is not an earlier lesson of the same module.
    Prerequisite,
    /// More than one item marked `placement = true` in a lesson.
    Placement,
}

impl ErrorKind {
    /// Every kind, so a test can insist that each has a fixture.
    pub const ALL: [ErrorKind; 28] = [
        Self::TomlSyntax,
        Self::UnknownKey,
        Self::MissingKey,
        Self::WrongType,
        Self::InvalidValue,
        Self::BadId,
        Self::IdMismatch,
        Self::DuplicateId,
        Self::Answer,
        Self::EmptyText,
        Self::Source,
        Self::MissingImage,
        Self::MissingAlt,
        Self::RawHtml,
        Self::UnsafeLink,
        Self::LessonTooLong,
        Self::NoItems,
        Self::UnknownDomain,
        Self::Spot,
        Self::Scenario,
        Self::Working,
        Self::Data,
        Self::FrontMatter,
        Self::CardStructure,
        Self::LessonList,
        Self::ModuleFolder,
        Self::Prerequisite,
        Self::Placement,
    ];

    /// A short kebab-case name, used for fixture folders.
    pub fn code(self) -> &'static str {
        match self {
            Self::TomlSyntax => "toml-syntax",
            Self::UnknownKey => "unknown-key",
            Self::MissingKey => "missing-key",
            Self::WrongType => "wrong-type",
            Self::InvalidValue => "invalid-value",
            Self::BadId => "bad-id",
            Self::IdMismatch => "id-mismatch",
            Self::DuplicateId => "duplicate-id",
            Self::Answer => "answer",
            Self::EmptyText => "empty-text",
            Self::Source => "source",
            Self::MissingImage => "missing-image",
            Self::MissingAlt => "missing-alt",
            Self::RawHtml => "raw-html",
            Self::UnsafeLink => "unsafe-link",
            Self::LessonTooLong => "lesson-too-long",
            Self::NoItems => "no-items",
            Self::UnknownDomain => "unknown-domain",
            Self::Spot => "spot",
            Self::Scenario => "scenario",
            Self::Working => "working",
            Self::Data => "data",
            Self::FrontMatter => "front-matter",
            Self::CardStructure => "card-structure",
            Self::LessonList => "lesson-list",
            Self::ModuleFolder => "module-folder",
            Self::Prerequisite => "prerequisite",
            Self::Placement => "placement",
        }
    }
}

/// One problem in the content, displayed as `path:line:col: what is wrong. how to fix it`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{col}: {what}. {fix}")]
pub struct ContentError {
    /// The file, as the caller named it.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What kind of problem this is.
    pub kind: ErrorKind,
    /// What is wrong, without a final full stop.
    pub what: String,
    /// How to fix it, as a sentence.
    pub fix: String,
}

/// Every problem found in a content tree, in file and reading order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContentErrors(pub Vec<ContentError>);

impl ContentErrors {
    /// The number of problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, one per line, as the check command prints them.
    pub fn lines(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }
}

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        let plural = if self.0.len() == 1 { "" } else { "s" };
        write!(f, "{} problem{plural} found", self.0.len())
    }
}

impl std::error::Error for ContentErrors {}
