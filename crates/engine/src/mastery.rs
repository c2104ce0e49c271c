//! Mastery per lesson, module and skill domain, derived from the predicted recall of items.
//!
//! Mastery of a group is the mean predicted recall now of its items, counting items not yet
//! introduced as 0, so it reads as "the share of this you would get right today". A module is
//! complete when every item is introduced and that mean is at or above the module's target
//! retention.

use crate::catalogue::{Catalogue, Item, Module};
use crate::error::Error;
use crate::log::ReviewLog;
use crate::scheduler::Scheduler;
use crate::settings::Settings;
use crate::state::LearnerState;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Mastery of one group of items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Mastery {
    /// Mean predicted recall now, 0.0..=1.0, with unintroduced items counted as 0.
    pub recall: f32,
    /// Items introduced.
    pub introduced: usize,
    /// Items in the group.
    pub total: usize,
}

impl Mastery {
    fn from_recalls(recalls: &[Option<f32>]) -> Self {
        let total = recalls.len();
        let introduced = recalls.iter().filter(|recall| recall.is_some()).count();
        let sum: f32 = recalls.iter().map(|recall| recall.unwrap_or(0.0)).sum();
        Self {
            recall: if total == 0 { 0.0 } else { sum / total as f32 },
            introduced,
            total,
        }
    }

    /// Whether every item has been introduced.
    pub fn all_introduced(&self) -> bool {
        self.introduced == self.total
    }
}

/// Mastery of one module, with its lessons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleMastery {
    /// The module.
    pub module_id: String,
    /// Mastery over all its items.
    pub mastery: Mastery,
    /// Mastery per lesson, by lesson id.
    pub lessons: BTreeMap<String, Mastery>,
    /// All items introduced and mean recall at or above the module's target.
    pub complete: bool,
}

/// Mastery for the whole catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MasteryReport {
    /// Per module, in catalogue order.
    pub modules: Vec<ModuleMastery>,
    /// Per skill domain, by domain name.
    pub skill_domains: BTreeMap<String, Mastery>,
}

/// Computes mastery at `now_ms`.
pub fn mastery(
    state: &LearnerState,
    catalogue: &Catalogue,
    settings: &Settings,
    scheduler: &Scheduler,
    now_ms: i64,
) -> MasteryReport {
    let recall_of = recall_at(state, scheduler, now_ms);
    let mut domain_recalls: BTreeMap<String, Vec<Option<f32>>> = BTreeMap::new();
    let modules = catalogue
        .modules
        .iter()
        .map(|module| {
            let recalls: Vec<Option<f32>> = module.items().map(&recall_of).collect();
            domain_recalls
                .entry(module.skill_domain.clone())
                .or_default()
                .extend_from_slice(&recalls);
            mastery_from_recalls(module, &recalls, settings, &recall_of)
        })
        .collect();
    let skill_domains = crate::sort::map_from_pairs(
        domain_recalls
            .into_iter()
            .map(|(domain, recalls)| (domain, Mastery::from_recalls(&recalls))),
    );
    MasteryReport {
        modules,
        skill_domains,
    }
}

/// Mastery of one module at `now_ms`, as [`mastery`] reports it, reading only that module's
/// items: after an answer the app re-scores the one module it touched, not the whole catalogue.
pub fn module_mastery(
    state: &LearnerState,
    module: &Module,
    settings: &Settings,
    scheduler: &Scheduler,
    now_ms: i64,
) -> ModuleMastery {
    let recall_of = recall_at(state, scheduler, now_ms);
    let recalls: Vec<Option<f32>> = module.items().map(&recall_of).collect();
    mastery_from_recalls(module, &recalls, settings, &recall_of)
}

/// The chance of recalling an item at `now_ms`, or `None` for an item never seen.
fn recall_at<'a>(
    state: &'a LearnerState,
    scheduler: &'a Scheduler,
    now_ms: i64,
) -> impl Fn(&Item) -> Option<f32> + 'a {
    move |item| {
        state
            .items
            .get(&item.id)
            .map(|record| scheduler.retrievability(&record.card, now_ms))
    }
}

fn mastery_from_recalls(
    module: &Module,
    recalls: &[Option<f32>],
    settings: &Settings,
    recall_of: &impl Fn(&Item) -> Option<f32>,
) -> ModuleMastery {
    let mastery = Mastery::from_recalls(recalls);
    let lessons = crate::sort::map_from_pairs(module.lessons.iter().map(|lesson| {
        let lesson_recalls: Vec<Option<f32>> = lesson.items.iter().map(recall_of).collect();
        (lesson.id.clone(), Mastery::from_recalls(&lesson_recalls))
    }));
    let target = settings.for_module(module).desired_retention;
    ModuleMastery {
        module_id: module.id.clone(),
        complete: mastery.total > 0 && mastery.all_introduced() && mastery.recall >= target,
        mastery,
        lessons,
    }
}

/// When the learner first completed `module`: the time of the answer after which every item was
/// introduced and the module's mean recall reached its target, or `None` if that never happened.
/// Recall only falls between answers, so completion can only begin at an answer; checking after
/// each of the module's answers in replay order finds the first moment exactly. A certificate
/// shows this date, not the day it is printed.
pub fn first_completed_ms(
    log: &ReviewLog,
    module: &Module,
    settings: &Settings,
    scheduler: &Scheduler,
) -> Result<Option<i64>, Error> {
    let mut state = LearnerState::default();
    for event in log.events() {
        // A linear search: a module has tens of items, and a set type would cost the app's wasm
        // a few KB of code for this one screen.
        if !module.items().any(|item| item.id == event.item_id) {
            continue;
        }
        state.apply(scheduler, event)?;
        if module_mastery(&state, module, settings, scheduler, event.at_ms).complete {
            return Ok(Some(event.at_ms));
        }
    }
    Ok(None)
}
