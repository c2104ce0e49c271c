//! Learner state derived by replaying the review log: memory per item, streaks, totals and the
//! learner's own typical response times.

use crate::error::Error;
use crate::log::{EventKind, ItemId, ItemKind, ReviewEvent, ReviewLog};
use crate::scheduler::{CardState, Scheduler};
use crate::time::day_index;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the engine knows about one introduced item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ItemRecord {
    /// The scheduler state after the last event for the item.
    pub card: CardState,
    /// The content version the learner last saw.
    pub item_version: u32,
    /// The item's question format.
    pub kind: ItemKind,
    /// When the item was first shown (or marked known), UTC ms.
    pub introduced_ms: i64,
    /// Whether a placement test, not a review, introduced the item.
    pub tested_out: bool,
}

/// Counts over the whole log, plus today's counts the planner needs for budgets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Answers given (placement marks are not answers).
    pub reviews: u64,
    /// Answers rated anything but Again.
    pub correct: u64,
    /// Time spent answering, in ms.
    pub response_ms: u64,
    /// The learning day of the last answer (see [`crate::time::day_index`]).
    pub last_day: i64,
    /// Time spent answering on `last_day`, in ms.
    pub last_day_response_ms: u64,
    /// Items first shown on `last_day`.
    pub last_day_new_items: u32,
}

/// Consecutive learning days with at least one answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Streak {
    /// The length of the run ending on the last day studied.
    pub length_days: u32,
    /// The longest run ever.
    pub longest_days: u32,
    /// The last learning day with an answer (`None` before the first answer).
    pub last_day: Option<i64>,
}

impl Streak {
    /// The streak as seen at `now_ms`: it survives until the end of the day after the last
    /// study day, then drops to zero.
    pub fn current_days(&self, now_ms: i64) -> u32 {
        match self.last_day {
            Some(last) if day_index(now_ms) - last <= 1 => self.length_days,
            _ => 0,
        }
    }

    fn record(&mut self, day: i64) {
        self.length_days = match self.last_day {
            Some(last) if last == day => self.length_days,
            Some(last) if last + 1 == day => self.length_days + 1,
            _ => 1,
        };
        self.last_day = Some(day.max(self.last_day.unwrap_or(day)));
        self.longest_days = self.longest_days.max(self.length_days);
    }
}

/// A learner's typical response time per item kind: an exponentially weighted mean of their
/// answers (each answer counts 20%, answers over five minutes count as five minutes, since the
/// learner was probably interrupted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ResponseTimes {
    mean_ms: [f32; 8],
    samples: [u32; 8],
}

/// How much one new answer moves the typical response time.
const RESPONSE_TIME_WEIGHT: f32 = 0.2;
/// Longer answers are clipped to this before averaging.
const RESPONSE_TIME_CLIP_MS: u32 = 300_000;
/// Below this many answers of a kind, the built-in default time is used instead.
pub const MINIMUM_RESPONSE_SAMPLES: u32 = 3;

impl ResponseTimes {
    /// The learner's typical time for a kind, once they have answered at least
    /// [`MINIMUM_RESPONSE_SAMPLES`] items of it.
    pub fn typical_ms(&self, kind: ItemKind) -> Option<u32> {
        let index = kind.index();
        (self.samples[index] >= MINIMUM_RESPONSE_SAMPLES).then(|| self.mean_ms[index] as u32)
    }

    /// The learner's typical time for a kind, or the built-in default for it.
    pub fn typical_or_default_ms(&self, kind: ItemKind) -> u32 {
        self.typical_ms(kind)
            .unwrap_or_else(|| default_response_ms(kind))
    }

    /// Adds one answer's time.
    pub fn record(&mut self, kind: ItemKind, response_ms: u32) {
        let index = kind.index();
        let clipped = response_ms.min(RESPONSE_TIME_CLIP_MS) as f32;
        self.mean_ms[index] = if self.samples[index] == 0 {
            clipped
        } else {
            self.mean_ms[index] + RESPONSE_TIME_WEIGHT * (clipped - self.mean_ms[index])
        };
        self.samples[index] = self.samples[index].saturating_add(1);
    }
}

/// Built-in typical answer times per kind, used until the learner has their own: a quick
/// judgement (true/false) takes seconds, a multi-part scenario most of a minute.
pub fn default_response_ms(kind: ItemKind) -> u32 {
    match kind {
        ItemKind::TrueFalse => 8_000,
        ItemKind::Single => 12_000,
        ItemKind::Multiple | ItemKind::Numeric | ItemKind::Spot => 20_000,
        ItemKind::Order | ItemKind::Text => 25_000,
        ItemKind::Scenario => 40_000,
    }
}

/// Everything derived from a learner's log.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LearnerState {
    /// Introduced items, by id.
    pub items: BTreeMap<ItemId, ItemRecord>,
    /// Counts over the log.
    pub totals: Totals,
    /// Study-day streak.
    pub streak: Streak,
    /// Typical response times per item kind.
    pub response_times: ResponseTimes,
}

impl LearnerState {
    /// Applies one event on top of the state. Events must arrive in replay order, which
    /// [`replay`] guarantees; the app can use this to update state after each answer instead of
    /// replaying the whole log.
    pub fn apply(&mut self, scheduler: &Scheduler, event: &ReviewEvent) -> Result<(), Error> {
        match event.kind {
            EventKind::Review => self.apply_review(scheduler, event),
            EventKind::TestedOut => self.apply_tested_out(scheduler, event),
        }
    }

    fn apply_review(&mut self, scheduler: &Scheduler, event: &ReviewEvent) -> Result<(), Error> {
        // Updating in place avoids cloning the id on every event of a long replay.
        let first_time = match self.items.get_mut(&event.item_id) {
            Some(record) => {
                // A bumped version means the item's answer changed materially
                // (docs/authoring.md): memory of the old answer says nothing about the new one,
                // so the learner starts the item afresh.
                let previous = (event.item_version <= record.item_version).then_some(&record.card);
                record.card = scheduler.apply(previous, event.rating, event.at_ms)?;
                record.item_version = event.item_version;
                record.kind = event.item_kind;
                false
            }
            None => {
                let record = ItemRecord {
                    card: scheduler.apply(None, event.rating, event.at_ms)?,
                    item_version: event.item_version,
                    kind: event.item_kind,
                    introduced_ms: event.at_ms,
                    tested_out: false,
                };
                self.items.insert(event.item_id.clone(), record);
                true
            }
        };
        self.record_answer(event, first_time);
        Ok(())
    }

    fn apply_tested_out(
        &mut self,
        scheduler: &Scheduler,
        event: &ReviewEvent,
    ) -> Result<(), Error> {
        if self.items.contains_key(&event.item_id) {
            return Ok(());
        }
        let record = ItemRecord {
            card: scheduler.known_from_placement(event.at_ms)?,
            item_version: event.item_version,
            kind: event.item_kind,
            introduced_ms: event.at_ms,
            tested_out: true,
        };
        self.items.insert(event.item_id.clone(), record);
        Ok(())
    }

    fn record_answer(&mut self, event: &ReviewEvent, first_time: bool) {
        let day = day_index(event.at_ms);
        let totals = &mut self.totals;
        if totals.reviews == 0 || totals.last_day != day {
            totals.last_day = day;
            totals.last_day_response_ms = 0;
            totals.last_day_new_items = 0;
        }
        totals.reviews += 1;
        totals.correct += u64::from(event.rating.is_recall());
        totals.response_ms += u64::from(event.response_ms);
        totals.last_day_response_ms += u64::from(event.response_ms);
        totals.last_day_new_items += u32::from(first_time);
        self.streak.record(day);
        self.response_times
            .record(event.item_kind, event.response_ms);
    }

    /// Time already spent answering on the learning day containing `now_ms`, in ms.
    pub fn response_ms_on_day_of(&self, now_ms: i64) -> u64 {
        if self.totals.reviews > 0 && self.totals.last_day == day_index(now_ms) {
            self.totals.last_day_response_ms
        } else {
            0
        }
    }

    /// Items first shown on the learning day containing `now_ms`.
    pub fn new_items_on_day_of(&self, now_ms: i64) -> u32 {
        if self.totals.reviews > 0 && self.totals.last_day == day_index(now_ms) {
            self.totals.last_day_new_items
        } else {
            0
        }
    }
}

/// Replays a whole log into learner state. Deterministic: the log is always in `(at_ms, id)`
/// order, so the same events give the same state however they were collected.
pub fn replay(log: &ReviewLog, scheduler: &Scheduler) -> Result<LearnerState, Error> {
    let mut state = LearnerState::default();
    for event in log.events() {
        state.apply(scheduler, event)?;
    }
    Ok(state)
}

/// What [`record`] did with an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// The log already held an event with this id; nothing changed.
    Duplicate,
    /// The event came after every event in the log and was applied on top of the state.
    Applied,
    /// The event sorts before events already applied, so the state was replayed from the log.
    Replayed,
}

/// Adds one event to a log and to the learner state replayed from it, so that the state stays
/// exactly what [`replay`] of the log gives. An event that comes last in replay order (the usual
/// answer) is applied on top, at a cost that does not grow with the log. One that sorts before
/// events already applied (the device clock was set back, or an answer from another tab or a file
/// arrives late) cannot be: FSRS steps depend on the time since the previous review, so applying
/// it out of order gives a different memory state. The state is then replayed from the whole log,
/// which is rare and costs what loading the app costs.
///
/// On an error the event stays in the log and the state is left as it was.
pub fn record(
    log: &mut ReviewLog,
    state: &mut LearnerState,
    scheduler: &Scheduler,
    event: ReviewEvent,
) -> Result<Recorded, Error> {
    let comes_last = log
        .events()
        .last()
        .is_none_or(|last| last.replay_order(&event).is_lt());
    // A copy to apply once the log has taken the event (the push refuses a repeated id).
    let to_apply = comes_last.then(|| event.clone());
    if !log.push(event) {
        return Ok(Recorded::Duplicate);
    }
    match to_apply {
        Some(event) => {
            state.apply(scheduler, &event)?;
            Ok(Recorded::Applied)
        }
        None => {
            *state = replay(log, scheduler)?;
            Ok(Recorded::Replayed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::DAY_MS;

    #[test]
    fn a_streak_counts_consecutive_days_and_lapses_after_a_missed_day() {
        let mut streak = Streak::default();
        let day = 20_000;
        for offset in [0, 0, 1, 2] {
            streak.record(day + offset);
        }
        assert_eq!(streak.length_days, 3);
        let start_of_last_day = (day + 2) * DAY_MS + crate::time::DAY_ROLLOVER_MS;
        assert_eq!(streak.current_days(start_of_last_day + DAY_MS), 3);
        assert_eq!(streak.current_days(start_of_last_day + 2 * DAY_MS), 0);
        streak.record(day + 5);
        assert_eq!((streak.length_days, streak.longest_days), (1, 3));
    }

    fn review(id: &str, item: &str, at_ms: i64, rating: crate::log::Rating) -> ReviewEvent {
        ReviewEvent {
            id: crate::log::EventId::new(id),
            item_id: ItemId::new(item),
            item_version: 1,
            item_kind: ItemKind::Single,
            at_ms,
            rating,
            score: 1.0,
            response_ms: 9_000,
            confidence: None,
            kind: EventKind::Review,
        }
    }

    /// An answer dated before the last one applied (the phone's clock went back a day) must
    /// leave the state a replay gives, not the state of applying it last.
    #[test]
    fn a_backdated_answer_is_replayed_in_its_place() {
        use crate::log::Rating::{Again, Good};
        let scheduler = Scheduler::default();
        let start = 20_000 * DAY_MS;
        let mut log = ReviewLog::new();
        let mut state = LearnerState::default();
        for (id, at, rating) in [("a:1", 0, Good), ("a:2", 2, Good), ("a:3", 9, Good)] {
            let event = review(id, "m.l.q1", start + at * DAY_MS, rating);
            let outcome = record(&mut log, &mut state, &scheduler, event);
            assert_eq!(outcome, Ok(Recorded::Applied));
        }
        let backdated = review("b:1", "m.l.q1", start + DAY_MS, Again);
        let mut applied_last = state.clone();
        applied_last.apply(&scheduler, &backdated).unwrap();
        let outcome = record(&mut log, &mut state, &scheduler, backdated.clone());
        assert_eq!(outcome, Ok(Recorded::Replayed));
        assert_eq!(state, replay(&log, &scheduler).unwrap());
        assert_ne!(
            state.items[&ItemId::new("m.l.q1")].card,
            applied_last.items[&ItemId::new("m.l.q1")].card,
            "order matters to FSRS, so this test tells the two apart"
        );
        let again = record(&mut log, &mut state, &scheduler, backdated);
        assert_eq!(again, Ok(Recorded::Duplicate));
        assert_eq!(log.len(), 4);
    }

    #[test]
    fn typical_response_times_follow_the_learner_and_clip_interruptions() {
        let mut times = ResponseTimes::default();
        assert_eq!(times.typical_ms(ItemKind::Text), None);
        for _ in 0..3 {
            times.record(ItemKind::Text, 10_000);
        }
        assert_eq!(times.typical_ms(ItemKind::Text), Some(10_000));
        times.record(ItemKind::Text, 3_600_000);
        assert_eq!(times.typical_ms(ItemKind::Text), Some(68_000));
    }
}
