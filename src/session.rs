//! A session in progress: the engine's plan, where the learner is in it, and the conversion to
//! and from the saved resume point. The engine decides what to ask; this only walks the plan.

use std::collections::BTreeMap;

use content::model as cm;
use engine::{
    ItemId, LearnerState, QueueEntry, QueueReason, ReviewEvent, ReviewLog, Scheduler, SessionPlan,
};
use persist::{ResumeEntry, ResumePoint};

use crate::adapter;

/// Where the learner is within the current step.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Reading teaching card `index` of a lesson before its first question.
    Card {
        module_id: String,
        lesson_id: String,
        index: usize,
    },
    /// Answering the question at `position`; `shown_at_ms` starts the response timer.
    Asking { shown_at_ms: i64 },
    /// The answer was marked; feedback is on screen.
    Feedback(Box<Feedback>),
    /// Every planned question was answered.
    Finished,
}

/// What the learner answered and how it was marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub response: cm::Response,
    pub score: f32,
    pub event: ReviewEvent,
}

/// The session being played.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub plan: SessionPlan,
    /// The phrasing shown for each item (rotated by how often it was reviewed).
    pub variants: BTreeMap<ItemId, u32>,
    pub position: usize,
    pub step: Step,
    pub started_at_ms: i64,
    pub answered: usize,
    pub correct: usize,
}

impl Session {
    /// A session over the engine's plan, starting at its first step.
    pub fn new(
        plan: SessionPlan,
        learner: &LearnerState,
        catalogue: &cm::Catalogue,
        now_ms: i64,
    ) -> Self {
        let variants = engine::sort::map_from_pairs(
            plan.queue
                .iter()
                .map(|entry| (entry.item_id.clone(), variant_for(learner, &entry.item_id))),
        );
        let mut session = Self {
            plan,
            variants,
            position: 0,
            step: Step::Finished,
            started_at_ms: now_ms,
            answered: 0,
            correct: 0,
        };
        session.enter_position(learner, catalogue, now_ms);
        session
    }

    /// The queue entry being asked or about to be asked.
    pub fn current(&self) -> Option<&QueueEntry> {
        self.plan.queue.get(self.position)
    }

    /// Sets the step for `position`: the lesson's teaching cards first when this is a new item
    /// and the first of its lesson in the session, otherwise the question itself.
    pub fn enter_position(
        &mut self,
        learner: &LearnerState,
        catalogue: &cm::Catalogue,
        now_ms: i64,
    ) {
        let Some(entry) = self.plan.queue.get(self.position) else {
            self.step = Step::Finished;
            return;
        };
        let is_new = !learner.items.contains_key(&entry.item_id);
        let located = adapter::locate(catalogue, &entry.item_id.0);
        if let (true, Some((module, lesson))) = (is_new, located) {
            let first_of_lesson = !self.plan.queue[..self.position]
                .iter()
                .any(|earlier| lesson.items.iter().any(|item| item.id == earlier.item_id.0));
            if first_of_lesson {
                self.step = Step::Card {
                    module_id: module.id.clone(),
                    lesson_id: lesson.id.clone(),
                    index: 0,
                };
                return;
            }
        }
        self.step = Step::Asking {
            shown_at_ms: now_ms,
        };
    }

    /// Records a marked answer: the engine may put a missed item back later in the session.
    pub fn record_answer(&mut self, feedback: Feedback, learner: &LearnerState, now_ms: i64) {
        self.answered += 1;
        if feedback.event.rating.is_recall() {
            self.correct += 1;
        }
        if let Some(record) = learner.items.get(&feedback.event.item_id) {
            self.plan.after_answer(self.position, &record.card, now_ms);
        }
        self.step = Step::Feedback(Box::new(feedback));
    }

    /// The point to resume from if the page closed now: after an answer, the next step.
    pub fn resume_point(&self) -> Option<ResumePoint> {
        let (position, lesson_card) = match &self.step {
            Step::Finished => return None,
            Step::Feedback(_) => (self.position + 1, None),
            Step::Asking { .. } => (self.position, None),
            Step::Card {
                module_id,
                lesson_id,
                index,
            } => (
                self.position,
                Some((module_id.clone(), lesson_id.clone(), *index)),
            ),
        };
        if position >= self.plan.queue.len() {
            return None;
        }
        let queue = self
            .plan
            .queue
            .iter()
            .map(|entry| ResumeEntry {
                item_id: entry.item_id.0.clone(),
                variant: self.variants.get(&entry.item_id).copied().unwrap_or(0),
            })
            .collect();
        Some(ResumePoint {
            started_at_ms: self.started_at_ms,
            queue,
            position,
            lesson_card,
        })
    }

    /// Rebuilds a session from a saved resume point, exactly where it stopped, with the answers
    /// already given in it counted from the log (so the end screen's "N of M right" covers the
    /// whole session, not only what came after the resume).
    pub fn from_resume(
        point: &ResumePoint,
        learner: &LearnerState,
        log: &ReviewLog,
        catalogue: &cm::Catalogue,
        scheduler: &Scheduler,
        now_ms: i64,
    ) -> Option<Self> {
        let queue: Vec<QueueEntry> = point
            .queue
            .iter()
            .filter_map(|entry| queue_entry(&entry.item_id, learner, catalogue, scheduler, now_ms))
            .collect();
        if queue.len() != point.queue.len() || point.position >= queue.len() {
            return None;
        }
        let variants = engine::sort::map_from_pairs(
            point
                .queue
                .iter()
                .map(|entry| (ItemId::new(entry.item_id.clone()), entry.variant)),
        );
        let step = match &point.lesson_card {
            Some((module_id, lesson_id, index)) => Step::Card {
                module_id: module_id.clone(),
                lesson_id: lesson_id.clone(),
                index: *index,
            },
            None => Step::Asking {
                shown_at_ms: now_ms,
            },
        };
        let (answered, correct) = answers_since(log, &point.queue, point.started_at_ms);
        Some(Self {
            plan: plan_from_queue(queue),
            variants,
            position: point.position,
            step,
            started_at_ms: point.started_at_ms,
            answered,
            correct,
        })
    }
}

/// How many answers the log holds for the session's questions since it started, and how many
/// of them were recalled. The log is in time order, so the session's answers are at its end.
fn answers_since(log: &ReviewLog, queue: &[ResumeEntry], started_at_ms: i64) -> (usize, usize) {
    let in_session =
        |event: &&ReviewEvent| queue.iter().any(|entry| entry.item_id == event.item_id.0);
    let answers: Vec<&ReviewEvent> = log
        .events()
        .iter()
        .rev()
        .take_while(|event| event.at_ms >= started_at_ms)
        .filter(in_session)
        .collect();
    let correct = answers
        .iter()
        .filter(|event| event.rating.is_recall())
        .count();
    (answers.len(), correct)
}

/// The phrasing to show: the number of reviews so far, so each review uses the next variant.
fn variant_for(learner: &LearnerState, item_id: &ItemId) -> u32 {
    learner
        .items
        .get(item_id)
        .map(|record| record.card.reviews)
        .unwrap_or(0)
}

/// A queue entry for an item the learner chose (a lesson, a practice round, a resume).
pub fn queue_entry(
    item_id: &str,
    learner: &LearnerState,
    catalogue: &cm::Catalogue,
    scheduler: &Scheduler,
    now_ms: i64,
) -> Option<QueueEntry> {
    let (module, lesson) = adapter::locate(catalogue, item_id)?;
    let stub = lesson.items.iter().find(|item| item.id == item_id)?;
    let id = ItemId::new(item_id);
    let record = learner.items.get(&id);
    Some(QueueEntry {
        reason: if record.is_some() {
            QueueReason::Due
        } else {
            QueueReason::New
        },
        recall: record.map_or(0.0, |record| scheduler.retrievability(&record.card, now_ms)),
        estimated_ms: learner
            .response_times
            .typical_or_default_ms(adapter::engine_kind(stub.kind)),
        module_id: module.id.clone(),
        item_id: id,
    })
}

/// A session plan over a queue the learner chose rather than the planner.
pub fn plan_from_queue(queue: Vec<QueueEntry>) -> SessionPlan {
    let estimated_ms = queue
        .iter()
        .map(|entry| u64::from(entry.estimated_ms))
        .sum();
    SessionPlan {
        due_total: queue
            .iter()
            .filter(|entry| entry.reason != QueueReason::New)
            .count(),
        new_planned: queue
            .iter()
            .filter(|entry| entry.reason == QueueReason::New)
            .count(),
        queue,
        budget_ms: estimated_ms,
        estimated_ms,
        leftover_due: 0,
        deadlines: Vec::new(),
    }
}

/// All of one lesson's items, in teaching order.
pub fn lesson_plan(
    lesson: &cm::LessonSummary,
    learner: &LearnerState,
    catalogue: &cm::Catalogue,
    scheduler: &Scheduler,
    now_ms: i64,
) -> SessionPlan {
    let queue = lesson
        .items
        .iter()
        .filter_map(|item| queue_entry(&item.id, learner, catalogue, scheduler, now_ms))
        .collect();
    plan_from_queue(queue)
}

/// A practice round: the learner's weakest introduced items (lowest predicted recall first).
pub fn practice_plan(
    learner: &LearnerState,
    catalogue: &cm::Catalogue,
    engine_catalogue: &engine::Catalogue,
    scheduler: &Scheduler,
    now_ms: i64,
    size: usize,
) -> SessionPlan {
    let mut entries: Vec<QueueEntry> = engine_catalogue
        .modules
        .iter()
        .flat_map(|module| module.items())
        .filter(|item| learner.items.contains_key(&item.id))
        .filter_map(|item| queue_entry(&item.id.0, learner, catalogue, scheduler, now_ms))
        .collect();
    engine::sort::sort_by(&mut entries, |left, right| {
        left.recall.total_cmp(&right.recall)
    });
    entries.truncate(size);
    plan_from_queue(entries)
}

#[cfg(test)]
mod tests;
