//! The learner's answer while they are still giving it, for every item type, and its conversion
//! to the content model's `Response` that `Item::score_phrasing` marks.

use content::model::{Answer, Question, Response};

/// An answer in progress. Indices refer to the authored order of choices, steps and segments.
#[derive(Debug, Clone, PartialEq)]
pub enum Draft {
    Single(Option<usize>),
    Multiple(Vec<usize>),
    TrueFalse(Option<bool>),
    /// Authored step indices in the order currently shown.
    Order(Vec<usize>),
    Numeric(String),
    Text(String),
    Scenario(Vec<Draft>),
    Spot(Vec<usize>),
}

impl Draft {
    /// An empty answer for a question; order items start shuffled (never already right).
    pub fn new(question: &Question) -> Self {
        match &question.answer {
            Answer::Single { .. } => Draft::Single(None),
            Answer::Multiple { .. } => Draft::Multiple(Vec::new()),
            Answer::TrueFalse { .. } => Draft::TrueFalse(None),
            Answer::Order { steps } => Draft::Order(starting_order(steps)),
            Answer::Numeric { .. } => Draft::Numeric(String::new()),
            Answer::Text { .. } => Draft::Text(String::new()),
            Answer::Scenario { parts, .. } => {
                Draft::Scenario(parts.iter().map(Draft::new).collect())
            }
            Answer::Spot { .. } => Draft::Spot(Vec::new()),
        }
    }

    /// The learner's submitted answer shown again (for the marked view after answering).
    pub fn from_response(question: &Question, response: &Response) -> Self {
        match (&question.answer, response) {
            (_, Response::Single { choice }) => Draft::Single(Some(*choice)),
            (_, Response::Multiple { choices }) => Draft::Multiple(choices.clone()),
            (_, Response::TrueFalse { answer }) => Draft::TrueFalse(Some(*answer)),
            (_, Response::Order { steps }) => Draft::Order(steps.clone()),
            (_, Response::Numeric { value }) => Draft::Numeric(value.to_string()),
            (_, Response::Text { text }) => Draft::Text(text.clone()),
            (Answer::Scenario { parts, .. }, Response::Scenario { parts: given }) => {
                Draft::Scenario(
                    parts
                        .iter()
                        .zip(given)
                        .map(|(part, response)| Draft::from_response(part, response))
                        .collect(),
                )
            }
            (_, Response::Spot { tapped }) => Draft::Spot(tapped.clone()),
            (_, Response::Scenario { .. }) => Draft::new(question),
        }
    }

    /// The response to mark, or what the learner still has to do (for the error summary).
    pub fn response(&self) -> Result<Response, &'static str> {
        Ok(match self {
            Draft::Single(None) | Draft::TrueFalse(None) => return Err("Choose an answer"),
            Draft::Single(Some(choice)) => Response::Single { choice: *choice },
            Draft::TrueFalse(Some(answer)) => Response::TrueFalse { answer: *answer },
            Draft::Multiple(choices) if choices.is_empty() => {
                return Err("Choose at least one answer");
            }
            Draft::Multiple(choices) => Response::Multiple {
                choices: choices.clone(),
            },
            Draft::Order(steps) => Response::Order {
                steps: steps.clone(),
            },
            Draft::Numeric(text) => Response::Numeric {
                value: parse_number(text).ok_or("Enter a number, for example 12.5")?,
            },
            Draft::Text(text) if text.trim().is_empty() => return Err("Type your answer"),
            Draft::Text(text) => Response::Text { text: text.clone() },
            Draft::Scenario(parts) => Response::Scenario {
                parts: parts
                    .iter()
                    .map(Draft::response)
                    .collect::<Result<_, _>>()
                    .map_err(|_| "Answer every part of the scenario")?,
            },
            Draft::Spot(tapped) => Response::Spot {
                tapped: tapped.clone(),
            },
        })
    }

    /// Applies a number key (1-based) to a choice question; other types ignore it.
    pub fn choose_by_number(&mut self, number: usize, choice_count: usize) {
        if number == 0 || number > choice_count {
            return;
        }
        let index = number - 1;
        match self {
            Draft::Single(choice) => *choice = Some(index),
            Draft::TrueFalse(answer) => *answer = Some(index == 0),
            Draft::Multiple(choices) => toggle(choices, index),
            _ => {}
        }
    }
}

/// Adds `index` if absent, removes it if present (ticking a box, tapping a segment).
pub fn toggle(list: &mut Vec<usize>, index: usize) {
    if let Some(position) = list.iter().position(|&i| i == index) {
        list.remove(position);
    } else {
        list.push(index);
        engine::sort::sort_by(list, usize::cmp);
    }
}

/// Accepts "12.5", "12,5" (a decimal comma), "1,250" and surrounding spaces or a unit-free "%".
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().trim_end_matches('%').trim().to_string();
    if cleaned.is_empty() {
        return None;
    }
    let normalised = if cleaned.matches(',').count() == 1 && !cleaned.contains('.') {
        let (whole, fraction) = cleaned.split_once(',')?;
        if fraction.len() == 3 {
            format!("{whole}{fraction}")
        } else {
            format!("{whole}.{fraction}")
        }
    } else {
        cleaned.replace(',', "")
    };
    normalised
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
}

/// A fixed shuffle that is never the right order: steps sorted by a hash of their text, and
/// rotated by one if that happens to be right.
fn starting_order(steps: &[String]) -> Vec<usize> {
    let hash = |text: &str| {
        text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
    };
    let mut order: Vec<usize> = (0..steps.len()).collect();
    engine::sort::sort_by_key(&mut order, |&index| hash(&steps[index]));
    if order
        .iter()
        .enumerate()
        .all(|(position, &index)| position == index)
        && order.len() > 1
    {
        order.rotate_left(1);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_accept_decimal_commas_and_thousands() {
        assert_eq!(parse_number(" 12,5 "), Some(12.5));
        assert_eq!(parse_number("1,250"), Some(1250.0));
        assert_eq!(parse_number("40%"), Some(40.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn order_never_starts_right() {
        let steps: Vec<String> = ["a", "b"].iter().map(|s| s.to_string()).collect();
        let order = starting_order(&steps);
        assert_ne!(order, vec![0, 1]);
        assert_eq!(order.len(), 2);
    }

    #[test]
    fn number_keys_pick_choices() {
        let mut draft = Draft::Single(None);
        draft.choose_by_number(2, 3);
        assert_eq!(draft, Draft::Single(Some(1)));
        draft.choose_by_number(9, 3);
        assert_eq!(draft, Draft::Single(Some(1)));
        let mut multiple = Draft::Multiple(vec![]);
        multiple.choose_by_number(1, 3);
        multiple.choose_by_number(3, 3);
        multiple.choose_by_number(1, 3);
        assert_eq!(multiple, Draft::Multiple(vec![2]));
        assert_eq!(Draft::Text(" ".into()).response(), Err("Type your answer"));
    }
}
