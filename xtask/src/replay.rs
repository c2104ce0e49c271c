//! `cargo xtask replay FILE.csv`: evaluate the engine's predictions on a review history.
//!
//! The file must have the columns `card_id,review_rating,review_time,review_duration` (any
//! order, extra columns ignored; ratings 1-4, times in ms since the epoch); see docs/replay.md
//! and `engine::evaluation::csv` for the details.

use anyhow::{Context, Result, bail};
use engine::evaluation::metrics::Metrics;
use engine::evaluation::{EvaluationConfig, evaluate_csv};
use std::time::Instant;

pub fn run(args: &[String]) -> Result<()> {
    let [path] = args else {
        bail!("usage: cargo xtask replay FILE.csv");
    };
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?;
    let started = Instant::now();
    let report =
        evaluate_csv(&text, EvaluationConfig::default()).with_context(|| format!("in {path}"))?;
    let wall = started.elapsed();
    println!(
        "{path}: {} reviews, {} cards, {} day-scale reviews predicted",
        report.reviews, report.cards, report.engine.count
    );
    println!(
        "{:<34} {:>9} {:>11} {:>7}",
        "model", "log loss", "RMSE(bins)", "AUC"
    );
    print_row("engine (FSRS-6, refitted on past)", &report.engine);
    print_row("FSRS-6 default parameters", &report.fsrs_defaults);
    print_row("SM-2", &report.sm2);
    let adopted = report
        .refits
        .iter()
        .filter(|refit| refit.decision == engine::parameters::FitDecision::Adopted)
        .count();
    println!("refits: {} ({adopted} adopted)", report.refits.len());
    println!("wall time: {:.3} s", wall.as_secs_f64());
    Ok(())
}

fn print_row(name: &str, metrics: &Metrics) {
    let auc = metrics
        .auc
        .map_or("n/a".to_owned(), |auc| format!("{auc:.4}"));
    println!(
        "{name:<34} {:>9.4} {:>11.4} {:>7}",
        metrics.log_loss, metrics.rmse_bins, auc
    );
}
