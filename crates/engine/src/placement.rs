//! Placement (test-out): a short diagnostic per module, one question per lesson, that lets
//! staff who already know the material skip it. A small state machine the UI drives:
//! [`Placement::current`] gives the question, [`Placement::answer`] records the answer, and
//! [`Placement::outcome`] gives the result once [`Placement::is_finished`].
//!
//! Adaptive rules:
//! - Lessons are probed in teaching order, one item each (the lesson's flagged placement item).
//! - A right answer marks that lesson known: its items get [`crate::log::EventKind::TestedOut`]
//!   events, which give them a strong starting memory state.
//! - A wrong answer sends the learner to that lesson, and every later lesson that depends on it
//!   (directly or through other lessons) is sent to study too without being asked: a learner
//!   who lacks the foundation cannot test out of what builds on it.
//! - After [`STOP_AFTER_WRONG_IN_A_ROW`] wrong answers in a row the test stops and the rest of
//!   the module is studied normally.
//! - It also stops once it has asked the module's `placement_max_questions`; lessons it did
//!   not reach are studied, since nothing showed they are known.

use crate::catalogue::{Catalogue, LessonId, Module};
use crate::error::Error;
use crate::log::{EventId, EventKind, ItemId, ItemKind, Rating, ReviewEvent};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The test stops after this many wrong answers in a row.
pub const STOP_AFTER_WRONG_IN_A_ROW: u32 = 3;

/// What the learner should be asked now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementQuestion {
    /// The lesson being probed.
    pub lesson_id: LessonId,
    /// The item to show.
    pub item_id: ItemId,
}

/// What a lesson was decided to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LessonDecision {
    /// Answered right: the lesson's items are marked known.
    Known,
    /// Answered wrong, depends on a failed lesson, or the test stopped: study it.
    Study,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PlacementLesson {
    lesson_id: LessonId,
    question: Option<PlacementQuestion>,
    items: Vec<(ItemId, u32, ItemKind)>,
    prerequisites: Vec<LessonId>,
    decision: Option<LessonDecision>,
}

/// The placement test for one module. Serialisable, so the app can keep it across reloads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    module_id: String,
    lessons: Vec<PlacementLesson>,
    wrong_in_a_row: u32,
    asked: u32,
    /// `None` (and a test saved before the cap existed): one question per lesson at most.
    #[serde(default)]
    max_questions: Option<u32>,
}

/// The result of a finished placement test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacementOutcome {
    /// The module tested.
    pub module_id: String,
    /// Lessons the learner tested out of, in teaching order.
    pub known_lessons: Vec<LessonId>,
    /// Lessons to study, in teaching order.
    pub study_lessons: Vec<LessonId>,
    /// Questions asked.
    pub questions_asked: u32,
    known_items: Vec<(ItemId, u32, ItemKind)>,
}

impl PlacementOutcome {
    /// The items marked known.
    pub fn known_items(&self) -> impl Iterator<Item = &ItemId> {
        self.known_items.iter().map(|(id, _, _)| id)
    }

    /// Log events recording the result: one `TestedOut` event per known item, with ids
    /// `"{id_prefix}:{item id}"` so recording the same outcome twice adds nothing.
    pub fn events(&self, now_ms: i64, id_prefix: &str) -> Vec<ReviewEvent> {
        self.known_items
            .iter()
            .map(|(item_id, version, kind)| ReviewEvent {
                id: EventId(format!("{id_prefix}:{item_id}")),
                item_id: item_id.clone(),
                item_version: *version,
                item_kind: *kind,
                at_ms: now_ms,
                rating: Rating::Easy,
                score: 1.0,
                response_ms: 0,
                confidence: None,
                kind: EventKind::TestedOut,
            })
            .collect()
    }
}

impl Placement {
    /// Starts a placement test for a module of the catalogue.
    pub fn start(catalogue: &Catalogue, module_id: &str) -> Result<Self, Error> {
        let module = catalogue.module(module_id)?;
        let mut placement = Self::from_module(module);
        placement.decide_unaskable();
        Ok(placement)
    }

    fn from_module(module: &Module) -> Self {
        let lessons = module
            .lessons
            .iter()
            .map(|lesson| PlacementLesson {
                lesson_id: lesson.id.clone(),
                question: lesson.placement_item().map(|item| PlacementQuestion {
                    lesson_id: lesson.id.clone(),
                    item_id: item.id.clone(),
                }),
                items: lesson
                    .items
                    .iter()
                    .map(|item| (item.id.clone(), item.version, item.kind))
                    .collect(),
                prerequisites: lesson.prerequisites.clone(),
                decision: None,
            })
            .collect();
        Self {
            module_id: module.id.clone(),
            lessons,
            wrong_in_a_row: 0,
            asked: 0,
            max_questions: module.placement_max_questions,
        }
    }

    /// Lessons with no items have nothing to test or study; they count as known.
    fn decide_unaskable(&mut self) {
        for lesson in &mut self.lessons {
            if lesson.question.is_none() {
                lesson.decision = Some(LessonDecision::Known);
            }
        }
    }

    /// The question to ask now, or `None` when the test has finished.
    pub fn current(&self) -> Option<&PlacementQuestion> {
        self.lessons
            .iter()
            .find(|lesson| lesson.decision.is_none())
            .and_then(|lesson| lesson.question.as_ref())
    }

    /// Whether every lesson has been decided.
    pub fn is_finished(&self) -> bool {
        self.current().is_none()
    }

    /// Records the answer to the current question (`correct` is the graded result: any
    /// rating but Again).
    pub fn answer(&mut self, correct: bool) -> Result<(), Error> {
        let Some(index) = self
            .lessons
            .iter()
            .position(|lesson| lesson.decision.is_none())
        else {
            return Err(Error::PlacementFinished(self.module_id.clone()));
        };
        self.asked += 1;
        if correct {
            self.lessons[index].decision = Some(LessonDecision::Known);
            self.wrong_in_a_row = 0;
        } else {
            self.lessons[index].decision = Some(LessonDecision::Study);
            self.wrong_in_a_row += 1;
            self.send_dependents_to_study(index);
        }
        let cap_reached = self.max_questions.is_some_and(|max| self.asked >= max);
        if self.wrong_in_a_row >= STOP_AFTER_WRONG_IN_A_ROW || cap_reached {
            self.send_rest_to_study();
        }
        Ok(())
    }

    /// Marks every undecided lesson that (transitively) requires a failed lesson as Study.
    fn send_dependents_to_study(&mut self, failed: usize) {
        let mut failed_ids: BTreeSet<LessonId> = BTreeSet::new();
        failed_ids.insert(self.lessons[failed].lesson_id.clone());
        for lesson in self.lessons.iter_mut().skip(failed + 1) {
            if lesson
                .prerequisites
                .iter()
                .any(|id| failed_ids.contains(id))
            {
                failed_ids.insert(lesson.lesson_id.clone());
                if lesson.decision.is_none() {
                    lesson.decision = Some(LessonDecision::Study);
                }
            }
        }
    }

    fn send_rest_to_study(&mut self) {
        for lesson in &mut self.lessons {
            lesson.decision.get_or_insert(LessonDecision::Study);
        }
    }

    /// The result, once the test has finished.
    pub fn outcome(&self) -> Option<PlacementOutcome> {
        if !self.is_finished() {
            return None;
        }
        let decided = |wanted: LessonDecision| {
            self.lessons
                .iter()
                .filter(move |lesson| lesson.decision == Some(wanted) && !lesson.items.is_empty())
        };
        Some(PlacementOutcome {
            module_id: self.module_id.clone(),
            known_lessons: decided(LessonDecision::Known)
                .map(|lesson| lesson.lesson_id.clone())
                .collect(),
            study_lessons: decided(LessonDecision::Study)
                .map(|lesson| lesson.lesson_id.clone())
                .collect(),
            questions_asked: self.asked,
            known_items: decided(LessonDecision::Known)
                .flat_map(|lesson| lesson.items.iter().cloned())
                .collect(),
        })
    }
}
