//! The replay evaluator: how well the engine would have predicted a real review history, each
//! review predicted only from the reviews before it.
//!
//! Method (after srs-benchmark's time-series split): the day-scale reviews (not a card's first,
//! and on a later learning day than the card's previous review) are cut, in time order, into
//! [`EvaluationConfig::splits`] equal parts. Before each part the engine refits its personal
//! parameters on everything earlier, exactly as the app would ([`crate::parameters`]: adopted
//! only if better on the most recent 20% of that past); the first part uses FSRS-6 defaults. Each
//! review is then predicted from its card's earlier reviews. FSRS-6 with default parameters and
//! SM-2 ([`sm2`]) are scored on the same reviews. Input format: [`csv`].

pub mod csv;
pub mod metrics;
pub mod sm2;

use crate::error::Error;
use crate::log::Rating;
use crate::parameters::{FitDecision, TrainingSample, fit_samples, samples_from_history};
use crate::time::elapsed_days;
use csv::{CsvReview, parse_review_csv};
use metrics::{Metrics, Prediction, metrics, rmse_bin};
use sm2::Sm2;
use std::collections::BTreeMap;

/// How to evaluate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvaluationConfig {
    /// Parts the history is cut into; the engine refits before each part after the first.
    pub splits: usize,
}

impl Default for EvaluationConfig {
    fn default() -> Self {
        Self { splits: 5 }
    }
}

/// One refit point.
#[derive(Debug, Clone, PartialEq)]
pub struct Refit {
    /// Reviews before this time were available to the fit, UTC ms.
    pub before_ms: i64,
    /// Samples available (before the 20% hold-out).
    pub training_samples: usize,
    /// Whether the new parameters were adopted.
    pub decision: FitDecision,
}

/// The evaluator's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluationReport {
    /// Rows read.
    pub reviews: usize,
    /// Distinct cards.
    pub cards: usize,
    /// The engine: FSRS-6 with parameters refitted on the past.
    pub engine: Metrics,
    /// FSRS-6 with default parameters throughout.
    pub fsrs_defaults: Metrics,
    /// SM-2.
    pub sm2: Metrics,
    /// The refit points, in time order.
    pub refits: Vec<Refit>,
    /// The engine's parameters after the last refit.
    pub final_parameters: Vec<f32>,
}

/// One review of one card, ready for replay.
#[derive(Debug, Clone, Copy)]
struct CardReview {
    at_ms: i64,
    rating: Rating,
    delta_t: u32,
    /// The split this review is predicted in, if it is predicted.
    split: Option<usize>,
}

/// Parses a review-history CSV and evaluates it.
pub fn evaluate_csv(text: &str, config: EvaluationConfig) -> Result<EvaluationReport, Error> {
    evaluate_reviews(&parse_review_csv(text)?, config)
}

/// Evaluates already-parsed reviews.
pub fn evaluate_reviews(
    reviews: &[CsvReview],
    config: EvaluationConfig,
) -> Result<EvaluationReport, Error> {
    let mut cards = group_by_card(reviews);
    let boundaries = assign_splits(&mut cards, config.splits.max(1));
    if boundaries.is_empty() {
        return Err(Error::NotEnoughData(
            "no card has a review on a later day than its previous one".into(),
        ));
    }
    let samples = all_samples(&cards);
    let (parameters, refits) = refit_points(&samples, &boundaries)?;
    let engine = predict_fsrs(&cards, &parameters)?;
    let defaults = predict_fsrs(
        &cards,
        &vec![fsrs::DEFAULT_PARAMETERS.to_vec(); parameters.len()],
    )?;
    Ok(EvaluationReport {
        reviews: reviews.len(),
        cards: cards.len(),
        engine: metrics(&engine),
        fsrs_defaults: metrics(&defaults),
        sm2: metrics(&predict_sm2(&cards)),
        refits,
        final_parameters: parameters.last().cloned().unwrap_or_default(),
    })
}

fn group_by_card(reviews: &[CsvReview]) -> Vec<Vec<CardReview>> {
    let mut by_card: BTreeMap<&str, Vec<&CsvReview>> = BTreeMap::new();
    for review in reviews {
        by_card
            .entry(review.card_id.as_str())
            .or_default()
            .push(review);
    }
    by_card
        .into_values()
        .map(|mut rows| {
            rows.sort_by_key(|row| (row.review_time_ms, row.line));
            let mut previous: Option<i64> = None;
            rows.into_iter()
                .map(|row| {
                    let delta_t =
                        previous.map_or(0, |earlier| elapsed_days(earlier, row.review_time_ms));
                    previous = Some(row.review_time_ms);
                    CardReview {
                        at_ms: row.review_time_ms,
                        rating: row.rating,
                        delta_t,
                        split: None,
                    }
                })
                .collect()
        })
        .collect()
}

/// Marks each predicted review with its split and returns each split's start time.
fn assign_splits(cards: &mut [Vec<CardReview>], splits: usize) -> Vec<i64> {
    let mut points: Vec<(i64, usize, usize)> = Vec::new();
    for (card_index, card) in cards.iter().enumerate() {
        for (review_index, review) in card.iter().enumerate().skip(1) {
            if review.delta_t > 0 {
                points.push((review.at_ms, card_index, review_index));
            }
        }
    }
    points.sort_unstable();
    let per_split = points.len().div_ceil(splits).max(1);
    let mut boundaries = Vec::new();
    for (position, &(at_ms, card_index, review_index)) in points.iter().enumerate() {
        let split = position / per_split;
        if boundaries.len() == split {
            boundaries.push(at_ms);
        }
        cards[card_index][review_index].split = Some(split);
    }
    boundaries
}

fn all_samples(cards: &[Vec<CardReview>]) -> Vec<TrainingSample> {
    let mut samples: Vec<TrainingSample> = cards
        .iter()
        .flat_map(|card| {
            let history: Vec<(i64, u32)> = card
                .iter()
                .map(|review| (review.at_ms, review.rating.as_number()))
                .collect();
            samples_from_history(&history)
        })
        .collect();
    samples.sort_by_key(|sample| sample.at_ms);
    samples
}

/// The engine's parameters for each split: defaults first, then refitted on the past.
fn refit_points(
    samples: &[TrainingSample],
    boundaries: &[i64],
) -> Result<(Vec<Vec<f32>>, Vec<Refit>), Error> {
    let mut parameters = vec![fsrs::DEFAULT_PARAMETERS.to_vec()];
    let mut refits = Vec::new();
    for &before_ms in &boundaries[1..] {
        let past = &samples[..samples.partition_point(|sample| sample.at_ms < before_ms)];
        let current = parameters.last().expect("starts with defaults").clone();
        let outcome = fit_samples(past, &current)?;
        refits.push(Refit {
            before_ms,
            training_samples: past.len(),
            decision: outcome.decision,
        });
        parameters.push(outcome.parameters);
    }
    Ok((parameters, refits))
}

/// FSRS predictions for every predicted review, using the parameters of its split.
fn predict_fsrs(
    cards: &[Vec<CardReview>],
    parameters: &[Vec<f32>],
) -> Result<Vec<Prediction>, Error> {
    let mut predictions = Vec::new();
    for (split, split_parameters) in parameters.iter().enumerate() {
        let model = fsrs::FSRS::new(split_parameters)?;
        let decay = fsrs::check_and_fill_parameters(split_parameters)?[20];
        for card in cards
            .iter()
            .filter(|card| card.iter().any(|review| review.split == Some(split)))
        {
            walk_card(card, |review, bin, history| {
                let memory = history.memory;
                if review.split == Some(split) {
                    let recall =
                        fsrs::current_retrievability(memory?, review.delta_t as f32, decay);
                    predictions.push(Prediction {
                        probability: f64::from(recall),
                        recalled: review.rating.is_recall(),
                        bin,
                    });
                }
                let next = model.next_states(memory, 0.9, review.delta_t).ok()?;
                Some(select(&next, review.rating))
            });
        }
    }
    Ok(predictions)
}

/// SM-2 predictions for every predicted review.
fn predict_sm2(cards: &[Vec<CardReview>]) -> Vec<Prediction> {
    let mut predictions = Vec::new();
    for card in cards {
        let mut sm2 = Sm2::default();
        walk_card(card, |review, bin, _| {
            if review.split.is_some() {
                let probability = sm2.recall_probability(f64::from(review.delta_t));
                predictions.push(Prediction {
                    probability,
                    recalled: review.rating.is_recall(),
                    bin,
                });
            }
            sm2.review(review.rating);
            None
        });
    }
    predictions
}

/// What is known about a card before one of its reviews.
struct History {
    memory: Option<fsrs::MemoryState>,
}

/// Walks a card's reviews in order, tracking the srs-benchmark bin of each review and the FSRS
/// memory the step function returns.
fn walk_card(
    card: &[CardReview],
    mut step: impl FnMut(&CardReview, (u32, u32, u32), &History) -> Option<fsrs::MemoryState>,
) {
    let mut history = History { memory: None };
    let mut long_term_reviews = 0;
    let mut lapses = 0;
    for review in card {
        if review.delta_t > 0 {
            long_term_reviews += 1;
        }
        let bin = rmse_bin(review.delta_t, long_term_reviews, lapses);
        history.memory = step(review, bin, &history);
        if review.delta_t > 0 && review.rating == Rating::Again {
            lapses += 1;
        }
    }
}

fn select(next: &fsrs::NextStates, rating: Rating) -> fsrs::MemoryState {
    match rating {
        Rating::Again => next.again.memory,
        Rating::Hard => next.hard.memory,
        Rating::Good => next.good.memory,
        Rating::Easy => next.easy.memory,
    }
}
