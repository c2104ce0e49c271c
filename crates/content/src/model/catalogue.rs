//! `catalogue.json`: the site, the modules and their lessons' item stubs, for planning before
//! any module file is loaded.

use serde::{Deserialize, Serialize};

/// `catalogue.json`: everything the app needs to plan sessions before loading any module file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub format: u32,
    pub site: Site,
    /// In the order the site shows them.
    pub modules: Vec<ModuleSummary>,
}

/// The organisation's settings from `site.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub name: String,
    pub tagline: Option<String>,
    /// A `#rrggbb` colour.
    pub accent_colour: Option<String>,
    /// The logo's address relative to the app's page (for example `content/media/logo.svg`).
    pub logo: Option<String>,
    pub logo_alt: Option<String>,
    pub help_contact: Option<String>,
}

/// A module as the catalogue describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleSummary {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: String,
    /// The author's estimate from module.toml.
    pub minutes: u32,
    pub version: u32,
    pub desired_retention: f32,
    pub domains: Vec<String>,
    /// `YYYY-MM`.
    pub facts_checked: String,
    /// The module file, relative to the catalogue: `modules/<id>.<hash>.json`.
    pub file: String,
    pub placement: PlacementSettings,
    /// In teaching order.
    pub lessons: Vec<LessonSummary>,
}

/// The quick "test out" check for a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementSettings {
    pub enabled: bool,
    pub max_items: u32,
}

/// A lesson as the catalogue describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonSummary {
    pub id: String,
    pub title: String,
    pub objective: String,
    /// The checker's estimate: card words at 180 a minute plus typical answering times.
    pub minutes: f32,
    /// Lesson ids in the same module that should come first.
    pub prerequisites: Vec<String>,
    pub items: Vec<ItemStub>,
}

/// Enough about an item to schedule it without loading its module file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemStub {
    pub id: String,
    pub kind: ItemKind,
    pub version: u32,
    /// 1 (easy) to 5 (hard).
    pub difficulty: u8,
    /// True for the one item per lesson that the placement check asks.
    pub placement: bool,
    /// How many variants (other phrasings) the item has besides its own.
    pub variants: u32,
}

/// The eight item types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Single,
    Multiple,
    TrueFalse,
    Order,
    Numeric,
    Text,
    Scenario,
    Spot,
}

impl ItemKind {
    /// Every kind, in the order the authoring guide lists them.
    pub const ALL: [ItemKind; 8] = [
        Self::Single,
        Self::Multiple,
        Self::TrueFalse,
        Self::Order,
        Self::Numeric,
        Self::Text,
        Self::Scenario,
        Self::Spot,
    ];

    /// The name authors write in `type = "..."`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Single => "single",
            Self::Multiple => "multiple",
            Self::TrueFalse => "true-false",
            Self::Order => "order",
            Self::Numeric => "numeric",
            Self::Text => "text",
            Self::Scenario => "scenario",
            Self::Spot => "spot",
        }
    }

    /// The kind for an authored name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}
