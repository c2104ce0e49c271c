//! The replay evaluator on simulated histories written out as CSV.

mod common;

use engine::evaluation::{EvaluationConfig, evaluate_csv};
use engine::synthetic::{SyntheticLearner, simulate_learner};
use engine::*;

fn to_csv(log: &ReviewLog) -> String {
    let mut text = String::from("card_id,review_time,review_rating,review_duration\n");
    for event in log.events() {
        let card = event.item_id.0.trim_start_matches("item-");
        text.push_str(&format!(
            "{card},{},{},{}\n",
            event.at_ms,
            event.rating.as_number(),
            event.response_ms
        ));
    }
    text
}

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
fn the_engine_beats_defaults_and_sm2_for_a_learner_unlike_the_average() {
    let learner = SyntheticLearner {
        items: 400,
        reviews: 6_000,
        new_items_per_day: 10,
        start_ms: common::START_MS,
        seed: 9,
    };
    let log = simulate_learner(&learner, &strong_memory(), &Scheduler::default());
    let report = evaluate_csv(&to_csv(&log), EvaluationConfig::default()).unwrap();
    assert_eq!(report.reviews, 6_000);
    assert_eq!(report.refits.len(), 4);
    assert_eq!(report.engine.count, report.fsrs_defaults.count);
    assert_eq!(report.engine.count, report.sm2.count);
    assert!(report.engine.count > 1_000);
    assert!(
        report.engine.log_loss < report.fsrs_defaults.log_loss,
        "{report:?}"
    );
    assert!(
        report.engine.rmse_bins < report.fsrs_defaults.rmse_bins,
        "{report:?}"
    );
    assert!(report.engine.log_loss < report.sm2.log_loss, "{report:?}");
    let auc = report.engine.auc.unwrap();
    assert!((0.5..=1.0).contains(&auc), "{auc}");
}

#[test]
fn a_history_without_day_scale_reviews_is_not_enough() {
    let text = "card_id,review_rating,review_time,review_duration\n1,3,1767603600000,900\n1,3,1767603660000,900\n";
    assert!(matches!(
        evaluate_csv(text, EvaluationConfig::default()),
        Err(Error::NotEnoughData(_))
    ));
}
