//! Personal parameters: fits happen only with enough data and are adopted only when better.

mod common;

use engine::parameters::{FitDecision, fit_parameters, training_samples};
use engine::synthetic::{SyntheticLearner, simulate_learner};
use engine::*;

fn learner(reviews: usize, seed: u64) -> SyntheticLearner {
    SyntheticLearner {
        items: 300,
        reviews,
        new_items_per_day: 10,
        start_ms: common::START_MS,
        seed,
    }
}

/// A learner whose memory is much stronger than FSRS-6's average person.
fn strong_memory() -> Scheduler {
    let mut parameters = fsrs::DEFAULT_PARAMETERS.to_vec();
    for stability in &mut parameters[0..4] {
        *stability *= 4.0;
    }
    parameters[8] += 0.6;
    Scheduler::new(SchedulerConfig {
        parameters,
        ..SchedulerConfig::default()
    })
    .unwrap()
}

#[test]
fn a_short_log_keeps_the_current_parameters_without_fitting() {
    let log = simulate_learner(&learner(6, 1), &Scheduler::default(), &Scheduler::default());
    let current = fsrs::DEFAULT_PARAMETERS.to_vec();
    let outcome = fit_parameters(&log, &current).unwrap();
    assert_eq!(outcome.decision, FitDecision::NotEnoughData);
    assert_eq!(outcome.parameters, current);
    assert_eq!(outcome.candidate_log_loss, None);
}

#[test]
fn a_learner_unlike_the_average_gets_personal_parameters_that_predict_better() {
    let log = simulate_learner(&learner(4_000, 2), &strong_memory(), &Scheduler::default());
    assert!(training_samples(&log).len() > 64);
    let outcome = fit_parameters(&log, &fsrs::DEFAULT_PARAMETERS).unwrap();
    assert_eq!(outcome.decision, FitDecision::Adopted, "{outcome:?}");
    assert!(outcome.candidate_log_loss.unwrap() < outcome.current_log_loss.unwrap());
    assert!(outcome.parameters[0] > fsrs::DEFAULT_PARAMETERS[0]);
    assert!(
        Scheduler::new(SchedulerConfig {
            parameters: outcome.parameters,
            ..SchedulerConfig::default()
        })
        .is_ok()
    );
}

#[test]
fn parameters_are_never_replaced_by_worse_ones() {
    let log = simulate_learner(
        &learner(3_000, 3),
        &Scheduler::default(),
        &Scheduler::default(),
    );
    let personal = fit_parameters(&log, &fsrs::DEFAULT_PARAMETERS).unwrap();
    // Refitting from the fitted parameters may keep or replace them, but only for better ones.
    let refit = fit_parameters(&log, &personal.parameters).unwrap();
    let (current, candidate) = (
        refit.current_log_loss.unwrap(),
        refit.candidate_log_loss.unwrap(),
    );
    match refit.decision {
        FitDecision::Adopted => assert!(candidate < current),
        FitDecision::KeptCurrent => {
            assert!(candidate >= current);
            assert_eq!(refit.parameters, personal.parameters);
        }
        FitDecision::NotEnoughData => panic!("3,000 reviews are enough"),
    }
}
