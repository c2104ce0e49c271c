//! The compiled content the app loads: a catalogue and one file per module (serde types only).
//!
//! This module builds without the `compile` feature, so the app gets these types and the answer
//! checker (`Item::score`) without a TOML or Markdown parser in its wasm. Fields holding HTML
//! (`*_html`) were rendered from Markdown at build time to a safe subset; every other string is
//! plain text for the app to show as text.

mod score;

pub use score::Response;

use serde::{Deserialize, Serialize};

/// The version of this JSON shape; bump on incompatible changes.
pub const FORMAT: u32 = 1;

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

/// `modules/<id>.<hash>.json`: a module's teaching cards and full items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleFile {
    pub format: u32,
    pub id: String,
    pub version: u32,
    pub sources: Vec<Source>,
    /// In the catalogue's order.
    pub lessons: Vec<Lesson>,
}

/// A lesson's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    pub id: String,
    pub cards: Vec<Card>,
    pub items: Vec<Item>,
}

/// A teaching card: a level-2 heading and the Markdown under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub title: String,
    pub body_html: String,
}

/// The authority a fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    /// Always https.
    pub url: String,
}

/// A question with its stable id. `question` is the authored phrasing; `variants` are complete
/// alternative phrasings (anything a variant left out was filled in from the item).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub version: u32,
    pub difficulty: u8,
    pub placement: bool,
    pub source: Source,
    pub question: Question,
    pub variants: Vec<Question>,
}

impl Item {
    /// The item's type.
    pub fn kind(&self) -> ItemKind {
        self.question.kind()
    }

    /// Phrasing number `n`: 0 is the authored one, 1.. the variants, wrapping around so a
    /// review counter can be passed in directly.
    pub fn phrasing(&self, n: usize) -> &Question {
        let count = self.variants.len() + 1;
        match n % count {
            0 => &self.question,
            v => &self.variants[v - 1],
        }
    }

    /// Scores a response to the authored phrasing, from 0 (wrong) to 1 (right).
    pub fn score(&self, response: &Response) -> f32 {
        self.question.score(response)
    }

    /// Scores a response to phrasing number `n` (see `phrasing`).
    pub fn score_phrasing(&self, n: usize, response: &Response) -> f32 {
        self.phrasing(n).score(response)
    }
}

/// One phrasing of a question: the prompt, the explanation shown after answering, optional data
/// to read (a table or a chart), and the type's own answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub prompt_html: String,
    pub explanation_html: String,
    pub table: Option<Table>,
    pub chart: Option<Chart>,
    #[serde(flatten)]
    pub answer: Answer,
}

impl Question {
    /// The question's type.
    pub fn kind(&self) -> ItemKind {
        self.answer.kind()
    }
}

/// What each type asks and what counts as right. Choice, step and segment lists are in the
/// authored order; responses refer to them by index, so the app may shuffle what it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Answer {
    Single {
        choices: Vec<Choice>,
    },
    Multiple {
        choices: Vec<Choice>,
    },
    TrueFalse {
        answer: bool,
        feedback_true: Option<String>,
        feedback_false: Option<String>,
    },
    Order {
        /// In the right order.
        steps: Vec<String>,
    },
    Numeric {
        answer: f64,
        tolerance: f64,
        unit: Option<String>,
        /// The calculation, shown after answering.
        working: Option<String>,
    },
    Text {
        accepted: Vec<String>,
    },
    Scenario {
        case_html: String,
        /// Two or three parts; never scenario, order or spot.
        parts: Vec<Question>,
    },
    Spot {
        mock: Mock,
        from: Option<String>,
        to: Option<String>,
        subject: Option<String>,
        /// In reading order.
        segments: Vec<Segment>,
    },
}

impl Answer {
    /// The type this answer belongs to.
    pub fn kind(&self) -> ItemKind {
        match self {
            Self::Single { .. } => ItemKind::Single,
            Self::Multiple { .. } => ItemKind::Multiple,
            Self::TrueFalse { .. } => ItemKind::TrueFalse,
            Self::Order { .. } => ItemKind::Order,
            Self::Numeric { .. } => ItemKind::Numeric,
            Self::Text { .. } => ItemKind::Text,
            Self::Scenario { .. } => ItemKind::Scenario,
            Self::Spot { .. } => ItemKind::Spot,
        }
    }
}

/// A choice of a single or multiple item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    pub feedback: Option<String>,
}

/// A data table: a header row and data rows of the same length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A chart to draw as SVG, with a text alternative made from the same data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub kind: ChartKind,
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub labels: Vec<String>,
    pub values: Vec<f64>,
    /// For screen readers: the chart's data in words.
    pub text_alternative: String,
}

/// How a chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    Bar,
    Line,
    /// A line chart with its median drawn.
    Run,
}

/// What a spot-the-problem item imitates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mock {
    Email,
    Sms,
    Screen,
}

/// A tappable piece of a mock message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    pub suspicious: bool,
    /// Why it is suspicious (present on every suspicious segment).
    pub why: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON shape is the contract with the app, so its field names are pinned here.
    #[test]
    fn questions_serialise_flat_with_a_type_tag() {
        let question = Question {
            prompt_html: "<p>Q</p>".into(),
            explanation_html: "<p>E</p>".into(),
            table: None,
            chart: None,
            answer: Answer::TrueFalse {
                answer: true,
                feedback_true: None,
                feedback_false: Some("No.".into()),
            },
        };
        let json = serde_json::to_string(&question).unwrap();
        assert_eq!(
            json,
            r#"{"prompt_html":"<p>Q</p>","explanation_html":"<p>E</p>","table":null,"chart":null,"type":"true-false","answer":true,"feedback_true":null,"feedback_false":"No."}"#
        );
        assert_eq!(serde_json::from_str::<Question>(&json).unwrap(), question);
    }

    #[test]
    fn responses_serialise_with_a_type_tag() {
        let response = Response::Multiple {
            choices: vec![0, 2],
        };
        let json = serde_json::to_string(&response).unwrap();
        assert_eq!(json, r#"{"type":"multiple","choices":[0,2]}"#);
        assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), response);
    }

    #[test]
    fn phrasings_wrap_around_the_variants() {
        let question = |prompt: &str| Question {
            prompt_html: prompt.into(),
            explanation_html: String::new(),
            table: None,
            chart: None,
            answer: Answer::Text {
                accepted: vec!["x".into()],
            },
        };
        let item = Item {
            id: "a.b".into(),
            version: 1,
            difficulty: 3,
            placement: false,
            source: Source {
                title: "T".into(),
                url: "https://example.org/".into(),
            },
            question: question("main"),
            variants: vec![question("v1"), question("v2")],
        };
        let prompts: Vec<&str> = (0..4)
            .map(|n| item.phrasing(n).prompt_html.as_str())
            .collect();
        assert_eq!(prompts, ["main", "v1", "v2", "main"]);
        assert_eq!(item.kind(), ItemKind::Text);
        assert_eq!(ItemKind::from_name("true-false"), Some(ItemKind::TrueFalse));
    }
}
