//! A question to answer: the inputs for its type, an error summary when the answer is not
//! complete, the optional "how sure were you?" choice, and number-key shortcuts for choices.

mod choices;
pub mod draft;
mod inputs;
mod order;
mod spot;

use content::model::{Answer, Question, Response};
use engine::Confidence;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use draft::Draft;
pub use inputs::trusted_html;
use inputs::{InputsProps, inputs};

/// What the learner submitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub response: Response,
    pub confidence: Option<Confidence>,
}

#[derive(Properties, PartialEq)]
pub struct QuestionViewProps {
    pub id: AttrValue,
    pub question: Question,
    /// After answering: inputs are locked and marked.
    pub marked: bool,
    pub ask_confidence: bool,
    pub on_submit: Callback<Submission>,
    /// The answer to show (marked) instead of an empty form.
    #[prop_or_default]
    pub given: Option<Response>,
    #[prop_or(AttrValue::Static("Check answer"))]
    pub submit_label: AttrValue,
}

/// The form for one question. Keyed by the caller so each new question starts empty.
#[function_component(QuestionView)]
pub fn question_view(props: &QuestionViewProps) -> Html {
    let draft = use_state(|| match &props.given {
        Some(response) => Draft::from_response(&props.question, response),
        None => Draft::new(&props.question),
    });
    let error = use_state(|| None::<&'static str>);
    let confidence = use_state(|| None::<Confidence>);
    use_number_keys(&props.question, draft.clone(), props.marked);

    let on_change = {
        let draft = draft.clone();
        Callback::from(move |next: Draft| draft.set(next))
    };
    let onsubmit = {
        let (draft, error, confidence, on_submit) = (
            draft.clone(),
            error.clone(),
            confidence.clone(),
            props.on_submit.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match draft.response() {
                Ok(response) => {
                    error.set(None);
                    on_submit.emit(Submission {
                        response,
                        confidence: *confidence,
                    });
                }
                Err(message) => {
                    error.set(Some(message));
                    crate::browser::focus_by_id("error-summary");
                }
            }
        })
    };
    let field_error = (*error).map(AttrValue::Static);
    // The error summary links to the first input of the question.
    let first_field = first_field(&props.id, &props.question, &draft);
    html! {
        <form class="app-question" {onsubmit} novalidate=true>
            if let Some(message) = *error {
                <div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1" id="error-summary">
                    <h2 class="nhsuk-error-summary__title" id="error-summary-title">{ "There is a problem" }</h2>
                    <div class="nhsuk-error-summary__body">
                        <ul class="nhsuk-list nhsuk-error-summary__list">
                            <li><a href={format!("#{first_field}")} onclick={focus_link(first_field.clone())}>{ message }</a></li>
                        </ul>
                    </div>
                </div>
            }
            { inputs(&InputsProps {
                id: props.id.clone(),
                question: &props.question,
                draft: &draft,
                on_change,
                marked: props.marked,
                error: field_error,
                part: None,
            }) }
            if props.ask_confidence && !props.marked { { confidence_choice(&props.id, confidence) } }
            if !props.marked {
                <button class="nhsuk-button" type="submit">{ &props.submit_label }</button>
            }
        </form>
    }
}

/// The input the error summary links to: the question's first input, or for a scenario the
/// first input of its first unanswered part (the ids follow `inputs`' naming).
fn first_field(id: &str, question: &Question, draft: &Draft) -> String {
    match (&question.answer, draft) {
        (Answer::Numeric { .. } | Answer::Text { .. }, _) => format!("{id}-input"),
        (Answer::TrueFalse { .. }, _) => format!("{id}-true"),
        (Answer::Scenario { parts, .. }, Draft::Scenario(drafts)) => {
            let index = drafts
                .iter()
                .position(|part| part.response().is_err())
                .unwrap_or(0);
            match (parts.get(index), drafts.get(index)) {
                (Some(part), Some(part_draft)) => {
                    first_field(&format!("{id}-part{index}"), part, part_draft)
                }
                _ => format!("{id}-part0-0"),
            }
        }
        _ => format!("{id}-0"),
    }
}

/// Error-summary links move focus without changing the hash route.
fn focus_link(id: String) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        crate::browser::focus_by_id(&id);
    })
}

fn confidence_choice(id: &str, confidence: UseStateHandle<Option<Confidence>>) -> Html {
    let options = [
        (Confidence::Low, "I guessed"),
        (Confidence::Medium, "I think so"),
        (Confidence::High, "I'm sure"),
    ];
    let name = format!("{id}-confidence");
    let rows = options.map(|(value, label)| {
        let checked = *confidence == Some(value);
        let confidence = confidence.clone();
        let input_id = format!("{name}-{label}").replace([' ', '\''], "-").to_lowercase();
        let onchange = Callback::from(move |_: Event| confidence.set(Some(value)));
        html! {
            <div class="nhsuk-radios__item">
                <input class="nhsuk-radios__input" id={input_id.clone()} name={name.clone()} type="radio"
                    {checked} {onchange} />
                <label class="nhsuk-label nhsuk-radios__label" for={input_id}>{ label }</label>
            </div>
        }
    });
    html! {
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ "How sure are you? (optional)" }</legend>
                <div class="nhsuk-radios nhsuk-radios--inline">{ for rows }</div>
            </fieldset>
        </div>
    }
}

/// Number keys pick choices 1 to 9 while no text field has focus.
#[hook]
fn use_number_keys(question: &Question, draft: UseStateHandle<Draft>, marked: bool) {
    let choice_count = match &question.answer {
        Answer::Single { choices } | Answer::Multiple { choices } => choices.len(),
        Answer::TrueFalse { .. } => 2,
        _ => 0,
    };
    use_effect_with(
        (choice_count, marked, (*draft).clone()),
        move |(count, marked, current)| {
            let count = *count;
            let current = current.clone();
            let listener = (!*marked && count > 0).then(|| {
                crate::browser::KeyListener::new(move |event: web_sys::KeyboardEvent| {
                    if typing_in_field(&event)
                        || event.ctrl_key()
                        || event.meta_key()
                        || event.alt_key()
                    {
                        return;
                    }
                    if let Ok(number) = event.key().parse::<usize>() {
                        let mut next = current.clone();
                        next.choose_by_number(number, count);
                        draft.set(next);
                    }
                })
            });
            crate::browser::listen_for_keys(listener)
        },
    );
}

/// Whether a key press belongs to a text field rather than to the page.
pub fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            let tag = element.tag_name().to_ascii_lowercase();
            tag == "textarea"
                || (tag == "input"
                    && element
                        .get_attribute("type")
                        .is_some_and(|kind| kind == "text" || kind == "number" || kind == "date"))
        })
}
