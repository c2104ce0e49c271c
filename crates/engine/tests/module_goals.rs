//! What a module asks of a learner and when they have done it: the retention a module
//! recommends (until the learner chooses their own) and the answer that first completes it.

mod common;

use common::{DAY, START_MS, catalogue, settings};
use engine::*;

#[test]
fn a_modules_recommended_retention_applies_until_the_learner_chooses_their_own() {
    let scheduler = Scheduler::default();
    let plain = catalogue(1, 1, 2);
    let mut strict = plain.clone();
    strict.modules[0].desired_retention = Some(0.97);
    let log = common::first_lesson_answered(2, START_MS, Rating::Easy);
    let state = replay(&log, &scheduler).unwrap();
    let first_review_day = |catalogue: &Catalogue, settings: &Settings| {
        (1..365)
            .find(|day| {
                let now_ms = START_MS + day * DAY;
                plan(&state, catalogue, settings, &scheduler, now_ms, 0).reviews(None) > 0
            })
            .expect("the items fall due within a year")
    };
    let defaults = settings(10, 0);
    let plain_day = first_review_day(&plain, &defaults);
    let strict_day = first_review_day(&strict, &defaults);
    assert!(
        strict_day < plain_day,
        "a module asking for 97% recall brings reviews sooner: day {strict_day} vs day {plain_day}"
    );
    // A learner who has chosen 90% in Settings gets 90%, whatever the module recommends.
    let mut chosen = defaults.clone();
    chosen
        .modules
        .insert("m0".to_string(), ModuleSettings::default());
    assert_eq!(first_review_day(&strict, &chosen), plain_day);
    assert_eq!(
        defaults.for_module(&strict.modules[0]).desired_retention,
        0.97
    );
    assert_eq!(chosen.for_module(&strict.modules[0]).desired_retention, 0.9);
}

#[test]
fn a_module_is_first_completed_at_the_answer_that_introduces_its_last_item() {
    let scheduler = Scheduler::default();
    let catalogue = catalogue(1, 1, 3);
    let module = &catalogue.modules[0];
    let answer = |id: &str, item: usize, day: i64| {
        common::review(
            id,
            &common::item_id(0, 0, item),
            START_MS + day * DAY,
            Rating::Easy,
        )
    };
    let started = vec![answer("a", 0, 0), answer("b", 1, 1)];
    let log = ReviewLog::from_events(started.clone());
    let settings = Settings::default();
    assert_eq!(
        first_completed_ms(&log, module, &settings, &scheduler).unwrap(),
        None
    );

    let mut finished = started;
    finished.extend([answer("c", 2, 3), answer("d", 0, 30)]);
    let log = ReviewLog::from_events(finished);
    assert_eq!(
        first_completed_ms(&log, module, &settings, &scheduler).unwrap(),
        Some(START_MS + 3 * DAY),
        "completed by the third item's first answer, not by the later review"
    );
}
