//! The compiled content the app loads: a catalogue and one file per module (serde types only).
//!
//! This module builds without the `compile` feature, so the app gets these types and the answer
//! checker (`Item::score`) without a TOML or Markdown parser in its wasm. Fields holding HTML
//! (`*_html`) were rendered from Markdown at build time to a safe subset; every other string is
//! plain text for the app to show as text.

mod catalogue;
mod score;

pub use catalogue::{
    Catalogue, ItemKind, ItemStub, LessonSummary, ModuleSummary, PlacementSettings, Site,
};
pub use score::Response;

use serde::{Deserialize, Serialize};

/// The version of this JSON shape; bump on incompatible changes.
pub const FORMAT: u32 = 1;

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
