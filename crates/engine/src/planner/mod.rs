//! The session planner: today's ordered queue of due and new items within the learner's time
//! budget, deterministic for the same inputs.
//!
//! Order of work:
//! 1. **Due items** (graduated items whose interval at the module's retention has passed, items
//!    whose content version changed, reviews brought forward so recall meets the target on a
//!    module's deadline day, and same-day steps due within [`LEARN_AHEAD_MS`]), most at
//!    risk first: sorted by predicted recall divided by module priority, ties broken by a hash
//!    of the seed and item id.
//! 2. **New items** from the next lessons in order, a lesson only once its prerequisites are
//!    introduced, taken round-robin across modules so one module does not block the rest.
//!    Modules with deadlines first get the daily quota they need (see [`crate::deadline`]),
//!    then the rest of the learner's new-items-per-day cap is shared.
//! 3. **Learning-step repeats**: each new item comes back [`LEARNING_GAP_ITEMS`] items later in
//!    the same session (the first learning step); an item is never queued twice in a row.
//!
//! Budget: daily minutes less time already spent today. Items are added while the estimate is
//! under budget, so the plan exceeds it by at most one item (a new item counts together with
//! its repeat). Estimates use the learner's own typical time per item kind; a new item costs
//! twice that (first showing plus repeat). Due items that do not fit are reported in
//! [`SessionPlan::leftover_due`], never silently dropped.

use crate::catalogue::{Catalogue, Item, Module};
mod new_items;
mod queue;

use crate::deadline::{DailyCapacity, DeadlineReport, deadline_report};
use crate::log::ItemId;
use crate::scheduler::{CardState, Phase, Scheduler};
use crate::settings::{ModuleSettings, Settings};
use crate::state::{ItemRecord, LearnerState};
use crate::time::{DAY_MS, MINUTE_MS, day_index, next_day_start_ms};
use new_items::{add_new_items, deadline_shares};
use queue::QueueBuilder;
use serde::{Deserialize, Serialize};

/// Same-day steps due within this window count as due now (Anki's learn-ahead limit).
pub const LEARN_AHEAD_MS: i64 = 20 * MINUTE_MS;
/// A new or missed item comes back after this many other items.
pub const LEARNING_GAP_ITEMS: usize = 3;

/// Why an item is in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QueueReason {
    /// A graduated item due for review.
    Due,
    /// An item in its same-day learning or relearning steps.
    Learning,
    /// A first showing.
    New,
    /// The same-day repeat of a new item shown earlier in this session.
    Repeat,
}

/// One entry of the session queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueEntry {
    /// The item to show.
    pub item_id: ItemId,
    /// Its module.
    pub module_id: String,
    /// Why it is queued.
    pub reason: QueueReason,
    /// Estimated time for this entry, ms.
    pub estimated_ms: u32,
    /// Predicted recall now (0 for new items).
    pub recall: f32,
}

/// Today's plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionPlan {
    /// Items in the order to show them.
    pub queue: Vec<QueueEntry>,
    /// The time budget left for today, ms.
    pub budget_ms: u64,
    /// The estimated time of the whole queue, ms.
    pub estimated_ms: u64,
    /// Due items in total, whether or not they fitted.
    pub due_total: usize,
    /// Due items that did not fit in today's budget.
    pub leftover_due: usize,
    /// New items planned.
    pub new_planned: usize,
    /// One report per module with a deadline.
    pub deadlines: Vec<DeadlineReport>,
}

impl SessionPlan {
    /// Keeps the queue in step with an answer: call it after the entry at `position` was
    /// answered and `card` is the item's new state. An item still in same-day steps and due
    /// within [`LEARN_AHEAD_MS`] comes back [`LEARNING_GAP_ITEMS`] entries later (unless it is
    /// already queued later); an item that graduated loses any later repeat.
    pub fn after_answer(&mut self, position: usize, card: &CardState, now_ms: i64) {
        let Some(answered) = self.queue.get(position).cloned() else {
            return;
        };
        let later = position + 1;
        let queued_later = self.queue[later..]
            .iter()
            .any(|entry| entry.item_id == answered.item_id);
        if card.phase == Phase::Review {
            let mut index = 0;
            self.queue.retain(|entry| {
                let keep = index < later
                    || entry.item_id != answered.item_id
                    || entry.reason == QueueReason::Due;
                index += 1;
                keep
            });
            return;
        }
        // With nothing else left to show, an immediate repeat would teach nothing: the app
        // re-plans later instead.
        if queued_later || later >= self.queue.len() || card.due_ms > now_ms + LEARN_AHEAD_MS {
            return;
        }
        let insert_at = (later + LEARNING_GAP_ITEMS).min(self.queue.len());
        let entry = QueueEntry {
            reason: QueueReason::Learning,
            recall: 1.0,
            ..answered
        };
        self.estimated_ms += u64::from(entry.estimated_ms);
        self.queue.insert(insert_at, entry);
    }

    /// The estimated time of the queue in minutes.
    pub fn estimated_minutes(&self) -> f32 {
        self.estimated_ms as f32 / MINUTE_MS as f32
    }

    /// Reviews planned in `module_id` (every module for `None`): items met before today, due or
    /// in their same-day steps. A new item's repeat later in the session is part of learning it,
    /// not a review, so a first session reads "10 new questions", never "10 reviews".
    pub fn reviews(&self, module_id: Option<&str>) -> usize {
        self.queue
            .iter()
            .filter(|entry| module_id.is_none_or(|id| entry.module_id == id))
            .filter(|entry| matches!(entry.reason, QueueReason::Due | QueueReason::Learning))
            .count()
    }

    /// New items planned: first showings (their repeats are not counted again).
    pub fn new_questions(&self) -> usize {
        self.queue
            .iter()
            .filter(|entry| entry.reason == QueueReason::New)
            .count()
    }
}

/// Everything the planner reads, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    /// The learner's replayed state.
    pub state: &'a LearnerState,
    /// The course.
    pub catalogue: &'a Catalogue,
    /// The learner's settings.
    pub settings: &'a Settings,
    /// The memory model (with the learner's parameters).
    pub scheduler: &'a Scheduler,
    /// Now, UTC ms.
    pub now_ms: i64,
    /// Seed for tie-breaking.
    pub seed: u64,
}

/// A due item waiting to be ordered.
pub(crate) struct DueCandidate<'a> {
    item: &'a Item,
    module: &'a Module,
    reason: QueueReason,
    recall: f32,
    urgency: f32,
    ready_now: bool,
}

/// Plans today's session.
pub fn plan(
    state: &LearnerState,
    catalogue: &Catalogue,
    settings: &Settings,
    scheduler: &Scheduler,
    now_ms: i64,
    seed: u64,
) -> SessionPlan {
    plan_session(&PlanInput {
        state,
        catalogue,
        settings,
        scheduler,
        now_ms,
        seed,
    })
}

/// Plans today's session from a [`PlanInput`].
pub fn plan_session(input: &PlanInput<'_>) -> SessionPlan {
    let budget_ms = daily_budget_ms(input);
    let mut builder = QueueBuilder::new(budget_ms);
    let due = due_candidates(input);
    let due_total = due.len();
    for candidate in &due {
        if !builder.has_room() {
            break;
        }
        let estimate = input
            .state
            .response_times
            .typical_or_default_ms(candidate.item.kind);
        builder.add_due(candidate, estimate);
    }
    let leftover_due = due_total - builder.due_added;
    let deadlines = deadline_reports(input);
    if leftover_due == 0 {
        add_new_items(input, &mut builder);
    }
    let new_planned = builder.new_added;
    let (queue, estimated_ms) = builder.finish();
    SessionPlan {
        queue,
        budget_ms,
        estimated_ms,
        due_total,
        leftover_due,
        new_planned,
        deadlines,
    }
}

/// Today's minutes less time already spent answering today.
fn daily_budget_ms(input: &PlanInput<'_>) -> u64 {
    let daily = u64::from(input.settings.daily_minutes) * MINUTE_MS as u64;
    daily.saturating_sub(input.state.response_ms_on_day_of(input.now_ms))
}

fn due_candidates<'a>(input: &PlanInput<'a>) -> Vec<DueCandidate<'a>> {
    let mut candidates = Vec::new();
    for module in &input.catalogue.modules {
        let module_settings = input.settings.for_module(module);
        for item in module.items() {
            if let Some(record) = input.state.items.get(&item.id)
                && let Some(candidate) =
                    due_candidate(input, module, &module_settings, item, record)
            {
                candidates.push(candidate);
            }
        }
    }
    crate::sort::sort_by(&mut candidates, |left, right| {
        left.urgency
            .total_cmp(&right.urgency)
            .then_with(|| {
                tie_break(input.seed, &left.item.id).cmp(&tie_break(input.seed, &right.item.id))
            })
            .then_with(|| left.item.id.cmp(&right.item.id))
    });
    candidates
}

fn due_candidate<'a>(
    input: &PlanInput<'a>,
    module: &'a Module,
    module_settings: &ModuleSettings,
    item: &'a Item,
    record: &ItemRecord,
) -> Option<DueCandidate<'a>> {
    let card = &record.card;
    let recall = input.scheduler.retrievability(card, input.now_ms);
    let (reason, ready_now) = match card.phase {
        Phase::Learning(_) | Phase::Relearning(_) => {
            if card.due_ms > input.now_ms + LEARN_AHEAD_MS {
                return None;
            }
            (QueueReason::Learning, card.due_ms <= input.now_ms)
        }
        Phase::Review => {
            let interval = input.scheduler.interval_days_for(
                card.memory.stability_days,
                module_settings.desired_retention,
            );
            let due_day = deadline_due_day(
                input,
                card,
                module_settings,
                day_index(card.last_review_ms) + i64::from(interval),
            );
            let changed = item.version > record.item_version;
            if due_day > day_index(input.now_ms) && !changed {
                return None;
            }
            (QueueReason::Due, true)
        }
    };
    let priority = if module_settings.priority.is_finite() {
        module_settings.priority.max(0.1)
    } else {
        1.0
    };
    Some(DueCandidate {
        item,
        module,
        reason,
        recall,
        urgency: recall / priority,
        ready_now,
    })
}

/// Pulls a review forward to the day before a module's deadline day when waiting for its
/// normal due day would let predicted recall at the start of the deadline day fall below the
/// target (interval rounding can do that), so every item meets the target on the day.
fn deadline_due_day(
    input: &PlanInput<'_>,
    card: &CardState,
    module_settings: &ModuleSettings,
    due_day: i64,
) -> i64 {
    let Some(deadline_ms) = module_settings.deadline_ms else {
        return due_day;
    };
    let deadline_day = day_index(deadline_ms);
    if due_day < deadline_day || deadline_day < day_index(input.now_ms) {
        return due_day;
    }
    let deadline_day_start_ms = next_day_start_ms(deadline_ms) - DAY_MS;
    let recall = input.scheduler.retrievability(card, deadline_day_start_ms);
    if recall < module_settings.desired_retention {
        due_day.min(deadline_day - 1)
    } else {
        due_day
    }
}

fn deadline_reports(input: &PlanInput<'_>) -> Vec<DeadlineReport> {
    let shares = deadline_shares(input);
    input
        .catalogue
        .modules
        .iter()
        .zip(shares)
        .filter_map(|(module, share)| {
            deadline_report(
                module,
                &input.settings.for_module(module),
                input.state,
                input.scheduler,
                DailyCapacity {
                    new_items_per_day: share,
                },
                input.now_ms,
            )
        })
        .collect()
}

/// A deterministic pseudo-random number from the seed and an item id (FNV-1a then a
/// SplitMix64 finaliser), used only to break ties between equally urgent items.
fn tie_break(seed: u64, item_id: &ItemId) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for byte in item_id.0.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^ (hash >> 31)
}
