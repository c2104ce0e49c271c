//! Grading: turning an answer (score, time, confidence) into an FSRS rating, because learners
//! answer questions rather than grade themselves.
//!
//! # Thresholds
//!
//! | condition | rating |
//! | --- | --- |
//! | score below the pass mark for the kind (see below) | Again |
//! | passed, but score below 1.0 (partial credit) | Hard |
//! | passed, but confidence `Low` | Hard |
//! | passed, but slower than [`SLOW_FACTOR`] x the learner's typical time for the kind | Hard |
//! | fully right, at most [`FAST_FACTOR`] x typical time, confidence `High` or not asked, and the kind is not true/false | Easy |
//! | any other fully right answer | Good |
//!
//! Pass marks: single-answer kinds (single, true/false, numeric, text) must be fully right
//! (score 1.0). Multi-part kinds (multiple, order, scenario, spot) pass from
//! [`MULTI_PART_PASS_SCORE`] (60%) upwards, but any missing part caps the rating at Hard.
//! True/false is never Easy: a coin flip is right half the time, so speed proves little.
//!
//! "Typical time" is the learner's own running mean for that kind once they have answered
//! [`crate::state::MINIMUM_RESPONSE_SAMPLES`] items of it, otherwise a built-in default
//! ([`crate::state::default_response_ms`]), so a slow reader is not penalised for being
//! themselves.

use crate::log::{Confidence, ItemKind, Rating};
use crate::state::ResponseTimes;

/// A multi-part answer passes from this fraction right.
pub const MULTI_PART_PASS_SCORE: f32 = 0.6;
/// Slower than this multiple of the typical time counts as hesitant (Hard).
pub const SLOW_FACTOR: f32 = 1.5;
/// At most this multiple of the typical time counts as fluent (Easy).
pub const FAST_FACTOR: f32 = 0.6;
/// Scores within this of 1.0 count as fully right (floating-point partial credit sums).
const FULL_SCORE_TOLERANCE: f32 = 1e-4;

/// One answer to grade.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answer {
    /// The question format.
    pub kind: ItemKind,
    /// Fraction right, 0.0..=1.0 (values outside are clamped; NaN counts as 0).
    pub score: f32,
    /// Time taken to answer, in ms.
    pub response_ms: u32,
    /// The learner's stated confidence, if asked.
    pub confidence: Option<Confidence>,
}

/// Whether a kind has several parts and so supports partial credit.
pub fn is_multi_part(kind: ItemKind) -> bool {
    matches!(
        kind,
        ItemKind::Multiple | ItemKind::Order | ItemKind::Scenario | ItemKind::Spot
    )
}

/// The lowest score that counts as recalled for a kind.
pub fn pass_score(kind: ItemKind) -> f32 {
    if is_multi_part(kind) {
        MULTI_PART_PASS_SCORE
    } else {
        1.0 - FULL_SCORE_TOLERANCE
    }
}

/// The FSRS rating for an answer, given the learner's typical response times.
pub fn grade(answer: &Answer, response_times: &ResponseTimes) -> Rating {
    grade_with_typical_ms(answer, response_times.typical_or_default_ms(answer.kind))
}

/// The FSRS rating for an answer, given the typical response time for its kind in ms.
pub fn grade_with_typical_ms(answer: &Answer, typical_ms: u32) -> Rating {
    let score = if answer.score.is_nan() {
        0.0
    } else {
        answer.score.clamp(0.0, 1.0)
    };
    if score < pass_score(answer.kind) {
        return Rating::Again;
    }
    let typical_ms = typical_ms.max(1) as f32;
    let response_ms = answer.response_ms as f32;
    let partial = score < 1.0 - FULL_SCORE_TOLERANCE;
    let unsure = answer.confidence == Some(Confidence::Low);
    let slow = response_ms > SLOW_FACTOR * typical_ms;
    if partial || unsure || slow {
        return Rating::Hard;
    }
    let fast = response_ms <= FAST_FACTOR * typical_ms;
    let sure = matches!(answer.confidence, None | Some(Confidence::High));
    if fast && sure && answer.kind != ItemKind::TrueFalse {
        Rating::Easy
    } else {
        Rating::Good
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(
        kind: ItemKind,
        score: f32,
        response_ms: u32,
        confidence: Option<Confidence>,
    ) -> Answer {
        Answer {
            kind,
            score,
            response_ms,
            confidence,
        }
    }

    #[test]
    fn wrong_answers_are_again() {
        let wrong = answer(ItemKind::Single, 0.0, 5_000, Some(Confidence::High));
        assert_eq!(grade_with_typical_ms(&wrong, 10_000), Rating::Again);
        let mostly_wrong = answer(ItemKind::Multiple, 0.5, 5_000, None);
        assert_eq!(grade_with_typical_ms(&mostly_wrong, 10_000), Rating::Again);
    }

    #[test]
    fn partial_credit_on_multi_part_items_is_hard() {
        let partial = answer(ItemKind::Order, 0.75, 5_000, Some(Confidence::High));
        assert_eq!(grade_with_typical_ms(&partial, 10_000), Rating::Hard);
    }

    #[test]
    fn slow_or_unsure_right_answers_are_hard() {
        let slow = answer(ItemKind::Single, 1.0, 16_000, None);
        assert_eq!(grade_with_typical_ms(&slow, 10_000), Rating::Hard);
        let unsure = answer(ItemKind::Single, 1.0, 5_000, Some(Confidence::Low));
        assert_eq!(grade_with_typical_ms(&unsure, 10_000), Rating::Hard);
    }

    #[test]
    fn fast_sure_answers_are_easy_except_true_false() {
        let fast = answer(ItemKind::Numeric, 1.0, 5_000, Some(Confidence::High));
        assert_eq!(grade_with_typical_ms(&fast, 10_000), Rating::Easy);
        let coin_flip = answer(ItemKind::TrueFalse, 1.0, 1_000, Some(Confidence::High));
        assert_eq!(grade_with_typical_ms(&coin_flip, 10_000), Rating::Good);
    }

    #[test]
    fn ordinary_right_answers_are_good() {
        let right = answer(ItemKind::Text, 1.0, 9_000, Some(Confidence::Medium));
        assert_eq!(grade_with_typical_ms(&right, 10_000), Rating::Good);
    }

    #[test]
    fn the_learners_own_times_set_the_pace() {
        let mut times = ResponseTimes::default();
        for _ in 0..5 {
            times.record(ItemKind::Single, 40_000);
        }
        // 30 s is slow against the 12 s default but quick for this learner.
        let thirty_seconds = answer(ItemKind::Single, 1.0, 30_000, None);
        assert_eq!(
            grade(&thirty_seconds, &ResponseTimes::default()),
            Rating::Hard
        );
        assert_eq!(grade(&thirty_seconds, &times), Rating::Good);
    }
}
