//! Prints a simulated learner's review history as CSV, to try `cargo xtask replay` without real
//! data: `cargo run -p engine --example synthetic_csv -- 25000 > /tmp/history.csv`.

use engine::synthetic::{SyntheticLearner, simulate_learner};
use engine::{Scheduler, SchedulerConfig};

fn main() {
    let reviews = std::env::args()
        .nth(1)
        .and_then(|count| count.parse().ok())
        .unwrap_or(25_000);
    // A learner whose memory is stronger than FSRS-6's average person, scheduled with defaults,
    // so that personal parameters have something to find.
    let mut parameters = fsrs::DEFAULT_PARAMETERS.to_vec();
    for stability in &mut parameters[0..4] {
        *stability *= 3.0;
    }
    let truth = Scheduler::new(SchedulerConfig {
        parameters,
        ..SchedulerConfig::default()
    })
    .expect("scaled default parameters are valid");
    let learner = SyntheticLearner {
        items: reviews / 10,
        reviews,
        new_items_per_day: 20,
        start_ms: 1_735_718_400_000,
        seed: 42,
    };
    let log = simulate_learner(&learner, &truth, &Scheduler::default());
    println!("card_id,review_rating,review_time,review_duration");
    for event in log.events() {
        let card = event.item_id.0.trim_start_matches("item-");
        println!(
            "{card},{},{},{}",
            event.rating.as_number(),
            event.at_ms,
            event.response_ms
        );
    }
}
