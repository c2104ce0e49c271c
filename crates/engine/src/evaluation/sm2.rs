//! SM-2 as a baseline predictor, the way srs-benchmark runs it: the SM-2 interval from the
//! rating history, and recall assumed to fall exponentially to 90% at that interval.

use crate::log::Rating;

/// SM-2's state for one card.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sm2 {
    interval_days: f64,
    ease: f64,
    repetitions: u32,
}

/// The longest interval SM-2 may give (srs-benchmark's `s_max`).
const MAXIMUM_INTERVAL_DAYS: f64 = 36_500.0;

impl Default for Sm2 {
    fn default() -> Self {
        Self {
            interval_days: 0.0,
            ease: 2.5,
            repetitions: 0,
        }
    }
}

impl Sm2 {
    /// Updates the state with one review. Anki ratings 1..4 map to SM-2 qualities 2..5.
    pub fn review(&mut self, rating: Rating) {
        let quality = f64::from(rating.as_number() + 1);
        if quality > 2.0 {
            self.interval_days = match self.repetitions {
                0 => 1.0,
                1 => 6.0,
                _ => self.interval_days * self.ease,
            };
            self.repetitions += 1;
        } else {
            self.interval_days = 1.0;
            self.repetitions = 0;
        }
        self.ease = (self.ease + 0.1 - (5.0 - quality) * (0.08 + (5.0 - quality) * 0.02)).max(1.3);
        self.interval_days = (self.interval_days + 0.01)
            .round()
            .clamp(1.0, MAXIMUM_INTERVAL_DAYS);
    }

    /// The predicted probability of recall after `elapsed_days`: 0.9 ^ (elapsed / interval).
    pub fn recall_probability(&self, elapsed_days: f64) -> f64 {
        0.9f64.powf(elapsed_days / self.interval_days.max(1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_follow_one_six_then_ease() {
        let mut card = Sm2::default();
        card.review(Rating::Good);
        assert_eq!(card.interval_days, 1.0);
        card.review(Rating::Good);
        assert_eq!(card.interval_days, 6.0);
        card.review(Rating::Good);
        // Good (quality 4) leaves the ease at 2.5.
        assert_eq!(card.interval_days, 15.0);
        card.review(Rating::Hard);
        // Hard (quality 3) multiplies by the old ease, then lowers it by 0.14.
        assert_eq!(card.interval_days, 38.0);
        assert!((card.ease - 2.36).abs() < 1e-12);
        card.review(Rating::Again);
        assert_eq!(card.interval_days, 1.0);
        assert!((card.recall_probability(1.0) - 0.9).abs() < 1e-12);
    }
}
