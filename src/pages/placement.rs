//! The optional quick check for a module: one question per lesson; the engine decides which
//! lessons the learner already knows and those are marked as tested out.

use engine::{Placement, PlacementOutcome};
use yew::prelude::*;

use crate::adapter;
use crate::browser::device_id;
use crate::clock::now_ms;
use crate::components::loading::{Loading, module_loading};
use crate::components::question::{QuestionView, Submission};
use crate::hooks::use_module;
use crate::route::Route;
use crate::state::{Action, use_app};

#[derive(Properties, PartialEq)]
pub struct PlacementPageProps {
    pub module: String,
}

#[function_component(PlacementPage)]
pub fn placement_page(props: &PlacementPageProps) -> Html {
    let app = use_app();
    let module_file = use_module(app.clone(), props.module.clone());
    let placement = use_state(|| None::<Placement>);
    let outcome = use_state(|| None::<PlacementOutcome>);
    let shown_at = use_mut_ref(now_ms);
    {
        let placement = placement.clone();
        let engine_catalogue = app.engine_catalogue.clone();
        let module = props.module.clone();
        use_effect_with(
            (engine_catalogue.modules.len(), module),
            move |(_, module)| {
                placement.set(Placement::start(&engine_catalogue, module).ok());
            },
        );
    }
    let (Some(catalogue), true) = (app.catalogue.clone(), app.ready()) else {
        return html! { <Loading heading="Quick check" /> };
    };
    let Some(summary) = catalogue.modules.iter().find(|m| m.id == props.module) else {
        return super::not_found();
    };
    let heading = format!("Quick check: {}", summary.title);
    if let Some(outcome) = &*outcome {
        return outcome_view(&heading, summary, outcome);
    }
    let finish = {
        let (app, outcome, module) = (app.clone(), outcome.clone(), props.module.clone());
        move |result: Option<PlacementOutcome>| {
            let now = now_ms();
            if let Some(result) = &result {
                let prefix = format!("{}:placement:{now}", device_id());
                app.dispatch(Action::Record(result.events(now, &prefix)));
            }
            let mut settings = app.settings.clone();
            settings.placement_done.insert(module.clone(), now);
            app.dispatch(Action::SettingsChanged(settings));
            outcome.set(result.or_else(|| Some(empty_outcome(&module))));
        }
    };
    let Some(current) = placement.as_ref().and_then(|p| p.current().cloned()) else {
        return html! { <Loading heading={heading} /> };
    };
    let Some(item) = module_file.as_ref().and_then(|file| {
        file.lessons
            .iter()
            .flat_map(|l| &l.items)
            .find(|item| item.id == current.item_id.0)
            .cloned()
    }) else {
        return html! { <><h1>{ heading }</h1>{ module_loading(&app, &props.module, "the question") }</> };
    };
    let on_submit = {
        let (placement, app, shown_at, finish) = (
            placement.clone(),
            app.clone(),
            shown_at.clone(),
            finish.clone(),
        );
        let item = item.clone();
        Callback::from(move |submission: Submission| {
            let now = now_ms();
            let score = item.score(&submission.response);
            let answer = engine::Answer {
                kind: adapter::engine_kind(item.kind()),
                score,
                response_ms: u32::try_from(now - *shown_at.borrow()).unwrap_or(0),
                confidence: submission.confidence,
            };
            let correct = engine::grade(&answer, &app.learner.read().response_times).is_recall();
            let mut next = (*placement).clone();
            if let Some(state) = next.as_mut() {
                let _ = state.answer(correct);
                if state.is_finished() {
                    finish(state.outcome());
                }
            }
            *shown_at.borrow_mut() = now_ms();
            placement.set(next);
        })
    };
    // Stopping early: lessons not yet asked are studied, so the answers given so far still count.
    let skip = {
        let placement = placement.clone();
        Callback::from(move |_: MouseEvent| {
            let mut state = (*placement).clone();
            let outcome = state.as_mut().and_then(|state| {
                while !state.is_finished() {
                    state.answer(false).ok()?;
                }
                state.outcome()
            });
            finish(outcome);
        })
    };
    let lesson_title = summary
        .lessons
        .iter()
        .find(|l| adapter::engine_lesson_id(&summary.id, &l.id) == current.lesson_id)
        .map_or_else(String::new, |l| l.title.clone());
    html! {
        <>
            <h1>{ heading }</h1>
            <p>{ "Answer what you can. Each right answer lets you skip a lesson you already know. There is no feedback until the end." }</p>
            <p class="nhsuk-caption-m">{ format!("About: {lesson_title}") }</p>
            <div data-item={item.id.clone()} data-variant="0">
                <QuestionView key={current.item_id.0.clone()} id={format!("p-{}", current.lesson_id.replace('/', "-"))}
                    question={item.question.clone()} marked={false} ask_confidence={false} {on_submit} submit_label="Next" />
            </div>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" onclick={skip}>{ "Stop the check and start learning" }</button>
        </>
    }
}

fn empty_outcome(module: &str) -> PlacementOutcome {
    serde_json::from_value(serde_json::json!({
        "module_id": module, "known_lessons": [], "study_lessons": [], "questions_asked": 0, "known_items": []
    }))
    .expect("a valid empty outcome")
}

fn outcome_view(
    heading: &str,
    summary: &content::model::ModuleSummary,
    outcome: &PlacementOutcome,
) -> Html {
    let known: Vec<String> = summary
        .lessons
        .iter()
        .filter(|l| {
            outcome
                .known_lessons
                .contains(&adapter::engine_lesson_id(&summary.id, &l.id))
        })
        .map(|l| l.title.clone())
        .collect();
    html! {
        <>
            <h1 id="step-heading">{ heading }</h1>
            <div class="nhsuk-panel app-panel-done" role="status">
                <h2 class="nhsuk-panel__title">{ "Check finished" }</h2>
                <div class="nhsuk-panel__body">
                    { if known.is_empty() { "You will start from the first lesson.".to_string() } else { format!("You can skip {} of {} lessons.", known.len(), summary.lessons.len()) } }
                </div>
            </div>
            if !known.is_empty() {
                <h2>{ "Lessons you already know" }</h2>
                <ul class="nhsuk-list nhsuk-list--bullet">{ for known.iter().map(|title| html! { <li>{ title }</li> }) }</ul>
                <p>{ "They will still come back now and then as short reviews." }</p>
            }
            <a class="nhsuk-button" href={Route::Today.href()}>{ "Go to today's learning" }</a>
        </>
    }
}
