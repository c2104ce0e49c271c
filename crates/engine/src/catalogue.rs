//! The engine's lean view of the course content: modules of ordered lessons of items. The app
//! builds it from the compiled content; the engine does not depend on the content crate.

use crate::error::Error;
use crate::log::{ItemId, ItemKind};
use serde::{Deserialize, Serialize};

/// A stable module identifier (for example `"infection-control"`).
pub type ModuleId = String;
/// A stable lesson identifier, unique across the catalogue.
pub type LessonId = String;

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable item id, as recorded in review events.
    pub id: ItemId,
    /// The question format.
    pub kind: ItemKind,
    /// The content version; a review of an older version makes the item due again.
    pub version: u32,
    /// The author's difficulty estimate, 1 (easy) to 5 (hard). Informational: the scheduler
    /// learns each item's real difficulty from the learner's answers, as FSRS does.
    pub difficulty: u8,
    /// Whether this item is the lesson's placement (test-out) question.
    pub placement: bool,
}

/// One lesson: a few items taught together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// Stable lesson id, unique across the catalogue.
    pub id: LessonId,
    /// Lessons (anywhere in the catalogue) whose items must all be introduced first.
    pub prerequisites: Vec<LessonId>,
    /// The lesson's items in teaching order.
    pub items: Vec<Item>,
}

impl Lesson {
    /// The item used by placement tests: the one flagged, or else the first.
    pub fn placement_item(&self) -> Option<&Item> {
        self.items
            .iter()
            .find(|item| item.placement)
            .or_else(|| self.items.first())
    }
}

/// One module: lessons in teaching order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Module {
    /// Stable module id.
    pub id: ModuleId,
    /// The skill domain the module belongs to (for example `"clinical-skills"`).
    pub skill_domain: String,
    /// Lessons in teaching order.
    pub lessons: Vec<Lesson>,
    /// The most questions its placement test may ask (`None`: one per lesson). Authors cap a long
    /// module's test so it stays quick; lessons it never reached are studied.
    #[serde(default)]
    pub placement_max_questions: Option<u32>,
    /// The recall level the module's author recommends (module.toml's `desired_retention`). It
    /// applies until the learner chooses their own in Settings; `None` means 0.9.
    #[serde(default)]
    pub desired_retention: Option<f32>,
}

impl Module {
    /// All items of the module in teaching order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.lessons.iter().flat_map(|lesson| lesson.items.iter())
    }
}

/// The whole course, in the order the app presents modules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    /// Modules in presentation order.
    pub modules: Vec<Module>,
}

impl Catalogue {
    /// The module with this id.
    pub fn module(&self, module_id: &str) -> Result<&Module, Error> {
        self.modules
            .iter()
            .find(|module| module.id == module_id)
            .ok_or_else(|| Error::Unknown {
                kind: "module",
                id: module_id.to_owned(),
            })
    }

    /// The lesson with this id, anywhere in the catalogue.
    pub fn lesson(&self, lesson_id: &str) -> Option<&Lesson> {
        self.modules
            .iter()
            .flat_map(|module| module.lessons.iter())
            .find(|lesson| lesson.id == lesson_id)
    }

    /// The number of items in the catalogue.
    pub fn item_count(&self) -> usize {
        self.modules
            .iter()
            .map(|module| module.items().count())
            .sum()
    }
}
