//! Deadlines for mandatory training: how many new items a day a module needs to be fully
//! introduced in time, and whether the learner is on track.
//!
//! Rule: all items must be introduced [`CONSOLIDATION_DAYS`] learning days before the deadline,
//! so each gets its same-day steps and at least one day-scale review before the due date. The
//! remaining items are spread evenly over the days left (ceil(remaining / days)). Recall on the
//! deadline day then follows from the schedule: every review interval is chosen so recall only
//! falls to the target when the item is next due, and any item due before the deadline is
//! reviewed before it. Where rounding an interval to whole days would leave recall just under
//! the target at the start of the deadline day, the planner brings that review forward to the
//! day before.

use crate::catalogue::Module;
use crate::scheduler::Scheduler;
use crate::settings::ModuleSettings;
use crate::state::LearnerState;
use crate::time::day_index;
use serde::{Deserialize, Serialize};

/// Learning days before the deadline by which every item should have been introduced.
pub const CONSOLIDATION_DAYS: i64 = 2;

/// Whether a module with a deadline will make it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineStatus {
    /// At the current pace every item will be introduced and held at the target.
    OnTrack,
    /// Some items are at risk (see [`DeadlineReport::items_at_risk`]).
    Behind,
}

/// The deadline picture for one module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineReport {
    /// The module.
    pub module_id: String,
    /// The deadline, UTC ms.
    pub deadline_ms: i64,
    /// Learning days from today to the deadline day (0 on the day, negative after it).
    pub days_left: i64,
    /// Items not yet introduced.
    pub items_not_introduced: usize,
    /// New items a day needed to introduce them all in time.
    pub new_items_needed_per_day: u32,
    /// Items that will miss the target: introduced items already below it, plus items that
    /// cannot be introduced in time at the pace the learner's cap and minutes allow.
    pub items_at_risk: usize,
    /// On track or behind.
    pub status: DeadlineStatus,
}

/// What the learner can manage per day, shared between modules with deadlines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DailyCapacity {
    /// New items a day this module may use.
    pub new_items_per_day: u32,
}

/// The days available for introducing new items before a deadline (at least one).
pub fn introduction_days(days_left: i64) -> i64 {
    (days_left - CONSOLIDATION_DAYS + 1).max(1)
}

/// The new items a day a module needs so that everything is introduced in time.
pub fn new_items_needed_per_day(items_not_introduced: usize, days_left: i64) -> u32 {
    let days = introduction_days(days_left) as usize;
    u32::try_from(items_not_introduced.div_ceil(days)).unwrap_or(u32::MAX)
}

/// The deadline report for one module, given the new items a day it can get.
pub fn deadline_report(
    module: &Module,
    settings: &ModuleSettings,
    state: &LearnerState,
    scheduler: &Scheduler,
    capacity: DailyCapacity,
    now_ms: i64,
) -> Option<DeadlineReport> {
    let deadline_ms = settings.deadline_ms?;
    let days_left = day_index(deadline_ms) - day_index(now_ms);
    let mut items_not_introduced: usize = 0;
    let mut below_target: usize = 0;
    for item in module.items() {
        match state.items.get(&item.id) {
            None => items_not_introduced += 1,
            Some(record) => {
                let recall = scheduler.retrievability(&record.card, now_ms);
                below_target += usize::from(recall < settings.desired_retention);
            }
        }
    }
    let manageable = if days_left < 0 {
        0
    } else {
        capacity.new_items_per_day as usize * introduction_days(days_left) as usize
    };
    let items_at_risk = below_target + items_not_introduced.saturating_sub(manageable);
    Some(DeadlineReport {
        module_id: module.id.clone(),
        deadline_ms,
        days_left,
        items_not_introduced,
        new_items_needed_per_day: new_items_needed_per_day(items_not_introduced, days_left),
        items_at_risk,
        status: if items_at_risk == 0 {
            DeadlineStatus::OnTrack
        } else {
            DeadlineStatus::Behind
        },
    })
}
