//! Microlearn's adaptive engine: memory model, session planner, placement and personal parameters.
//!
//! Architecture invariant: this crate is pure. It depends on no browser crate (yew, web-sys,
//! gloo, wasm-bindgen), performs no I/O, and never reads the clock or a random source: time and
//! randomness are arguments, so every decision is deterministic and tests run natively.
//!
//! The memory model is FSRS-6 from the [`fsrs`] crate (the implementation Anki uses); this
//! crate adds what micro-learning needs on top: an append-only review log ([`log`]), grading
//! of answers ([`grading`]), same-day learning steps ([`scheduler`]), the session planner
//! ([`planner`]), deadlines ([`deadline`]), placement tests ([`placement`]), mastery
//! ([`mastery`](mod@mastery)), personal parameters ([`parameters`]) and a replay evaluator ([`evaluation`]).
//!
//! # How the app uses this
//!
//! ```
//! use engine::*;
//!
//! let catalogue = Catalogue::default(); // built by the app from the compiled content
//! let settings = Settings::default(); // minutes a day, new-item cap, per-module targets
//! let scheduler = Scheduler::default(); // or Scheduler::new(config with personal parameters)
//! let mut log = ReviewLog::new(); // stored as JSON: serde_json::from_str(&stored)?
//! let now_ms = 1_767_225_600_000; // the app reads the clock; the engine never does
//!
//! let mut state = replay(&log, &scheduler).unwrap();
//! let mut session = plan(&state, &catalogue, &settings, &scheduler, now_ms, /* seed */ 7);
//! // Show session.queue[0], then grade the learner's answer:
//! let answer = Answer { kind: ItemKind::Single, score: 1.0, response_ms: 9_000, confidence: None };
//! let rating = grade(&answer, &state.response_times);
//! let event = ReviewEvent { id: EventId::new("device-a:1"), item_id: ItemId::new("q1"),
//!     item_version: 1, item_kind: answer.kind, at_ms: now_ms, rating, score: answer.score,
//!     response_ms: answer.response_ms, confidence: answer.confidence, kind: EventKind::Review };
//! state.apply(&scheduler, &event).unwrap(); // cheaper than replaying the whole log
//! if let Some(record) = state.items.get(&event.item_id) {
//!     session.after_answer(0, &record.card, now_ms); // missed items come back a few items later
//! }
//! log.push(event); // then store the log as JSON
//! let progress = mastery(&state, &catalogue, &settings, &scheduler, now_ms);
//! assert_eq!((state.totals.reviews, progress.modules.len()), (1, 0));
//! ```
//!
//! Other entry points: [`NextStates`] via [`Scheduler::next_states`] (what each rating would
//! do), [`merge_logs`] (two tabs or an imported file), [`Placement`] (test-out state machine,
//! whose [`PlacementOutcome::events`] go into the log), [`parameters::fit_parameters`]
//! (personal parameters, refit as the log grows) and [`evaluation::evaluate_csv`] (the replay
//! evaluator behind `cargo xtask replay`).

pub mod card;
pub mod catalogue;
pub mod deadline;
pub mod error;
pub mod evaluation;
pub mod grading;
pub mod log;
pub mod mastery;
pub mod parameters;
pub mod placement;
pub mod planner;
pub mod scheduler;
pub mod settings;
pub mod sort;
pub mod state;
pub mod synthetic;
pub mod time;

pub use catalogue::{Catalogue, Item, Lesson, Module};
pub use deadline::{DeadlineReport, DeadlineStatus};
pub use error::Error;
pub use grading::{Answer, grade, grade_with_typical_ms};
pub use log::{
    Confidence, EventId, EventKind, ItemId, ItemKind, Rating, ReviewEvent, ReviewLog, merge_logs,
};
pub use mastery::{
    Mastery, MasteryReport, ModuleMastery, first_completed_ms, mastery, module_mastery,
};
pub use placement::{Placement, PlacementOutcome, PlacementQuestion};
pub use planner::{QueueEntry, QueueReason, SessionPlan, plan};
pub use scheduler::{
    CardState, MemoryState, NextStates, PARAMETER_COUNT, Phase, Scheduler, SchedulerConfig,
};
pub use settings::{ModuleSettings, Settings};
pub use state::{ItemRecord, LearnerState, ResponseTimes, Streak, Totals, replay};

/// The version of the engine's decision rules, recorded so saved data can say which rules made it.
pub const ENGINE_VERSION: u32 = 1;
