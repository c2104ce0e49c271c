//! The memory model: FSRS-6 from the `fsrs` crate plus same-day learning steps, modelled on
//! Anki's `rslib/src/scheduler/states` (small `Copy` states and a `next_states` that computes
//! all four outcomes without touching storage).

pub use crate::card::{CardState, MemoryState, NextStates, Phase};
use crate::error::Error;
use crate::log::Rating;
use crate::time::{DAY_MS, MINUTE_MS, elapsed_days};
use serde::{Deserialize, Serialize};

/// How many parameters FSRS-6 has.
pub const PARAMETER_COUNT: usize = 21;

/// How the scheduler behaves. The defaults are FSRS-6's default parameters and short learning
/// steps suited to micro-learning sessions of a few minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchedulerConfig {
    /// The 21 FSRS-6 parameters (an empty list means the `fsrs` crate's defaults).
    pub parameters: Vec<f32>,
    /// Same-day steps for new items, in minutes. Default `[1, 10]`: a new item comes back after
    /// about a minute (a few other items later in the session) and again after ten, then
    /// graduates to a day-scale interval.
    pub learning_steps_mins: Vec<u32>,
    /// Same-day steps for forgotten items, in minutes. Default `[10]`.
    pub relearning_steps_mins: Vec<u32>,
    /// Predicted recall at which a graduated item falls due (0.70..=0.99 is sensible).
    pub desired_retention: f32,
    /// No interval is longer than this.
    pub maximum_interval_days: u32,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        Self {
            parameters: fsrs::DEFAULT_PARAMETERS.to_vec(),
            learning_steps_mins: vec![1, 10],
            relearning_steps_mins: vec![10],
            desired_retention: 0.9,
            maximum_interval_days: 36_500,
        }
    }
}

/// FSRS plus learning steps: turns a card state and a rating into the next card state.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: fsrs::FSRS,
    parameters: [f32; PARAMETER_COUNT],
    config: SchedulerConfig,
    /// Whether better ratings are guaranteed longer waits by construction, so [`Scheduler::apply`]
    /// may compute only the chosen outcome (see [`outcomes_are_ordered`]).
    ordered: bool,
}

impl Default for Scheduler {
    fn default() -> Self {
        Self::new(SchedulerConfig::default()).expect("the default FSRS parameters are valid")
    }
}

impl Scheduler {
    /// Builds a scheduler; fails when the `fsrs` crate rejects the parameters.
    pub fn new(config: SchedulerConfig) -> Result<Self, Error> {
        let filled = fsrs::check_and_fill_parameters(&config.parameters)?;
        let parameters: [f32; PARAMETER_COUNT] = filled
            .as_slice()
            .try_into()
            .map_err(|_| Error::InvalidParameters(format!("{} values", filled.len())))?;
        let fsrs = fsrs::FSRS::new(&parameters)?;
        let ordered = outcomes_are_ordered(&parameters, &config);
        Ok(Self {
            fsrs,
            parameters,
            config,
            ordered,
        })
    }

    /// The configuration this scheduler was built from.
    pub fn config(&self) -> &SchedulerConfig {
        &self.config
    }

    /// The 21 FSRS parameters in use.
    pub fn parameters(&self) -> &[f32; PARAMETER_COUNT] {
        &self.parameters
    }

    /// The forgetting curve's decay (FSRS-6 parameter 20).
    pub fn decay(&self) -> f32 {
        self.parameters[20]
    }

    /// Predicted probability of recall for a memory state after `elapsed_days` days.
    pub fn recall_probability(&self, memory: MemoryState, elapsed_days: f32) -> f32 {
        let stability = memory.stability_days.max(fsrs_minimum_stability());
        fsrs::current_retrievability(
            fsrs::MemoryState {
                stability,
                difficulty: memory.difficulty,
            },
            elapsed_days.max(0.0),
            self.decay(),
        )
    }

    /// Predicted probability of recall of a card at `now_ms` (1.0 right after a review).
    pub fn retrievability(&self, card: &CardState, now_ms: i64) -> f32 {
        let elapsed = (now_ms - card.last_review_ms).max(0) as f32 / DAY_MS as f32;
        self.recall_probability(card.memory, elapsed)
    }

    /// The interval in whole days (at least 1) after which recall falls to `retention`.
    pub fn interval_days_for(&self, stability_days: f32, retention: f32) -> u32 {
        let raw = self
            .fsrs
            .next_interval(Some(stability_days), retention.clamp(0.01, 0.999), 3);
        let bounded = raw
            .round()
            .clamp(1.0, self.config.maximum_interval_days as f32);
        if bounded.is_finite() {
            bounded as u32
        } else {
            1
        }
    }

    /// All four outcomes of reviewing an item at `now_ms`; `card` is `None` for a new item.
    pub fn next_states(&self, card: Option<&CardState>, now_ms: i64) -> Result<NextStates, Error> {
        let elapsed = card.map_or(0, |card| elapsed_days(card.last_review_ms, now_ms));
        let memories = self.fsrs.next_states(
            card.map(|card| card.memory.into()),
            self.config.desired_retention,
            elapsed,
        )?;
        let outcomes = Outcomes {
            memories: [
                memories.again.memory.into(),
                memories.hard.memory.into(),
                memories.good.memory.into(),
                memories.easy.memory.into(),
            ],
            now_ms,
            previous: card.copied(),
        };
        let [again, hard, good, easy] = self.phase_outcomes(&outcomes);
        Ok(NextStates {
            again,
            hard,
            good,
            easy,
        })
    }

    /// The state after reviewing an item at `now_ms` with `rating`; always equal to
    /// `next_states(card, now_ms)?.for_rating(rating)`, but replay calls it for every event, so
    /// when the outcomes are ordered by construction it runs one FSRS step instead of four.
    pub fn apply(
        &self,
        card: Option<&CardState>,
        rating: Rating,
        now_ms: i64,
    ) -> Result<CardState, Error> {
        if !self.ordered {
            return Ok(self.next_states(card, now_ms)?.for_rating(rating));
        }
        let elapsed = card.map_or(0, |card| elapsed_days(card.last_review_ms, now_ms));
        let review = fsrs::FSRSReview {
            rating: rating.as_number(),
            delta_t: elapsed,
        };
        let memory: MemoryState = self
            .fsrs
            .memory_state(
                fsrs::FSRSItem {
                    reviews: vec![review],
                },
                card.map(|card| card.memory.into()),
            )?
            .into();
        // Only the chosen rating's slot is read by the phase rules below.
        let outcomes = Outcomes {
            memories: [memory; 4],
            now_ms,
            previous: card.copied(),
        };
        Ok(self.outcome_for(&outcomes, rating))
    }

    /// The state of a new item a placement test showed the learner already knows: the memory
    /// an Easy first answer would give, graduated straight to a day-scale interval.
    pub fn known_from_placement(&self, now_ms: i64) -> Result<CardState, Error> {
        let memory: MemoryState = self.fsrs.next_states(None, 0.9, 0)?.easy.memory.into();
        let interval_days =
            self.interval_days_for(memory.stability_days, self.config.desired_retention);
        Ok(CardState {
            memory,
            phase: Phase::Review,
            last_review_ms: now_ms,
            due_ms: now_ms + i64::from(interval_days) * DAY_MS,
            interval_days: interval_days as f32,
            reviews: 0,
            lapses: 0,
        })
    }

    fn phase_outcomes(&self, outcomes: &Outcomes) -> [CardState; 4] {
        let mut states = Rating::ALL.map(|rating| self.outcome_for(outcomes, rating));
        enforce_non_decreasing_intervals(&mut states);
        states
    }

    fn outcome_for(&self, outcomes: &Outcomes, rating: Rating) -> CardState {
        match outcomes
            .previous
            .map_or(Phase::Learning(0), |card| card.phase)
        {
            Phase::Learning(step) => {
                self.stepping(outcomes, rating, step, &self.config.learning_steps_mins)
            }
            Phase::Relearning(step) => {
                self.stepping(outcomes, rating, step, &self.config.relearning_steps_mins)
            }
            Phase::Review => self.reviewing(outcomes, rating),
        }
    }

    /// Outcomes while stepping through same-day steps (learning or relearning), as Anki does:
    /// Again restarts the steps, Hard repeats the current step with a longer delay, Good moves
    /// to the next step or graduates, Easy graduates at once.
    fn stepping(&self, outcomes: &Outcomes, rating: Rating, step: u8, steps: &[u32]) -> CardState {
        let step = usize::from(step).min(steps.len().saturating_sub(1));
        let relearning = matches!(
            outcomes.previous.map(|card| card.phase),
            Some(Phase::Relearning(_))
        );
        let phase_at = |index: usize| {
            let index = u8::try_from(index).unwrap_or(u8::MAX);
            if relearning {
                Phase::Relearning(index)
            } else {
                Phase::Learning(index)
            }
        };
        match rating {
            _ if steps.is_empty() => self.graduate(outcomes, rating),
            Rating::Again => outcomes.stepped(rating, phase_at(0), steps[0], 0),
            Rating::Hard => {
                outcomes.stepped(rating, phase_at(step), hard_delay_mins(steps, step), 0)
            }
            Rating::Good if step + 1 < steps.len() => {
                outcomes.stepped(rating, phase_at(step + 1), steps[step + 1], 0)
            }
            Rating::Good | Rating::Easy => self.graduate(outcomes, rating),
        }
    }

    /// Outcomes for a graduated item: a lapse goes to the relearning steps, anything else gets
    /// a new day-scale interval from FSRS.
    fn reviewing(&self, outcomes: &Outcomes, rating: Rating) -> CardState {
        if rating == Rating::Again {
            return match self.config.relearning_steps_mins.first() {
                Some(&first) => outcomes.stepped(rating, Phase::Relearning(0), first, 1),
                None => {
                    let mut state = self.graduate(outcomes, rating);
                    state.lapses += 1;
                    state
                }
            };
        }
        self.graduate(outcomes, rating)
    }

    fn graduate(&self, outcomes: &Outcomes, rating: Rating) -> CardState {
        let memory = outcomes.memory(rating);
        let interval_days =
            self.interval_days_for(memory.stability_days, self.config.desired_retention);
        outcomes.with(rating, Phase::Review, i64::from(interval_days) * DAY_MS, 0)
    }
}

/// The inputs shared by the four outcomes of one review.
struct Outcomes {
    memories: [MemoryState; 4],
    now_ms: i64,
    previous: Option<CardState>,
}

impl Outcomes {
    fn memory(&self, rating: Rating) -> MemoryState {
        self.memories[rating.as_number() as usize - 1]
    }

    fn stepped(
        &self,
        rating: Rating,
        phase: Phase,
        delay_mins: u32,
        extra_lapses: u32,
    ) -> CardState {
        self.with(
            rating,
            phase,
            i64::from(delay_mins) * MINUTE_MS,
            extra_lapses,
        )
    }

    fn with(&self, rating: Rating, phase: Phase, delay_ms: i64, extra_lapses: u32) -> CardState {
        let (reviews, lapses) = self
            .previous
            .map_or((0, 0), |card| (card.reviews, card.lapses));
        CardState {
            memory: self.memory(rating),
            phase,
            last_review_ms: self.now_ms,
            due_ms: self.now_ms.saturating_add(delay_ms),
            interval_days: delay_ms as f32 / DAY_MS as f32,
            reviews: reviews + 1,
            lapses: lapses + extra_lapses,
        }
    }
}

/// Anki's Hard delay: the average of the first two steps on the first step, 1.5 times the only
/// step when there is one (at most a day more), and the current step otherwise.
fn hard_delay_mins(steps: &[u32], step: usize) -> u32 {
    match (step, steps.len()) {
        (0, 1) => (steps[0] * 3 / 2).min(steps[0] + 1_440),
        (0, _) => (steps[0] + steps[1]) / 2,
        _ => steps[step],
    }
}

/// A better answer never gets a shorter wait: each outcome waits at least as long as the one
/// for the worse rating before it (Anki applies the same rule to its intervals).
fn enforce_non_decreasing_intervals(states: &mut [CardState; 4]) {
    for index in 1..states.len() {
        let previous = states[index - 1];
        let state = &mut states[index];
        if state.due_ms < previous.due_ms {
            state.due_ms = previous.due_ms;
            state.interval_days = previous.interval_days;
        }
    }
}

/// Whether a better rating always gives a wait at least as long without any correction: true
/// when the first-review stabilities rise with the rating and the same-day steps rise and stay
/// under a day. FSRS's own parameter bounds (hard penalty at most 1, easy bonus at least 1,
/// non-negative short-term exponent) order every later outcome.
fn outcomes_are_ordered(parameters: &[f32; PARAMETER_COUNT], config: &SchedulerConfig) -> bool {
    let rising = |values: &[u32]| values.windows(2).all(|pair| pair[0] <= pair[1]);
    let under_a_day = |values: &[u32]| values.iter().all(|&minutes| minutes < 1_440);
    parameters[0..4].windows(2).all(|pair| pair[0] <= pair[1])
        && rising(&config.learning_steps_mins)
        && rising(&config.relearning_steps_mins)
        && under_a_day(&config.learning_steps_mins)
        && under_a_day(&config.relearning_steps_mins)
}

/// The smallest stability the `fsrs` crate allows, so retrievability never divides by zero.
fn fsrs_minimum_stability() -> f32 {
    0.001
}
