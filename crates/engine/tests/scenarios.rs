//! Scenario tests in plain words: how the engine treats recognisable learners.

mod common;

use common::{DAY, START_MS, catalogue, settings, simulate};
use engine::*;

#[test]
fn a_learner_who_misses_everything_keeps_seeing_the_same_few_items() {
    let catalogue = catalogue(2, 4, 5);
    let scheduler = Scheduler::default();
    let (_, state) = simulate(
        &catalogue,
        &settings(10, 5),
        &scheduler,
        START_MS,
        10,
        |_| Rating::Again,
    );
    // Nothing graduates, so no item ever reaches a day-scale interval...
    assert!(
        state
            .items
            .values()
            .all(|record| record.card.phase != Phase::Review)
    );
    // ...and memory stays weak.
    assert!(
        state
            .items
            .values()
            .all(|record| record.card.memory.stability_days < 1.0)
    );
    assert_eq!(state.totals.correct, 0);
    // The learner is not flooded with new material: due items come first and fill the budget.
    assert!(state.items.len() < 40);
}

#[test]
fn a_learner_who_is_always_right_gets_ever_longer_intervals_and_high_mastery() {
    let catalogue = catalogue(1, 3, 4);
    let scheduler = Scheduler::default();
    let study = settings(15, 12);
    let (_, state) = simulate(&catalogue, &study, &scheduler, START_MS, 60, |_| {
        Rating::Good
    });
    assert_eq!(state.items.len(), 12);
    let intervals: Vec<f32> = state
        .items
        .values()
        .map(|record| record.card.interval_days)
        .collect();
    assert!(intervals.iter().all(|&days| days >= 10.0), "{intervals:?}");
    let now = START_MS + 60 * DAY;
    let report = mastery(&state, &catalogue, &study, &scheduler, now);
    assert!(report.modules[0].mastery.all_introduced());
    assert!(report.modules[0].mastery.recall > 0.85);
    // Reviews thin out as memories strengthen: far fewer than one a day per item.
    assert!(state.totals.reviews < 12 * 12, "{}", state.totals.reviews);
    assert_eq!(state.totals.correct, state.totals.reviews);
}

#[test]
fn a_learner_who_stops_for_three_months_comes_back_to_a_prioritised_backlog() {
    let catalogue = catalogue(2, 2, 5);
    let scheduler = Scheduler::default();
    let study = settings(5, 10);
    let (_, state) = simulate(&catalogue, &study, &scheduler, START_MS, 14, |_| {
        Rating::Good
    });
    let back = START_MS + 14 * DAY + 90 * DAY;
    assert_eq!(state.streak.current_days(back), 0);
    let session = plan(&state, &catalogue, &study, &scheduler, back, 1);
    // Everything learned is due, more than fits in five minutes: the rest is reported.
    assert_eq!(session.due_total, state.items.len());
    assert!(session.leftover_due > 0);
    assert_eq!(session.new_planned, 0);
    // The most forgotten items come first.
    let recalls: Vec<f32> = session.queue.iter().map(|entry| entry.recall).collect();
    assert!(
        recalls.windows(2).all(|pair| pair[0] <= pair[1]),
        "{recalls:?}"
    );
    assert!(recalls[0] < 0.9);
}

#[test]
fn a_deadline_in_ten_days_with_sixty_new_items_is_spread_evenly() {
    let catalogue = catalogue(1, 6, 10);
    let scheduler = Scheduler::default();
    let deadline_ms = START_MS + 10 * DAY;
    let mut study = settings(30, 20);
    study.modules.insert(
        "m0".into(),
        ModuleSettings {
            deadline_ms: Some(deadline_ms),
            ..ModuleSettings::default()
        },
    );
    let session = plan(
        &LearnerState::default(),
        &catalogue,
        &study,
        &scheduler,
        START_MS,
        3,
    );
    let report = &session.deadlines[0];
    // Ten days, the last two kept for consolidation: 60 items over 9 days is 7 a day.
    assert_eq!(report.new_items_needed_per_day, 7);
    assert_eq!(report.status, DeadlineStatus::OnTrack);
    assert!(session.new_planned >= 7);

    // Studying every day up to the deadline day (days 0 to 9), always right:
    let (_, state) = simulate(&catalogue, &study, &scheduler, START_MS, 10, |_| {
        Rating::Good
    });
    assert_eq!(
        state.items.len(),
        60,
        "every item introduced before the deadline"
    );
    // ...every item's predicted recall on the deadline day is at or above the 0.9 target.
    let lowest = state
        .items
        .values()
        .map(|record| scheduler.retrievability(&record.card, deadline_ms))
        .fold(1.0f32, f32::min);
    assert!(lowest >= 0.9, "{lowest}");
}

#[test]
fn a_deadline_the_cap_cannot_meet_is_reported_behind_with_items_at_risk() {
    let catalogue = catalogue(1, 6, 10);
    let scheduler = Scheduler::default();
    let mut study = settings(30, 3);
    study.modules.insert(
        "m0".into(),
        ModuleSettings {
            deadline_ms: Some(START_MS + 10 * DAY),
            ..ModuleSettings::default()
        },
    );
    let session = plan(
        &LearnerState::default(),
        &catalogue,
        &study,
        &scheduler,
        START_MS,
        3,
    );
    let report = &session.deadlines[0];
    assert_eq!(report.status, DeadlineStatus::Behind);
    // Three a day for nine days is 27 of the 60 items.
    assert_eq!(report.items_at_risk, 33);
}

#[test]
fn a_placement_where_everything_is_known_skips_the_module() {
    let catalogue = catalogue(1, 5, 4);
    let scheduler = Scheduler::default();
    let mut placement = Placement::start(&catalogue, "m0").unwrap();
    let mut asked = Vec::new();
    while let Some(question) = placement.current() {
        asked.push(question.item_id.clone());
        placement.answer(true).unwrap();
    }
    assert_eq!(asked.len(), 5, "one question per lesson");
    let outcome = placement.outcome().unwrap();
    assert_eq!(outcome.known_lessons.len(), 5);
    assert!(outcome.study_lessons.is_empty());
    let log = ReviewLog::from_events(outcome.events(START_MS, "placement-1"));
    let state = replay(&log, &scheduler).unwrap();
    assert_eq!(state.items.len(), 20);
    assert!(
        state
            .items
            .values()
            .all(|record| record.tested_out && record.card.phase == Phase::Review)
    );
    // Nothing is new or due today: the learner skips straight past the module.
    let session = plan(
        &state,
        &catalogue,
        &Settings::default(),
        &scheduler,
        START_MS + DAY,
        0,
    );
    assert!(session.queue.is_empty());
    assert!(placement.answer(true).is_err());
}

#[test]
fn a_wrong_placement_answer_sends_the_learner_to_that_lesson_and_what_builds_on_it() {
    let catalogue = catalogue(1, 4, 3);
    let mut placement = Placement::start(&catalogue, "m0").unwrap();
    placement.answer(true).unwrap();
    placement.answer(false).unwrap();
    // Lessons 2 and 3 depend on lesson 1, so they are not asked.
    assert!(placement.is_finished());
    let outcome = placement.outcome().unwrap();
    assert_eq!(outcome.known_lessons, vec!["m0-l0".to_string()]);
    assert_eq!(outcome.study_lessons.len(), 3);
    assert_eq!(outcome.questions_asked, 2);
}

#[test]
fn a_placement_stops_at_the_modules_question_cap_and_studies_what_it_did_not_reach() {
    let mut catalogue = catalogue(1, 5, 2);
    catalogue.modules[0].placement_max_questions = Some(2);
    let mut placement = Placement::start(&catalogue, "m0").unwrap();
    placement.answer(true).unwrap();
    assert!(!placement.is_finished());
    placement.answer(true).unwrap();
    assert!(placement.is_finished(), "two questions is the cap");
    let outcome = placement.outcome().unwrap();
    assert_eq!(
        outcome.known_lessons,
        vec!["m0-l0".to_string(), "m0-l1".to_string()]
    );
    assert_eq!(
        outcome.study_lessons,
        vec![
            "m0-l2".to_string(),
            "m0-l3".to_string(),
            "m0-l4".to_string()
        ]
    );
    assert_eq!(outcome.questions_asked, 2);
    assert_eq!(outcome.known_items().count(), 4);
}

#[test]
fn new_and_missed_items_come_back_in_the_same_session_after_a_few_others() {
    let catalogue = catalogue(1, 2, 5);
    let scheduler = Scheduler::default();
    let session = plan(
        &LearnerState::default(),
        &catalogue,
        &settings(10, 4),
        &scheduler,
        START_MS,
        0,
    );
    let first = &session.queue[0];
    let repeat = session
        .queue
        .iter()
        .rposition(|entry| entry.item_id == first.item_id)
        .unwrap();
    assert_eq!(session.queue[repeat].reason, QueueReason::Repeat);
    assert!(repeat >= 4, "the repeat comes after a few other items");
    // A first session has no reviews: the repeats are part of learning the new items.
    assert_eq!(session.reviews(None), 0);
    assert_eq!(session.reviews(Some("m0")), 0);
    let new = session.new_questions();
    assert!(
        new > 0 && new < session.queue.len(),
        "{new} new of {}",
        session.queue.len()
    );

    let missed = scheduler.apply(None, Rating::Again, START_MS).unwrap();
    assert_eq!(missed.due_ms - START_MS, common::MINUTE);
}

#[test]
fn mastery_is_reported_per_lesson_module_and_skill_domain() {
    let catalogue = catalogue(2, 2, 2);
    let scheduler = Scheduler::default();
    // The learner knows all of m0's first lesson and nothing else.
    let log = common::first_lesson_answered(2, START_MS, Rating::Easy);
    let state = replay(&log, &scheduler).unwrap();
    let report = mastery(
        &state,
        &catalogue,
        &Settings::default(),
        &scheduler,
        START_MS + DAY,
    );
    let m0 = &report.modules[0];
    assert!(m0.lessons["m0-l0"].recall > 0.95);
    assert_eq!(m0.lessons["m0-l1"].recall, 0.0);
    assert_eq!((m0.mastery.introduced, m0.mastery.total), (2, 4));
    assert!(!m0.complete, "half the module has not been introduced");
    assert!((m0.mastery.recall - m0.lessons["m0-l0"].recall / 2.0).abs() < 1e-6);
    // domain0 holds m0 only (module index even), domain1 holds m1.
    assert_eq!(report.skill_domains["domain0"].introduced, 2);
    assert_eq!(report.skill_domains["domain1"].recall, 0.0);
    // One module scored alone matches its line in the whole report.
    for (index, module) in catalogue.modules.iter().enumerate() {
        let alone = module_mastery(
            &state,
            module,
            &Settings::default(),
            &scheduler,
            START_MS + DAY,
        );
        assert_eq!(alone, report.modules[index]);
    }
}

#[test]
fn a_bumped_item_version_starts_the_item_afresh_and_keeps_the_rest() {
    let scheduler = Scheduler::default();
    let item = common::item_id(0, 0, 0);
    let other = common::item_id(0, 0, 1);
    let mut events: Vec<ReviewEvent> = (0..4)
        .map(|day| {
            common::review(
                &format!("e{day}"),
                &item,
                START_MS + day * DAY,
                Rating::Easy,
            )
        })
        .collect();
    events.push(common::review("other", &other, START_MS, Rating::Easy));
    let before = replay(&ReviewLog::from_events(events.clone()), &scheduler).unwrap();
    let mut bumped = common::review("v2", &item, START_MS + 10 * DAY, Rating::Good);
    bumped.item_version = 2;
    events.push(bumped);
    let after = replay(&ReviewLog::from_events(events), &scheduler).unwrap();

    let fresh = scheduler
        .apply(None, Rating::Good, START_MS + 10 * DAY)
        .unwrap();
    let record = &after.items[&item];
    assert_eq!(
        record.card, fresh,
        "the old answer's memory is not carried over"
    );
    assert_eq!(record.item_version, 2);
    assert_eq!(after.items[&other], before.items[&other]);
    assert_eq!(
        after.totals.reviews,
        before.totals.reviews + 1,
        "the history is kept"
    );
}
