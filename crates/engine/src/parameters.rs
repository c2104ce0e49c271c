//! Personal FSRS parameters: fitted from the learner's own log with the `fsrs` crate's
//! optimiser, adopted only when they predict better than the parameters in use.
//!
//! # When a fit happens (the `fsrs` crate's thresholds)
//!
//! Training samples are built as Anki builds them: one per review after an item's first, holding
//! that item's history up to and including it, kept only when the history contains at least one
//! review on a later day than the one before it (`delta_t > 0`). `fsrs::compute_parameters`
//! then removes outliers and:
//! - with fewer than 8 samples left, returns the default parameters unchanged;
//! - with fewer than 64, or when every sample is an item's first day-scale review, fits only the
//!   four initial stabilities and keeps the other defaults;
//! - from 64 samples up, runs the full optimiser (5 epochs, batch 512, Adam, lr 0.04).
//!
//! This module calls the optimiser only from [`MINIMUM_TRAINING_SAMPLES`] (the crate's own
//! lower threshold of 8) upwards, so smaller logs keep their parameters without any work.
//!
//! # Never worse
//!
//! The most recent [`HOLDOUT_FRACTION`] of samples (by time) are held out of the fit. The new
//! parameters are adopted only if their log loss on the held-out day-scale reviews is lower
//! than that of the current parameters.

use crate::error::Error;
use crate::log::{EventKind, ItemId, ReviewLog};
use crate::time::elapsed_days;
use fsrs::{ComputeParametersInput, FSRSItem, FSRSReview};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The fewest training samples for which a fit is attempted (the `fsrs` crate's threshold).
pub const MINIMUM_TRAINING_SAMPLES: usize = 8;
/// The share of the most recent samples held out to judge a fit.
pub const HOLDOUT_FRACTION: f64 = 0.2;
/// Predictions are clamped to this distance from 0 and 1 before taking logarithms.
const PROBABILITY_EPSILON: f64 = 1e-6;

/// One training sample: an item's history up to one review, and when that review happened.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingSample {
    /// When the sample's last review happened, UTC ms.
    pub at_ms: i64,
    /// The reviews, first to last, with day gaps.
    pub item: FSRSItem,
}

/// What became of a fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FitDecision {
    /// Too few reviews to fit; the current parameters stay.
    NotEnoughData,
    /// The new parameters predicted the held-out reviews better and were adopted.
    Adopted,
    /// The new parameters were no better; the current ones stay.
    KeptCurrent,
}

/// The result of [`fit_parameters`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitOutcome {
    /// The parameters to use from now on (new or current).
    pub parameters: Vec<f32>,
    /// What happened.
    pub decision: FitDecision,
    /// Samples the optimiser saw.
    pub training_samples: usize,
    /// Day-scale reviews used to compare old and new parameters.
    pub holdout_reviews: usize,
    /// Log loss of the current parameters on the held-out reviews.
    pub current_log_loss: Option<f64>,
    /// Log loss of the new parameters on the held-out reviews.
    pub candidate_log_loss: Option<f64>,
}

/// Builds training samples from a log. Items introduced by a placement test are left out:
/// their first review is not a first encounter.
pub fn training_samples(log: &ReviewLog) -> Vec<TrainingSample> {
    let tested_out: BTreeSet<&ItemId> = log
        .events()
        .iter()
        .filter(|event| event.kind == EventKind::TestedOut)
        .map(|event| &event.item_id)
        .collect();
    let mut histories: BTreeMap<&ItemId, Vec<(i64, u32)>> = BTreeMap::new();
    for event in log.events() {
        if event.kind == EventKind::Review && !tested_out.contains(&event.item_id) {
            histories
                .entry(&event.item_id)
                .or_default()
                .push((event.at_ms, event.rating.as_number()));
        }
    }
    let mut samples: Vec<TrainingSample> = histories
        .values()
        .flat_map(|history| samples_from_history(history))
        .collect();
    crate::sort::sort_by_key(&mut samples, |sample| sample.at_ms);
    samples
}

/// Samples for one item from its `(at_ms, rating)` reviews in time order.
pub fn samples_from_history(history: &[(i64, u32)]) -> Vec<TrainingSample> {
    let mut reviews = Vec::with_capacity(history.len());
    let mut samples = Vec::new();
    let mut previous_ms = None;
    for &(at_ms, rating) in history {
        let delta_t = previous_ms.map_or(0, |previous| elapsed_days(previous, at_ms));
        reviews.push(FSRSReview { rating, delta_t });
        previous_ms = Some(at_ms);
        let item = FSRSItem {
            reviews: reviews.clone(),
        };
        if reviews.len() > 1 && item.long_term_review_cnt() > 0 {
            samples.push(TrainingSample { at_ms, item });
        }
    }
    samples
}

/// Fits personal parameters to a log, keeping `current` unless the fit predicts better.
pub fn fit_parameters(log: &ReviewLog, current: &[f32]) -> Result<FitOutcome, Error> {
    fit_samples(&training_samples(log), current)
}

/// Fits parameters to samples sorted by time (see [`training_samples`]).
pub fn fit_samples(samples: &[TrainingSample], current: &[f32]) -> Result<FitOutcome, Error> {
    let current = fsrs::check_and_fill_parameters(current)?;
    let holdout_start = samples.len() - (samples.len() as f64 * HOLDOUT_FRACTION).ceil() as usize;
    let (train, holdout) = samples.split_at(holdout_start);
    let holdout_reviews = holdout.iter().filter(|sample| is_day_scale(sample)).count();
    let mut outcome = FitOutcome {
        parameters: current.clone(),
        decision: FitDecision::NotEnoughData,
        training_samples: train.len(),
        holdout_reviews,
        current_log_loss: None,
        candidate_log_loss: None,
    };
    if train.len() < MINIMUM_TRAINING_SAMPLES || holdout_reviews == 0 {
        return Ok(outcome);
    }
    let candidate = fsrs::compute_parameters(ComputeParametersInput {
        train_set: train.iter().map(|sample| sample.item.clone()).collect(),
        ..ComputeParametersInput::default()
    })?;
    let current_loss = holdout_log_loss(&current, holdout)?;
    let candidate_loss = holdout_log_loss(&candidate, holdout)?;
    outcome.current_log_loss = Some(current_loss);
    outcome.candidate_log_loss = Some(candidate_loss);
    if candidate_loss < current_loss {
        outcome.parameters = candidate;
        outcome.decision = FitDecision::Adopted;
    } else {
        outcome.decision = FitDecision::KeptCurrent;
    }
    Ok(outcome)
}

fn is_day_scale(sample: &TrainingSample) -> bool {
    sample
        .item
        .reviews
        .last()
        .is_some_and(|review| review.delta_t > 0)
}

/// Log loss of `parameters` predicting the last review of each day-scale sample from the
/// reviews before it.
pub fn holdout_log_loss(parameters: &[f32], samples: &[TrainingSample]) -> Result<f64, Error> {
    let model = fsrs::FSRS::new(parameters)?;
    let decay = fsrs::check_and_fill_parameters(parameters)?[20];
    let mut total = 0.0;
    let mut count = 0usize;
    for sample in samples.iter().filter(|sample| is_day_scale(sample)) {
        let (last, history) = sample
            .item
            .reviews
            .split_last()
            .expect("samples have two reviews");
        let memory = model.memory_state(
            FSRSItem {
                reviews: history.to_vec(),
            },
            None,
        )?;
        let recall = fsrs::current_retrievability(memory, last.delta_t as f32, decay);
        total += binary_log_loss(f64::from(recall), last.rating > 1);
        count += 1;
    }
    Ok(if count == 0 {
        0.0
    } else {
        total / count as f64
    })
}

/// The log loss of one prediction: `-ln p` if recalled, `-ln(1 - p)` if forgotten.
pub fn binary_log_loss(probability: f64, recalled: bool) -> f64 {
    let probability = probability.clamp(PROBABILITY_EPSILON, 1.0 - PROBABILITY_EPSILON);
    if recalled {
        -probability.ln()
    } else {
        -(1.0 - probability).ln()
    }
}
