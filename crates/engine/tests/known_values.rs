//! Known-value tests against FSRS-6 default parameters.
//!
//! Sources: the default parameters and first-review states are those of the `fsrs` crate
//! (open-spaced-repetition/fsrs-rs, `src/inference.rs`: `DEFAULT_PARAMETERS` and the
//! `next_states` doc test, which lists stabilities 0.212 / 1.2931 / 2.3065 / 8.2956 and
//! difficulties 6.4133 / 5.1121707 / 2.118104 / 1.0 for a new card). The forgetting curve's
//! defining property (recall is 90% when elapsed time equals stability) is from the FSRS
//! algorithm description (open-spaced-repetition/fsrs4anki wiki, "The Algorithm"). The
//! six-review memory state, the intervals per desired retention and the retrievability values
//! with decay 0.2 are from the fsrs-rs unit tests in `src/inference.rs` (`test_memory_state`,
//! `test_next_interval`, `test_current_retrievability`), fsrs 6.6.2.

mod common;

use engine::*;

fn close(actual: f32, expected: f32) -> bool {
    (actual - expected).abs() < 1e-3
}

#[test]
fn first_review_stabilities_match_fsrs6_defaults() {
    let scheduler = Scheduler::default();
    let next = scheduler.next_states(None, common::START_MS).unwrap();
    let expected = [0.212, 1.2931, 2.3065, 8.2956];
    for (rating, expected) in Rating::ALL.into_iter().zip(expected) {
        let stability = next.for_rating(rating).memory.stability_days;
        assert!(
            close(stability, expected),
            "{rating:?}: {stability} != {expected}"
        );
    }
}

#[test]
fn first_review_difficulties_match_the_fsrs_rs_doc_test() {
    let scheduler = Scheduler::default();
    let next = scheduler.next_states(None, common::START_MS).unwrap();
    let expected = [6.4133, 5.1121707, 2.118104, 1.0];
    for (rating, expected) in Rating::ALL.into_iter().zip(expected) {
        let difficulty = next.for_rating(rating).memory.difficulty;
        assert!(
            close(difficulty, expected),
            "{rating:?}: {difficulty} != {expected}"
        );
    }
}

#[test]
fn recall_is_ninety_percent_after_one_stability() {
    let scheduler = Scheduler::default();
    let memory = MemoryState {
        stability_days: 12.0,
        difficulty: 5.0,
    };
    assert!(close(scheduler.recall_probability(memory, 12.0), 0.9));
    assert!(close(scheduler.recall_probability(memory, 0.0), 1.0));
    assert!(scheduler.recall_probability(memory, 30.0) < 0.9);
}

#[test]
fn the_interval_at_ninety_percent_retention_is_the_stability() {
    let scheduler = Scheduler::default();
    assert_eq!(scheduler.interval_days_for(8.2956, 0.9), 8);
    assert_eq!(scheduler.interval_days_for(30.0, 0.9), 30);
    assert!(scheduler.interval_days_for(30.0, 0.95) < 30);
}

#[test]
fn an_easy_first_answer_graduates_with_an_eight_day_interval() {
    let scheduler = Scheduler::default();
    let easy = scheduler
        .apply(None, Rating::Easy, common::START_MS)
        .unwrap();
    assert_eq!(easy.phase, Phase::Review);
    assert_eq!(easy.interval_days, 8.0);
}

#[test]
fn a_good_review_after_the_interval_grows_stability() {
    let scheduler = Scheduler::default();
    let easy = scheduler
        .apply(None, Rating::Easy, common::START_MS)
        .unwrap();
    let later = common::START_MS + 8 * common::DAY;
    let good = scheduler.apply(Some(&easy), Rating::Good, later).unwrap();
    assert!(good.memory.stability_days > easy.memory.stability_days * 2.0);
    let again = scheduler.apply(Some(&easy), Rating::Again, later).unwrap();
    assert!(again.memory.stability_days < easy.memory.stability_days);
    assert_eq!(again.phase, Phase::Relearning(0));
    assert_eq!(again.lapses, 1);
}

#[test]
fn six_reviews_replayed_from_the_log_match_fsrs_rs_test_memory_state() {
    // Again then Good on the first day, then Good after 1, 3, 8 and 21 days.
    let item = ItemId::new("q");
    let day = common::DAY;
    let times = [0, common::MINUTE, day, 4 * day, 12 * day, 33 * day];
    let ratings = [
        Rating::Again,
        Rating::Good,
        Rating::Good,
        Rating::Good,
        Rating::Good,
        Rating::Good,
    ];
    let events = times
        .iter()
        .zip(ratings)
        .enumerate()
        .map(|(index, (offset, rating))| {
            common::review(
                &format!("e{index}"),
                &item,
                common::START_MS + offset,
                rating,
            )
        })
        .collect();
    let state = replay(&ReviewLog::from_events(events), &Scheduler::default()).unwrap();
    let memory = state.items[&item].card.memory;
    assert!(
        (memory.stability_days - 53.62691).abs() < 1e-3,
        "{memory:?}"
    );
    assert!((memory.difficulty - 6.3574867).abs() < 1e-4, "{memory:?}");
}

#[test]
fn intervals_per_desired_retention_match_fsrs_rs_test_next_interval() {
    let scheduler = Scheduler::default();
    let intervals: Vec<u32> = (3..=9)
        .map(|tenths| scheduler.interval_days_for(1.0, tenths as f32 / 10.0))
        .collect();
    assert_eq!(intervals, [2508, 387, 90, 27, 9, 3, 1]);
}

#[test]
fn retrievability_with_decay_point_two_matches_fsrs_rs_test_current_retrievability() {
    let mut parameters = fsrs::DEFAULT_PARAMETERS.to_vec();
    parameters[20] = 0.2;
    let scheduler = Scheduler::new(SchedulerConfig {
        parameters,
        ..SchedulerConfig::default()
    })
    .unwrap();
    let memory = MemoryState {
        stability_days: 1.0,
        difficulty: 5.0,
    };
    let expected = [(0.0, 1.0), (1.0, 0.9), (2.0, 0.84028935), (3.0, 0.7985001)];
    for (days, recall) in expected {
        assert!(
            (scheduler.recall_probability(memory, days) - recall).abs() < 1e-6,
            "{days}"
        );
    }
}

#[test]
fn parameters_the_fsrs_crate_rejects_are_an_error() {
    let config = SchedulerConfig {
        parameters: vec![0.5; 7],
        ..SchedulerConfig::default()
    };
    assert!(matches!(
        Scheduler::new(config),
        Err(Error::InvalidParameters(_))
    ));
    let config = SchedulerConfig {
        parameters: vec![f32::NAN; 21],
        ..SchedulerConfig::default()
    };
    assert!(Scheduler::new(config).is_err());
}
