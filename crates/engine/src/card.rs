//! The scheduler's small `Copy` state types: an item's FSRS memory, its phase, its card state
//! and the four possible outcomes of its next review.

use crate::log::Rating;
use serde::{Deserialize, Serialize};

/// The FSRS memory of one item: stability in days (the interval at which recall falls to 90%)
/// and difficulty on FSRS's 1..10 scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MemoryState {
    /// Days until predicted recall falls to 90%.
    pub stability_days: f32,
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f32,
}

impl From<fsrs::MemoryState> for MemoryState {
    fn from(state: fsrs::MemoryState) -> Self {
        Self {
            stability_days: state.stability,
            difficulty: state.difficulty,
        }
    }
}

impl From<MemoryState> for fsrs::MemoryState {
    fn from(state: MemoryState) -> Self {
        Self {
            stability: state.stability_days,
            difficulty: state.difficulty,
        }
    }
}

/// Where an item is in its life: stepping through same-day learning steps, or on day-scale
/// review intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "phase", content = "step")]
pub enum Phase {
    /// A new item going through the learning steps; `0` is the first step.
    Learning(u8),
    /// Graduated: the next review is days away.
    Review,
    /// Forgotten after graduating, going through the relearning steps.
    Relearning(u8),
}

/// Everything the scheduler knows about one introduced item. Small and `Copy`, like Anki's
/// card states.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// The FSRS memory state after the last review.
    pub memory: MemoryState,
    /// Learning, review or relearning.
    pub phase: Phase,
    /// When the item was last reviewed (or marked known), UTC ms.
    pub last_review_ms: i64,
    /// When it should next be shown, UTC ms.
    pub due_ms: i64,
    /// The scheduled interval in days (fractions for same-day steps).
    pub interval_days: f32,
    /// How many reviews the item has had.
    pub reviews: u32,
    /// How many times it was forgotten after graduating.
    pub lapses: u32,
}

/// The four possible outcomes of the next review, computed without changing anything.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NextStates {
    /// The state after a wrong answer.
    pub again: CardState,
    /// The state after a right but hard answer.
    pub hard: CardState,
    /// The state after a right answer.
    pub good: CardState,
    /// The state after a right, fast and sure answer.
    pub easy: CardState,
}

impl NextStates {
    /// The outcome for one rating.
    pub fn for_rating(&self, rating: Rating) -> CardState {
        match rating {
            Rating::Again => self.again,
            Rating::Hard => self.hard,
            Rating::Good => self.good,
            Rating::Easy => self.easy,
        }
    }
}
