//! The answer checker the app calls: a learner's response scored from 0 to 1.

use serde::{Deserialize, Serialize};

use super::{Answer, Choice, Question, Segment};

/// A learner's answer. Indices refer to the authored order of choices, steps and segments, so
/// the app can shuffle what it shows and still report what was picked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Response {
    Single {
        choice: usize,
    },
    Multiple {
        choices: Vec<usize>,
    },
    TrueFalse {
        answer: bool,
    },
    /// Authored step indices in the order the learner put them.
    Order {
        steps: Vec<usize>,
    },
    Numeric {
        value: f64,
    },
    Text {
        text: String,
    },
    /// One response per part, in order.
    Scenario {
        parts: Vec<Response>,
    },
    /// The segments the learner tapped.
    Spot {
        tapped: Vec<usize>,
    },
}

/// Slack for numbers typed in decimals that binary floating point cannot hold exactly.
const EPSILON: f64 = 1e-9;

impl Question {
    /// Scores a response from 0 (wrong) to 1 (right); a response of another type scores 0.
    ///
    /// Partial credit: `multiple` scores right picks minus wrong picks over the number of
    /// right choices; `order` the share of neighbouring steps placed in the right sequence;
    /// `scenario` the mean of its parts' scores; `spot` suspicious segments found minus wrong
    /// taps over the number of suspicious segments. Scores never go below 0.
    pub fn score(&self, response: &Response) -> f32 {
        match (&self.answer, response) {
            (Answer::Single { choices }, Response::Single { choice }) => {
                f32::from(choices.get(*choice).is_some_and(|c| c.correct))
            }
            (Answer::Multiple { choices }, Response::Multiple { choices: picked }) => {
                score_multiple(choices, picked)
            }
            (Answer::TrueFalse { answer, .. }, Response::TrueFalse { answer: given }) => {
                f32::from(answer == given)
            }
            (Answer::Order { steps }, Response::Order { steps: given }) => {
                score_order(steps.len(), given)
            }
            (
                Answer::Numeric {
                    answer, tolerance, ..
                },
                Response::Numeric { value },
            ) => f32::from((value - answer).abs() <= tolerance + EPSILON),
            (Answer::Text { accepted }, Response::Text { text }) => {
                let given = normalise(text);
                f32::from(accepted.iter().any(|a| normalise(a) == given))
            }
            (Answer::Scenario { parts, .. }, Response::Scenario { parts: given }) => {
                score_scenario(parts, given)
            }
            (Answer::Spot { segments, .. }, Response::Spot { tapped }) => {
                score_spot(segments, tapped)
            }
            _ => 0.0,
        }
    }
}

/// Lower case with surrounding spaces removed and inner runs of spaces made one.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Distinct valid indices, so tapping or ticking twice counts once.
fn distinct(indices: &[usize], len: usize) -> Vec<usize> {
    let mut seen: Vec<usize> = indices.iter().copied().filter(|&i| i < len).collect();
    seen.sort_unstable();
    seen.dedup();
    seen
}

/// `(right - wrong) / total`, clamped to 0..1.
fn share(right: usize, wrong: usize, total: usize) -> f32 {
    if total == 0 {
        return 0.0;
    }
    (right.saturating_sub(wrong) as f32 / total as f32).clamp(0.0, 1.0)
}

fn score_multiple(choices: &[Choice], picked: &[usize]) -> f32 {
    let picked = distinct(picked, choices.len());
    let right = picked.iter().filter(|&&i| choices[i].correct).count();
    let wrong = picked.len() - right;
    let total = choices.iter().filter(|c| c.correct).count();
    share(right, wrong, total)
}

fn score_order(len: usize, given: &[usize]) -> f32 {
    let mut sorted = given.to_vec();
    sorted.sort_unstable();
    if len < 2 || sorted != (0..len).collect::<Vec<_>>() {
        return 0.0;
    }
    let in_sequence = given.windows(2).filter(|w| w[1] == w[0] + 1).count();
    in_sequence as f32 / (len - 1) as f32
}

fn score_scenario(parts: &[Question], given: &[Response]) -> f32 {
    if parts.is_empty() {
        return 0.0;
    }
    let total: f32 = parts
        .iter()
        .zip(given)
        .map(|(part, response)| part.score(response))
        .sum();
    total / parts.len() as f32
}

fn score_spot(segments: &[Segment], tapped: &[usize]) -> f32 {
    let tapped = distinct(tapped, segments.len());
    let found = tapped.iter().filter(|&&i| segments[i].suspicious).count();
    let wrong = tapped.len() - found;
    let total = segments.iter().filter(|s| s.suspicious).count();
    share(found, wrong, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mock;

    fn question(answer: Answer) -> Question {
        Question {
            prompt_html: "<p>Q</p>".into(),
            explanation_html: "<p>E</p>".into(),
            table: None,
            chart: None,
            answer,
        }
    }

    fn choice(text: &str, correct: bool) -> Choice {
        Choice {
            text: text.into(),
            correct,
            feedback: None,
        }
    }

    fn numeric(answer: f64, tolerance: f64) -> Question {
        question(Answer::Numeric {
            answer,
            tolerance,
            unit: None,
            working: None,
        })
    }

    #[test]
    fn single_scores_the_correct_choice_only() {
        let q = question(Answer::Single {
            choices: vec![choice("a", false), choice("b", true)],
        });
        assert_eq!(q.score(&Response::Single { choice: 1 }), 1.0);
        assert_eq!(q.score(&Response::Single { choice: 0 }), 0.0);
        assert_eq!(q.score(&Response::Single { choice: 9 }), 0.0);
    }

    #[test]
    fn multiple_gives_partial_credit_and_penalises_wrong_picks() {
        let q = question(Answer::Multiple {
            choices: vec![choice("a", true), choice("b", true), choice("c", false)],
        });
        let score = |picked: Vec<usize>| q.score(&Response::Multiple { choices: picked });
        assert_eq!(score(vec![0, 1]), 1.0);
        assert_eq!(score(vec![0]), 0.5);
        assert_eq!(score(vec![0, 0]), 0.5);
        assert_eq!(score(vec![0, 2]), 0.0);
        assert_eq!(score(vec![2]), 0.0);
        assert_eq!(score(vec![0, 1, 2]), 0.5);
    }

    #[test]
    fn true_false_matches_the_answer() {
        let q = question(Answer::TrueFalse {
            answer: false,
            feedback_true: None,
            feedback_false: None,
        });
        assert_eq!(q.score(&Response::TrueFalse { answer: false }), 1.0);
        assert_eq!(q.score(&Response::TrueFalse { answer: true }), 0.0);
    }

    #[test]
    fn order_credits_neighbours_in_sequence() {
        let q = question(Answer::Order {
            steps: vec!["a".into(), "b".into(), "c".into(), "d".into(), "e".into()],
        });
        let score = |steps: Vec<usize>| q.score(&Response::Order { steps });
        assert_eq!(score(vec![0, 1, 2, 3, 4]), 1.0);
        assert_eq!(score(vec![1, 2, 3, 4, 0]), 0.75);
        assert_eq!(score(vec![4, 3, 2, 1, 0]), 0.0);
        assert_eq!(
            score(vec![0, 1, 2, 3]),
            0.0,
            "a step left out is not an answer"
        );
        assert_eq!(
            score(vec![0, 1, 1, 3, 4]),
            0.0,
            "a repeated step is not an answer"
        );
    }

    #[test]
    fn numeric_accepts_answers_within_tolerance() {
        let q = numeric(12.5, 0.5);
        let score = |value: f64| q.score(&Response::Numeric { value });
        assert_eq!(score(12.5), 1.0);
        assert_eq!(score(13.0), 1.0);
        assert_eq!(score(11.9), 0.0);
        assert_eq!(
            numeric(0.3, 0.0).score(&Response::Numeric { value: 0.1 + 0.2 }),
            1.0
        );
    }

    #[test]
    fn text_ignores_case_and_spacing() {
        let q = question(Answer::Text {
            accepted: vec!["pass phrase".into(), "passphrase".into()],
        });
        let score = |text: &str| q.score(&Response::Text { text: text.into() });
        assert_eq!(score("  Pass   PHRASE "), 1.0);
        assert_eq!(score("passphrase"), 1.0);
        assert_eq!(score("password"), 0.0);
    }

    #[test]
    fn scenario_averages_its_parts() {
        let q = question(Answer::Scenario {
            case_html: "<p>Case</p>".into(),
            parts: vec![numeric(1.0, 0.0), numeric(2.0, 0.0)],
        });
        let score = |a: f64, b: f64| {
            q.score(&Response::Scenario {
                parts: vec![
                    Response::Numeric { value: a },
                    Response::Numeric { value: b },
                ],
            })
        };
        assert_eq!(score(1.0, 2.0), 1.0);
        assert_eq!(score(1.0, 3.0), 0.5);
        assert_eq!(score(0.0, 0.0), 0.0);
        let missing_part = Response::Scenario {
            parts: vec![Response::Numeric { value: 1.0 }],
        };
        assert_eq!(q.score(&missing_part), 0.5);
    }

    #[test]
    fn spot_credits_finds_and_penalises_wrong_taps() {
        let segment = |suspicious: bool| Segment {
            text: "x".into(),
            suspicious,
            why: suspicious.then(|| "because".into()),
        };
        let q = question(Answer::Spot {
            mock: Mock::Email,
            from: None,
            to: None,
            subject: None,
            segments: vec![segment(true), segment(false), segment(true), segment(false)],
        });
        let score = |tapped: Vec<usize>| q.score(&Response::Spot { tapped });
        assert_eq!(score(vec![0, 2]), 1.0);
        assert_eq!(score(vec![2]), 0.5);
        assert_eq!(score(vec![0, 1]), 0.0);
        assert_eq!(score(vec![0, 1, 2]), 0.5);
        assert_eq!(score(vec![]), 0.0);
    }

    #[test]
    fn a_response_of_another_type_scores_zero() {
        assert_eq!(
            numeric(1.0, 0.0).score(&Response::TrueFalse { answer: true }),
            0.0
        );
    }
}
