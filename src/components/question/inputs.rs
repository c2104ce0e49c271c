//! The answer inputs for one phrasing of any item type (scenario parts recurse), plus the data
//! (table or chart) a numeric question asks the learner to read.

use content::model::{Answer, ChartKind, Question, Table};
use yew::prelude::*;

use super::choices::{ChoiceListProps, TrueFalseProps, choice_list, true_false};
use super::draft::Draft;
use super::order::OrderList;
use super::spot::{SpotProps, spot_mock};
use crate::components::chart::{ChartProps, ChartStyle, chart as draw_chart};

/// Inserts HTML that the content pipeline rendered and sanitised at build time.
pub fn trusted_html(html: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(html.to_string()))
}

/// What the inputs for one question show.
#[derive(Debug)]
pub struct InputsProps<'a> {
    pub id: AttrValue,
    pub question: &'a Question,
    pub draft: &'a Draft,
    pub on_change: Callback<Draft>,
    pub marked: bool,
    pub error: Option<AttrValue>,
    /// Scenario parts use a smaller heading level for their prompts.
    pub part: Option<usize>,
}

/// The prompt, any data, and the inputs for the question's type. Like every part of the
/// question's form it is a plain function: only the form itself holds state, and each Yew
/// component costs the first screen code size and the player a reconciliation step.
pub fn inputs(props: &InputsProps<'_>) -> Html {
    let prompt_id = format!("{}-prompt", props.id);
    let error_id = format!("{}-error", props.id);
    let group_class = classes!(
        "nhsuk-form-group",
        props.error.is_some().then_some("nhsuk-form-group--error")
    );
    let described = props.error.as_ref().map(|_| error_id.clone());
    let part_label = props
        .part
        .map(|n| html! { <p class="nhsuk-caption-m">{ format!("Part {}", n + 1) }</p> });
    html! {
        <div class={group_class}>
            { part_label }
            <div class="app-prompt" id={prompt_id.clone()}>{ trusted_html(&props.question.prompt_html) }</div>
            { data_view(props.question) }
            <fieldset class="nhsuk-fieldset" aria-labelledby={prompt_id} aria-describedby={described}>
                if let Some(error) = &props.error {
                    <span class="nhsuk-error-message" id={error_id}>
                        <span class="nhsuk-u-visually-hidden">{ "Error: " }</span>{ error }
                    </span>
                }
                { answer_inputs(props) }
            </fieldset>
        </div>
    }
}

fn answer_inputs(props: &InputsProps<'_>) -> Html {
    let id = props.id.clone();
    let draft = props.draft.clone();
    let on_change = props.on_change.clone();
    let marked = props.marked;
    match &props.question.answer {
        Answer::Single { choices } | Answer::Multiple { choices } => html! {
            { choice_list(&ChoiceListProps { id, choices, draft, on_change, marked }) }
        },
        Answer::TrueFalse {
            answer,
            feedback_true,
            feedback_false,
        } => true_false(&TrueFalseProps {
            id,
            draft,
            on_change,
            answer: *answer,
            feedback_true: feedback_true.as_deref(),
            feedback_false: feedback_false.as_deref(),
            marked,
        }),
        Answer::Order { steps } => html! {
            <OrderList {id} steps={steps.clone()} {draft} {on_change} {marked} />
        },
        Answer::Numeric {
            answer,
            unit,
            working,
            ..
        } => {
            let extra = marked.then(|| html! {
                <div class="nhsuk-inset-text app-working">
                    <p>{ format!("The answer is {answer}{}", unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default()) }</p>
                    if let Some(working) = working { <p class="app-working__steps">{ working }</p> }
                </div>
            });
            html! { <>{ text_field(props, unit.as_deref(), true) }{ extra }</> }
        }
        Answer::Text { accepted } => {
            let extra = marked.then(|| html! {
                <p class="nhsuk-inset-text">{ format!("Accepted answer: {}", accepted.first().cloned().unwrap_or_default()) }</p>
            });
            html! { <>{ text_field(props, None, false) }{ extra }</> }
        }
        Answer::Scenario { case_html, parts } => scenario(props, case_html, parts),
        Answer::Spot {
            mock,
            from,
            to,
            subject,
            segments,
        } => spot_mock(&SpotProps {
            id,
            mock: *mock,
            from: from.as_deref(),
            to: to.as_deref(),
            subject: subject.as_deref(),
            segments,
            draft,
            on_change,
            marked,
        }),
    }
}

fn text_field(props: &InputsProps<'_>, unit: Option<&str>, numeric: bool) -> Html {
    let value = match props.draft {
        Draft::Numeric(text) | Draft::Text(text) => text.clone(),
        _ => String::new(),
    };
    let on_change = props.on_change.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        let text = input.value();
        on_change.emit(if numeric {
            Draft::Numeric(text)
        } else {
            Draft::Text(text)
        });
    });
    let input_id = format!("{}-input", props.id);
    let class = classes!(
        "nhsuk-input",
        numeric.then_some("nhsuk-input--width-10"),
        props.error.is_some().then_some("nhsuk-input--error")
    );
    html! {
        <div class="app-text-answer">
            <label class="nhsuk-label" for={input_id.clone()}>{ if numeric { "Your answer (a number)" } else { "Your answer" } }</label>
            <div class="app-input-row">
                <input class={class} id={input_id} type="text" {value} {oninput} disabled={props.marked}
                    inputmode={numeric.then_some("decimal")} autocomplete="off" spellcheck="false" />
                if let Some(unit) = unit { <span class="app-input-unit">{ unit }</span> }
            </div>
        </div>
    }
}

fn scenario(props: &InputsProps<'_>, case_html: &str, parts: &[Question]) -> Html {
    let Draft::Scenario(drafts) = props.draft else {
        return Html::default();
    };
    let rendered = parts.iter().zip(drafts).enumerate().map(|(index, (part, draft))| {
        let drafts = drafts.clone();
        let on_change = props.on_change.clone();
        let change = Callback::from(move |next: Draft| {
            let mut drafts = drafts.clone();
            drafts[index] = next;
            on_change.emit(Draft::Scenario(drafts));
        });
        let error = props.error.as_ref().filter(|_| draft.response().is_err()).cloned();
        html! {
            <div class="app-scenario__part">
                { inputs(&InputsProps {
                    id: format!("{}-part{}", props.id, index).into(),
                    question: part,
                    draft,
                    on_change: change,
                    marked: props.marked,
                    error,
                    part: Some(index),
                }) }
                if props.marked { <div class="app-explanation">{ trusted_html(&part.explanation_html) }</div> }
            </div>
        }
    });
    html! {
        <>
            <div class="nhsuk-inset-text app-scenario__case">{ trusted_html(case_html) }</div>
            { for rendered }
        </>
    }
}

/// A numeric question's table or chart.
fn data_view(question: &Question) -> Html {
    let table = question.table.as_ref().map(table_view);
    let chart = question.chart.as_ref().map(|chart| {
        let style = match chart.kind {
            ChartKind::Bar => ChartStyle::Bar,
            ChartKind::Line => ChartStyle::Line,
            ChartKind::Run => ChartStyle::Run,
        };
        draw_chart(&ChartProps {
            style,
            title: chart.title.clone().into(),
            x_label: chart.x_label.clone().into(),
            y_label: chart.y_label.clone().into(),
            labels: chart.labels.clone(),
            values: chart.values.clone(),
            text_alternative: chart.text_alternative.clone().into(),
            y_max: None,
        })
    });
    html! { <>{ table }{ chart }</> }
}

fn table_view(table: &Table) -> Html {
    html! {
        <div class="app-table-wrap" tabindex="0" role="region" aria-label="Data table">
            <table class="nhsuk-table">
                <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                    { for table.header.iter().map(|cell| html! { <th class="nhsuk-table__header" scope="col">{ cell }</th> }) }
                </tr></thead>
                <tbody class="nhsuk-table__body">
                    { for table.rows.iter().map(|row| html! {
                        <tr class="nhsuk-table__row">{ for row.iter().map(|cell| html! { <td class="nhsuk-table__cell">{ cell }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
