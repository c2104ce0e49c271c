//! Shared builders for the engine's integration tests: catalogues, events and clocks.
#![allow(dead_code)]

use engine::*;

/// A Monday at 09:00 UTC (2026-01-05), a convenient "now".
pub const START_MS: i64 = 1_767_603_600_000;
/// One day in ms.
pub const DAY: i64 = 86_400_000;
/// One minute in ms.
pub const MINUTE: i64 = 60_000;

/// An item id like `m0-l1-i2`.
pub fn item_id(module: usize, lesson: usize, item: usize) -> ItemId {
    ItemId::new(format!("m{module}-l{lesson}-i{item}"))
}

/// A catalogue of `modules` modules, each with `lessons` lessons of `items` items; every lesson
/// after the first requires the previous one.
pub fn catalogue(modules: usize, lessons: usize, items: usize) -> Catalogue {
    let kinds = ItemKind::ALL;
    Catalogue {
        modules: (0..modules)
            .map(|module| Module {
                id: format!("m{module}"),
                skill_domain: format!("domain{}", module % 2),
                placement_max_questions: None,
                desired_retention: None,
                lessons: (0..lessons)
                    .map(|lesson| Lesson {
                        id: format!("m{module}-l{lesson}"),
                        prerequisites: if lesson == 0 {
                            vec![]
                        } else {
                            vec![format!("m{module}-l{}", lesson - 1)]
                        },
                        items: (0..items)
                            .map(|item| Item {
                                id: item_id(module, lesson, item),
                                kind: kinds[(module + lesson + item) % kinds.len()],
                                version: 1,
                                difficulty: 3,
                                placement: item == 0,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A review event.
/// Study settings with these minutes and new items a day, and no module settings.
pub fn settings(daily_minutes: u32, new_items_per_day: u32) -> Settings {
    Settings {
        daily_minutes,
        new_items_per_day,
        ..Settings::default()
    }
}

/// The learner answers the first `items` items of module 0's first lesson at `at_ms`.
pub fn first_lesson_answered(items: usize, at_ms: i64, rating: Rating) -> ReviewLog {
    let events = (0..items)
        .map(|item| review(&format!("e{item}"), &item_id(0, 0, item), at_ms, rating))
        .collect();
    ReviewLog::from_events(events)
}

pub fn review(id: &str, item: &ItemId, at_ms: i64, rating: Rating) -> ReviewEvent {
    ReviewEvent {
        id: EventId::new(id),
        item_id: item.clone(),
        item_version: 1,
        item_kind: ItemKind::Single,
        at_ms,
        rating,
        score: if rating.is_recall() { 1.0 } else { 0.0 },
        response_ms: 10_000,
        confidence: None,
        kind: EventKind::Review,
    }
}

/// Plays a learner answering the queue of each day's plan with `rating_for`, for `days` days
/// from `start_ms`, and returns the log and final state.
pub fn simulate(
    catalogue: &Catalogue,
    settings: &Settings,
    scheduler: &Scheduler,
    start_ms: i64,
    days: i64,
    mut rating_for: impl FnMut(&QueueEntry) -> Rating,
) -> (ReviewLog, LearnerState) {
    let mut log = ReviewLog::new();
    let mut state = LearnerState::default();
    let mut counter = 0u64;
    for day in 0..days {
        let mut now = start_ms + day * DAY;
        let session = plan(&state, catalogue, settings, scheduler, now, day as u64);
        for entry in &session.queue {
            counter += 1;
            let event = review(
                &format!("e{counter}"),
                &entry.item_id,
                now,
                rating_for(entry),
            );
            state.apply(scheduler, &event).unwrap();
            log.push(event);
            now += 20_000;
        }
    }
    (log, state)
}
