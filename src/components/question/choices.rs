//! Radios and checkboxes for single, multiple and true-false questions, with marks after
//! answering (shown in words and with a tick or cross, never by colour alone).

use content::model::Choice;
use yew::prelude::*;

use super::draft::{Draft, toggle};
use crate::components::marks::mark;

/// What a choice list shows.
#[derive(Debug)]
pub struct ChoiceListProps<'a> {
    pub id: AttrValue,
    pub choices: &'a [Choice],
    pub draft: Draft,
    pub on_change: Callback<Draft>,
    /// After answering: inputs are locked and marked.
    pub marked: bool,
}

/// One radio or checkbox row.
struct Row<'a> {
    id: String,
    name: &'a str,
    text: &'a str,
    checked: bool,
    correct: bool,
    feedback: Option<&'a str>,
}

fn row(row: Row<'_>, multiple: bool, marked: bool, onchange: Callback<Event>) -> Html {
    let (item_class, input_class, label_class) = if multiple {
        (
            "nhsuk-checkboxes__item",
            "nhsuk-checkboxes__input",
            "nhsuk-label nhsuk-checkboxes__label",
        )
    } else {
        (
            "nhsuk-radios__item",
            "nhsuk-radios__input",
            "nhsuk-label nhsuk-radios__label",
        )
    };
    let mark = marked.then(|| {
        let line = match (row.correct, row.checked) {
            (true, true) => Some((true, "Your answer, correct")),
            (true, false) => Some((true, "Correct answer")),
            (false, true) => Some((false, "Your answer, not correct")),
            (false, false) => None,
        };
        html! {
            <>
                if let Some((right, text)) = line { { mark(right, text) } }
                if let (true, Some(feedback)) = (row.checked || row.correct, row.feedback) {
                    <p class="app-choice-feedback">{ feedback }</p>
                }
            </>
        }
    });
    let kind = if multiple { "checkbox" } else { "radio" };
    html! {
        <div class={item_class}>
            <input class={input_class} id={row.id.clone()} name={row.name.to_string()} type={kind}
                checked={row.checked} disabled={marked} {onchange} />
            <label class={label_class} for={row.id}>{ row.text }</label>
            { mark }
        </div>
    }
}

/// Radios (single) or checkboxes (multiple) for a list of choices. The question's inputs are
/// plain functions, not components: they hold no state, and each component costs the first
/// screen code size and the player a reconciliation step.
pub fn choice_list(props: &ChoiceListProps<'_>) -> Html {
    let multiple = matches!(props.draft, Draft::Multiple(_));
    let rows = props.choices.iter().enumerate().map(|(index, choice)| {
        let checked = match &props.draft {
            Draft::Single(choice) => *choice == Some(index),
            Draft::Multiple(choices) => choices.contains(&index),
            _ => false,
        };
        let draft = props.draft.clone();
        let on_change = props.on_change.clone();
        let onchange = Callback::from(move |_: Event| {
            let next = match &draft {
                Draft::Multiple(choices) => {
                    let mut choices = choices.clone();
                    toggle(&mut choices, index);
                    Draft::Multiple(choices)
                }
                _ => Draft::Single(Some(index)),
            };
            on_change.emit(next);
        });
        row(
            Row {
                id: format!("{}-{}", props.id, index),
                name: &props.id,
                text: &choice.text,
                checked,
                correct: choice.correct,
                feedback: choice.feedback.as_deref(),
            },
            multiple,
            props.marked,
            onchange,
        )
    });
    let class = if multiple {
        "nhsuk-checkboxes"
    } else {
        "nhsuk-radios"
    };
    html! { <div class={class}>{ for rows }</div> }
}

/// What the true-false radios show.
#[derive(Debug)]
pub struct TrueFalseProps<'a> {
    pub id: AttrValue,
    pub draft: Draft,
    pub on_change: Callback<Draft>,
    pub answer: bool,
    pub feedback_true: Option<&'a str>,
    pub feedback_false: Option<&'a str>,
    pub marked: bool,
}

/// "True" and "False" as two radios: a plain function (no state of its own), which costs less
/// code than a component.
pub fn true_false(props: &TrueFalseProps<'_>) -> Html {
    let given = match props.draft {
        Draft::TrueFalse(given) => given,
        _ => None,
    };
    let rows = [(true, "True"), (false, "False")].map(|(value, text)| {
        let on_change = props.on_change.clone();
        let onchange =
            Callback::from(move |_: Event| on_change.emit(Draft::TrueFalse(Some(value))));
        let feedback = if value {
            props.feedback_true
        } else {
            props.feedback_false
        };
        row(
            Row {
                id: format!("{}-{}", props.id, text.to_lowercase()),
                name: &props.id,
                text,
                checked: given == Some(value),
                correct: props.answer == value,
                feedback,
            },
            false,
            props.marked,
            onchange,
        )
    });
    html! { <div class="nhsuk-radios nhsuk-radios--inline">{ for rows }</div> }
}
