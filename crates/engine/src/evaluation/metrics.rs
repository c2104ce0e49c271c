//! Prediction metrics as the open-spaced-repetition srs-benchmark defines them: log loss,
//! RMSE(bins) and AUC.

use crate::parameters::binary_log_loss;
use std::collections::BTreeMap;

/// One prediction of one review's outcome.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    /// Predicted probability of recall.
    pub probability: f64,
    /// Whether the learner recalled (rating above Again).
    pub recalled: bool,
    /// The srs-benchmark bin of the review (see [`rmse_bin`]).
    pub bin: (u32, u32, u32),
}

/// The three figures for one model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Mean binary cross-entropy (lower is better).
    pub log_loss: f64,
    /// Root mean squared calibration error over bins, weighted by bin size (lower is better).
    pub rmse_bins: f64,
    /// Area under the ROC curve (higher is better); `None` when only one outcome occurs.
    pub auc: Option<f64>,
    /// Predictions scored.
    pub count: usize,
}

/// The srs-benchmark RMSE bin of a review, as `fsrs-rs` computes it: the elapsed days, the
/// number of day-scale reviews so far (including this one) and the number of day-scale lapses
/// before it, each rounded onto a geometric scale.
pub fn rmse_bin(delta_t_days: u32, long_term_reviews: u32, lapses: u32) -> (u32, u32, u32) {
    let delta_t = f64::from(delta_t_days);
    let delta_t_bin = (2.48 * 3.62f64.powf(delta_t.log(3.62).floor()) * 100.0).round() as u32;
    let length = f64::from(long_term_reviews) + 1.0;
    let length_bin = (1.99 * 1.89f64.powf(length.log(1.89).floor())).round() as u32;
    if lapses == 0 {
        return (delta_t_bin, length_bin, 0);
    }
    let lapse_bin = (1.65 * 1.73f64.powf(f64::from(lapses).log(1.73).floor())).round() as u32;
    (delta_t_bin, length_bin, lapse_bin)
}

/// Computes the three figures for a set of predictions.
pub fn metrics(predictions: &[Prediction]) -> Metrics {
    Metrics {
        log_loss: log_loss(predictions),
        rmse_bins: rmse_bins(predictions),
        auc: auc(predictions),
        count: predictions.len(),
    }
}

fn log_loss(predictions: &[Prediction]) -> f64 {
    if predictions.is_empty() {
        return 0.0;
    }
    let total: f64 = predictions
        .iter()
        .map(|prediction| binary_log_loss(prediction.probability, prediction.recalled))
        .sum();
    total / predictions.len() as f64
}

/// sqrt(sum over bins of n * (mean predicted - mean actual)^2 / total n).
fn rmse_bins(predictions: &[Prediction]) -> f64 {
    let mut bins: BTreeMap<(u32, u32, u32), (f64, f64, f64)> = BTreeMap::new();
    for prediction in predictions {
        let entry = bins.entry(prediction.bin).or_default();
        entry.0 += prediction.probability;
        entry.1 += f64::from(u8::from(prediction.recalled));
        entry.2 += 1.0;
    }
    let (weighted_error, total) =
        bins.values()
            .fold((0.0, 0.0), |(error, total), &(predicted, actual, count)| {
                (
                    error + count * (predicted / count - actual / count).powi(2),
                    total + count,
                )
            });
    if total == 0.0 {
        0.0
    } else {
        (weighted_error / total).sqrt()
    }
}

/// The Mann-Whitney statistic: the chance a random recalled review was given a higher
/// probability than a random forgotten one, ties counting half.
fn auc(predictions: &[Prediction]) -> Option<f64> {
    let mut sorted: Vec<&Prediction> = predictions.iter().collect();
    sorted.sort_by(|left, right| left.probability.total_cmp(&right.probability));
    let positives = sorted
        .iter()
        .filter(|prediction| prediction.recalled)
        .count() as f64;
    let negatives = sorted.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return None;
    }
    let mut positive_rank_sum = 0.0;
    let mut start = 0;
    while start < sorted.len() {
        let mut end = start;
        while end < sorted.len() && sorted[end].probability == sorted[start].probability {
            end += 1;
        }
        let average_rank = (start + 1 + end) as f64 / 2.0;
        let tied_positives = sorted[start..end]
            .iter()
            .filter(|prediction| prediction.recalled)
            .count();
        positive_rank_sum += average_rank * tied_positives as f64;
        start = end;
    }
    Some((positive_rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prediction(probability: f64, recalled: bool) -> Prediction {
        Prediction {
            probability,
            recalled,
            bin: (0, 0, 0),
        }
    }

    #[test]
    fn a_perfect_ranking_has_auc_one_and_a_reversed_one_zero() {
        let good = [
            prediction(0.9, true),
            prediction(0.8, true),
            prediction(0.2, false),
        ];
        assert_eq!(metrics(&good).auc, Some(1.0));
        let reversed = [prediction(0.1, true), prediction(0.9, false)];
        assert_eq!(metrics(&reversed).auc, Some(0.0));
        let tied = [prediction(0.5, true), prediction(0.5, false)];
        assert_eq!(metrics(&tied).auc, Some(0.5));
        assert_eq!(metrics(&[prediction(0.5, true)]).auc, None);
    }

    #[test]
    fn log_loss_and_rmse_match_hand_computed_values() {
        let predictions = [prediction(0.8, true), prediction(0.8, false)];
        let result = metrics(&predictions);
        let expected = (-(0.8f64).ln() - (0.2f64).ln()) / 2.0;
        assert!((result.log_loss - expected).abs() < 1e-12);
        // One bin: mean prediction 0.8, mean outcome 0.5.
        assert!((result.rmse_bins - 0.3).abs() < 1e-12);
    }

    #[test]
    fn bins_follow_the_fsrs_rs_formula() {
        assert_eq!(rmse_bin(1, 1, 0), (248, 4, 0));
        assert_eq!(rmse_bin(30, 5, 3), (3250, 7, 5));
        assert_eq!(rmse_bin(4, 2, 1), (898, 4, 2));
    }
}
