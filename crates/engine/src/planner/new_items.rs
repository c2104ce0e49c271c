//! New items for the session planner: lessons in order behind their prerequisites, shared
//! round-robin across modules, with deadline modules served first.

use super::PlanInput;
use super::queue::QueueBuilder;
use crate::catalogue::{Item, Module};
use crate::deadline::new_items_needed_per_day;
use crate::time::day_index;

/// New items a day each module needs for its deadline (0 without a deadline).
fn deadline_needs(input: &PlanInput<'_>) -> Vec<u32> {
    input
        .catalogue
        .modules
        .iter()
        .map(|module| {
            let settings = input.settings.for_module(module);
            let Some(deadline_ms) = settings.deadline_ms else {
                return 0;
            };
            let days_left = day_index(deadline_ms) - day_index(input.now_ms);
            if days_left < 0 {
                return 0;
            }
            let remaining = module
                .items()
                .filter(|item| !input.state.items.contains_key(&item.id))
                .count();
            new_items_needed_per_day(remaining, days_left)
        })
        .collect()
}

/// Each deadline module's share of the daily new-item cap: what it needs, scaled down
/// proportionally when the needs add up to more than the cap.
pub(super) fn deadline_shares(input: &PlanInput<'_>) -> Vec<u32> {
    let needs = deadline_needs(input);
    let total: u64 = needs.iter().map(|&need| u64::from(need)).sum();
    let cap = u64::from(input.settings.new_items_per_day);
    needs
        .iter()
        .map(|&need| {
            if total <= cap {
                need
            } else {
                u32::try_from(u64::from(need) * cap / total.max(1)).unwrap_or(u32::MAX)
            }
        })
        .collect()
}

pub(super) fn add_new_items(input: &PlanInput<'_>, builder: &mut QueueBuilder) {
    let mut quota = input
        .settings
        .new_items_per_day
        .saturating_sub(input.state.new_items_on_day_of(input.now_ms));
    let mut cursors: Vec<NewItemCursor<'_>> = input
        .catalogue
        .modules
        .iter()
        .map(NewItemCursor::new)
        .collect();
    let mut deadline_quota = deadline_shares(input);
    // First round: what deadlines need; second: the rest of the cap, shared round-robin.
    for deadline_round in [true, false] {
        loop {
            let mut added_any = false;
            for (index, cursor) in cursors.iter_mut().enumerate() {
                if quota == 0 || !builder.has_room() {
                    return;
                }
                if deadline_round && deadline_quota[index] == 0 {
                    continue;
                }
                let Some(item) = cursor.next_item(input, builder) else {
                    continue;
                };
                let estimate = input.state.response_times.typical_or_default_ms(item.kind);
                builder.add_new(item, &cursor.module.id, estimate);
                quota -= 1;
                added_any = true;
                if deadline_round {
                    deadline_quota[index] -= 1;
                }
            }
            if !added_any {
                break;
            }
        }
    }
}

/// Walks one module's lessons in order, yielding items not yet introduced, stopping at a lesson
/// whose prerequisites are not yet introduced.
struct NewItemCursor<'a> {
    module: &'a Module,
    lesson: usize,
    item: usize,
}

impl<'a> NewItemCursor<'a> {
    fn new(module: &'a Module) -> Self {
        Self {
            module,
            lesson: 0,
            item: 0,
        }
    }

    fn next_item(&mut self, input: &PlanInput<'_>, builder: &QueueBuilder) -> Option<&'a Item> {
        while let Some(lesson) = self.module.lessons.get(self.lesson) {
            if self.item == 0 && !prerequisites_met(input, builder, &lesson.prerequisites) {
                return None;
            }
            while let Some(item) = lesson.items.get(self.item) {
                self.item += 1;
                if !input.state.items.contains_key(&item.id) && !builder.planned.contains(&item.id)
                {
                    return Some(item);
                }
            }
            self.lesson += 1;
            self.item = 0;
        }
        None
    }
}

fn prerequisites_met(
    input: &PlanInput<'_>,
    builder: &QueueBuilder,
    prerequisites: &[String],
) -> bool {
    prerequisites.iter().all(|lesson_id| {
        input.catalogue.lesson(lesson_id).is_none_or(|lesson| {
            lesson.items.iter().all(|item| {
                input.state.items.contains_key(&item.id) || builder.planned.contains(&item.id)
            })
        })
    })
}
