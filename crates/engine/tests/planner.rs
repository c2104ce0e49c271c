//! Planner behaviour: interleaving, prerequisites, content changes and today's budget.

mod common;

use common::{DAY, MINUTE, START_MS, catalogue, item_id, review};
use engine::*;

fn settings(daily_minutes: u32, new_items_per_day: u32) -> Settings {
    Settings {
        daily_minutes,
        new_items_per_day,
        ..Settings::default()
    }
}

fn new_items(session: &SessionPlan) -> Vec<&QueueEntry> {
    session
        .queue
        .iter()
        .filter(|entry| entry.reason == QueueReason::New)
        .collect()
}

#[test]
fn new_items_are_interleaved_across_modules_in_lesson_order() {
    let catalogue = catalogue(3, 2, 2);
    let session = plan(
        &LearnerState::default(),
        &catalogue,
        &settings(30, 6),
        &Scheduler::default(),
        START_MS,
        0,
    );
    let modules: Vec<&str> = new_items(&session)
        .iter()
        .map(|entry| entry.module_id.as_str())
        .collect();
    assert_eq!(modules, ["m0", "m1", "m2", "m0", "m1", "m2"]);
    let ids: Vec<&ItemId> = new_items(&session)
        .iter()
        .map(|entry| &entry.item_id)
        .collect();
    assert_eq!(ids[0], &item_id(0, 0, 0));
    assert_eq!(ids[3], &item_id(0, 0, 1));
}

#[test]
fn a_lesson_waits_for_its_prerequisites_even_in_another_module() {
    let mut catalogue = catalogue(2, 1, 2);
    catalogue.modules[1].lessons[0].prerequisites = vec!["m0-l0".into()];
    let scheduler = Scheduler::default();
    let session = plan(
        &LearnerState::default(),
        &catalogue,
        &settings(30, 1),
        &scheduler,
        START_MS,
        0,
    );
    assert!(
        new_items(&session)
            .iter()
            .all(|entry| entry.module_id == "m0")
    );
    // Once both items of m0-l0 are introduced, m1 opens.
    let log = ReviewLog::from_events(vec![
        review("a", &item_id(0, 0, 0), START_MS, Rating::Easy),
        review("b", &item_id(0, 0, 1), START_MS, Rating::Easy),
    ]);
    let state = replay(&log, &scheduler).unwrap();
    let session = plan(
        &state,
        &catalogue,
        &settings(30, 5),
        &scheduler,
        START_MS + DAY,
        0,
    );
    assert_eq!(new_items(&session).len(), 2);
    assert!(
        new_items(&session)
            .iter()
            .all(|entry| entry.module_id == "m1")
    );
}

#[test]
fn a_changed_item_is_due_again() {
    let mut catalogue = catalogue(1, 1, 1);
    let scheduler = Scheduler::default();
    let log = ReviewLog::from_events(vec![review("a", &item_id(0, 0, 0), START_MS, Rating::Easy)]);
    let state = replay(&log, &scheduler).unwrap();
    let tomorrow = START_MS + DAY;
    assert!(
        plan(
            &state,
            &catalogue,
            &settings(10, 5),
            &scheduler,
            tomorrow,
            0
        )
        .queue
        .is_empty()
    );
    catalogue.modules[0].lessons[0].items[0].version = 2;
    let session = plan(
        &state,
        &catalogue,
        &settings(10, 5),
        &scheduler,
        tomorrow,
        0,
    );
    assert_eq!(session.queue.len(), 1);
    assert_eq!(session.queue[0].reason, QueueReason::Due);
}

#[test]
fn time_and_new_items_already_used_today_count_against_the_budget() {
    let catalogue = catalogue(1, 3, 4);
    let scheduler = Scheduler::default();
    let mut first = review("a", &item_id(0, 0, 0), START_MS, Rating::Easy);
    first.response_ms = 9 * 60_000;
    let state = replay(&ReviewLog::from_events(vec![first]), &scheduler).unwrap();
    let later_today = START_MS + 30 * MINUTE;
    let session = plan(
        &state,
        &catalogue,
        &settings(10, 3),
        &scheduler,
        later_today,
        0,
    );
    assert_eq!(session.budget_ms, 60_000);
    assert!(
        new_items(&session).len() <= 2,
        "one of today's three new items is used"
    );
    let tomorrow = plan(
        &state,
        &catalogue,
        &settings(10, 3),
        &scheduler,
        START_MS + DAY,
        0,
    );
    assert_eq!(tomorrow.budget_ms, 600_000);
    assert_eq!(new_items(&tomorrow).len(), 3);
}

#[test]
fn module_priority_puts_its_due_items_first() {
    let catalogue = catalogue(2, 1, 1);
    let scheduler = Scheduler::default();
    // m0's item was learned two days earlier, so it is the more forgotten of the two.
    let log = ReviewLog::from_events(vec![
        review("a", &item_id(0, 0, 0), START_MS, Rating::Easy),
        review("b", &item_id(1, 0, 0), START_MS + 2 * DAY, Rating::Easy),
    ]);
    let state = replay(&log, &scheduler).unwrap();
    let later = START_MS + 20 * DAY;
    let mut study = settings(10, 0);
    let first = |study: &Settings| {
        plan(&state, &catalogue, study, &scheduler, later, 0).queue[0]
            .module_id
            .clone()
    };
    assert_eq!(first(&study), "m0");
    study.modules.insert(
        "m1".into(),
        ModuleSettings {
            priority: 3.0,
            ..ModuleSettings::default()
        },
    );
    assert_eq!(first(&study), "m1");
}

#[test]
fn a_missed_item_comes_back_a_few_items_later_and_a_mastered_one_drops_its_repeat() {
    let catalogue = catalogue(1, 2, 4);
    let scheduler = Scheduler::default();
    let mut session = plan(
        &LearnerState::default(),
        &catalogue,
        &settings(30, 8),
        &scheduler,
        START_MS,
        0,
    );
    let first = session.queue[0].item_id.clone();
    let repeats = |session: &SessionPlan, id: &ItemId| {
        session
            .queue
            .iter()
            .filter(|entry| &entry.item_id == id)
            .count()
    };
    assert_eq!(repeats(&session, &first), 2);
    // An Easy first answer graduates the item, so its planned repeat goes.
    let easy = scheduler.apply(None, Rating::Easy, START_MS).unwrap();
    session.after_answer(0, &easy, START_MS);
    assert_eq!(repeats(&session, &first), 1);
    // A missed item already has its repeat queued; after that repeat is missed too, it comes
    // back once more, four entries later.
    let second = session.queue[1].item_id.clone();
    let missed = scheduler.apply(None, Rating::Again, START_MS).unwrap();
    session.after_answer(1, &missed, START_MS);
    assert_eq!(repeats(&session, &second), 2);
    let repeat_at = session
        .queue
        .iter()
        .rposition(|entry| entry.item_id == second)
        .unwrap();
    let missed_again = scheduler
        .apply(Some(&missed), Rating::Again, START_MS + MINUTE)
        .unwrap();
    session.after_answer(repeat_at, &missed_again, START_MS + MINUTE);
    let positions: Vec<usize> = session
        .queue
        .iter()
        .enumerate()
        .filter(|(_, entry)| entry.item_id == second)
        .map(|(index, _)| index)
        .collect();
    assert_eq!(positions, [1, repeat_at, repeat_at + 4]);
    assert!(
        session
            .queue
            .windows(2)
            .all(|pair| pair[0].item_id != pair[1].item_id)
    );
}

#[test]
fn a_review_that_would_leave_recall_below_target_on_the_deadline_day_comes_the_day_before() {
    // An Easy first answer gives stability 2.6 days here, an interval rounded up to 3 days, so
    // recall would be just under 0.9 on the morning it falls due.
    let mut parameters = fsrs::DEFAULT_PARAMETERS.to_vec();
    parameters[3] = 2.6;
    let scheduler = Scheduler::new(SchedulerConfig {
        parameters,
        ..SchedulerConfig::default()
    })
    .unwrap();
    let catalogue = catalogue(1, 1, 1);
    let log = ReviewLog::from_events(vec![review("a", &item_id(0, 0, 0), START_MS, Rating::Easy)]);
    let state = replay(&log, &scheduler).unwrap();
    assert_eq!(state.items[&item_id(0, 0, 0)].card.interval_days, 3.0);
    let two_days_later = START_MS + 2 * DAY;
    let mut study = settings(10, 0);
    assert!(
        plan(&state, &catalogue, &study, &scheduler, two_days_later, 0)
            .queue
            .is_empty()
    );
    study.modules.insert(
        "m0".into(),
        ModuleSettings {
            deadline_ms: Some(START_MS + 3 * DAY),
            ..ModuleSettings::default()
        },
    );
    let session = plan(&state, &catalogue, &study, &scheduler, two_days_later, 0);
    assert_eq!(session.queue.len(), 1);
    assert_eq!(session.queue[0].reason, QueueReason::Due);
}
