//! The session player: teaching cards, then questions with immediate feedback, a progress bar,
//! and resuming exactly where the learner left off. Each answer is saved before the next
//! question can be shown.

use std::rc::Rc;

use content::model as cm;
use engine::{EventId, EventKind, ReviewEvent};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::adapter;
use crate::browser::{device_id, focus_by_id, in_next_task, random_token, release_focus};
use crate::clock::now_ms;
use crate::components::deferred::Deferred;
use crate::components::loading::{Loading, module_loading};
use crate::components::marks::mark_icon;
use crate::components::question::{QuestionView, Submission, trusted_html};
use crate::hooks::use_modules;
use crate::route::Route;
use crate::session::{Feedback, Session, Step};
use crate::state::{Action, AppContext, use_app};

/// Finds an item's content in the loaded module files.
fn find_item<'a>(
    app: &'a AppContext,
    module_id: &str,
    item_id: &str,
) -> Option<(&'a cm::Lesson, &'a cm::Item)> {
    let module = app.modules.get(module_id)?;
    module.lessons.iter().find_map(|lesson| {
        lesson
            .items
            .iter()
            .find(|item| item.id == item_id)
            .map(|item| (lesson, item))
    })
}

#[function_component(SessionPage)]
pub fn session_page() -> Html {
    let app = use_app();
    let module_ids: Vec<String> = app.session.as_ref().map_or_else(Vec::new, |session| {
        let mut ids: Vec<String> = session
            .plan
            .queue
            .iter()
            .map(|e| e.module_id.clone())
            .collect();
        engine::sort::sort_by(&mut ids, String::cmp);
        ids.dedup();
        ids
    });
    use_modules(app.clone(), module_ids);
    // A reload on this screen picks the saved session up again.
    {
        let app = app.clone();
        let wants_resume = app.ready() && app.session.is_none() && app.saved_resume.is_some();
        use_effect_with(wants_resume, move |wants| {
            if *wants {
                app.dispatch(Action::ResumeSession(now_ms()));
            }
        });
    }
    let step_key = app
        .session
        .as_ref()
        .map(|s| (s.position, step_name(&s.step)));
    use_effect_with(step_key, |_| focus_by_id("step-heading"));
    let feedback_shown = matches!(
        app.session.as_ref().map(|s| &s.step),
        Some(Step::Feedback(_))
    ) && app.unsaved.is_empty();
    let go_on = continue_callback(&app);
    use_enter_key(feedback_shown, go_on.clone());

    if !app.ready() {
        return html! { <Loading heading="Session" /> };
    }
    let Some(session) = app.session.as_ref() else {
        return html! {
            <>
                <h1>{ "Session" }</h1>
                <p>{ "There is no session in progress." }</p>
                <p><a href={Route::Today.href()}>{ "Go to today's learning" }</a></p>
            </>
        };
    };
    let body = match &session.step {
        Step::Card {
            module_id,
            lesson_id,
            index,
        } => card_view(&app, module_id, lesson_id, *index),
        Step::Asking { shown_at_ms } => asking_view(&app, session, *shown_at_ms),
        Step::Feedback(feedback) => feedback_view(&app, session, feedback, go_on),
        Step::Finished => finished_view(&app, session),
    };
    let total = session.plan.queue.len();
    let done =
        session.position + usize::from(matches!(session.step, Step::Feedback(_) | Step::Finished));
    html! {
        <div class="app-session">
            <div class="app-session__bar">
                <label class="nhsuk-body-s app-session__count" for="session-progress">
                    { format!("{} of {} done", done.min(total), total) }
                </label>
                <progress id="session-progress" class="app-progress" max={total.to_string()} value={done.min(total).to_string()}></progress>
                if session.step != Step::Finished {
                    <a class="app-session__leave" href={Route::Today.href()}>{ "Leave and continue later" }</a>
                }
            </div>
            { body }
        </div>
    }
}

fn step_name(step: &Step) -> (u8, usize) {
    match step {
        Step::Card { index, .. } => (0, *index),
        Step::Asking { .. } => (1, 0),
        Step::Feedback(_) => (2, 0),
        Step::Finished => (3, 0),
    }
}

fn card_view(app: &AppContext, module_id: &str, lesson_id: &str, index: usize) -> Html {
    let Some(module) = app.modules.get(module_id) else {
        return module_loading(app, module_id, "the lesson");
    };
    let lesson = module.lessons.iter().find(|lesson| lesson.id == lesson_id);
    let title = app
        .catalogue
        .as_ref()
        .and_then(|c| c.modules.iter().find(|m| m.id == module_id))
        .and_then(|m| m.lessons.iter().find(|l| l.id == lesson_id))
        .map_or_else(String::new, |l| l.title.clone());
    let cards = lesson.map_or(0, |lesson| lesson.cards.len());
    let card = lesson.and_then(|lesson| lesson.cards.get(index));
    let next = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::NextCard(now_ms())))
    };
    let last = index + 1 >= cards;
    html! {
        <article class="app-card-step">
            <p class="nhsuk-caption-m">{ format!("{title}: card {} of {}", (index + 1).min(cards.max(1)), cards.max(1)) }</p>
            if let Some(card) = card {
                <h1 id="step-heading" tabindex="-1">{ &card.title }</h1>
                <div class="app-card-body">{ trusted_html(&card.body_html) }</div>
            } else {
                <h1 id="step-heading" tabindex="-1">{ title.clone() }</h1>
            }
            <button type="button" class="nhsuk-button" onclick={next}>{ if last { "Start the questions" } else { "Next card" } }</button>
        </article>
    }
}

fn asking_view(app: &AppContext, session: &Session, shown_at_ms: i64) -> Html {
    let Some(entry) = session.current() else {
        return Html::default();
    };
    let Some((_, item)) = find_item(app, &entry.module_id, &entry.item_id.0) else {
        return module_loading(app, &entry.module_id, "the question");
    };
    let variant = session.variants.get(&entry.item_id).copied().unwrap_or(0) as usize;
    let question = item.phrasing(variant).clone();
    let on_submit = {
        let app = app.clone();
        let item = Rc::new(item.clone());
        Callback::from(move |submission: Submission| {
            let feedback = mark(&app, &item, variant, shown_at_ms, submission);
            // A second tap before the next task is ignored by the reducer.
            after_press(&app, move || Action::Answered(Box::new(feedback), now_ms()));
        })
    };
    let key = format!("{}-{}", session.position, item.id);
    let deferred_key = format!("asking-{key}");
    html! {
        <>
            <h1 id="step-heading" tabindex="-1" class="nhsuk-heading-m">{ format!("Question {}", session.position + 1) }</h1>
            <Deferred key={deferred_key}>
                <div data-item={item.id.clone()} data-variant={variant.to_string()}>
                <QuestionView {key} id={format!("q{}", session.position)}
                    {question} marked={false} ask_confidence={app.settings.ask_confidence} {on_submit} />
                </div>
            </Deferred>
        </>
    }
}

/// Scores the response with the content model, grades it with the engine, and makes the event.
fn mark(
    app: &AppContext,
    item: &cm::Item,
    variant: usize,
    shown_at_ms: i64,
    submission: Submission,
) -> Feedback {
    let now = now_ms();
    let response_ms = u32::try_from((now - shown_at_ms).max(0)).unwrap_or(u32::MAX);
    let score = item.score_phrasing(variant, &submission.response);
    let kind = adapter::engine_kind(item.kind());
    let answer = engine::Answer {
        kind,
        score,
        response_ms,
        confidence: submission.confidence,
    };
    let rating = engine::grade(&answer, &app.learner.read().response_times);
    let event = ReviewEvent {
        id: EventId::new(format!("{}:{now}:{}", device_id(), random_token())),
        item_id: engine::ItemId::new(item.id.clone()),
        item_version: item.version,
        item_kind: kind,
        at_ms: now,
        rating,
        score,
        response_ms,
        confidence: submission.confidence,
        kind: EventKind::Review,
    };
    Feedback {
        response: submission.response,
        score,
        event,
    }
}

/// "Continue" (or Enter) goes on to the next question, through [`after_press`].
fn continue_callback(app: &AppContext) -> Callback<()> {
    let app = app.clone();
    Callback::from(move |_| after_press(&app, || Action::Continue(now_ms())))
}

/// A press of "Check answer" or "Continue": its own task only lets go of focus (the part of the
/// screen that holds it is about to be replaced), and the action and the drawing it causes run
/// in the next task, so neither task is long on a slow phone.
fn after_press(app: &AppContext, action: impl FnOnce() -> Action + 'static) {
    release_focus();
    let app = app.clone();
    in_next_task(move || app.dispatch(action()));
}

fn feedback_view(
    app: &AppContext,
    session: &Session,
    feedback: &Feedback,
    go_on: Callback<()>,
) -> Html {
    let Some(entry) = session.current() else {
        return Html::default();
    };
    let Some((_, item)) = find_item(app, &entry.module_id, &entry.item_id.0) else {
        return Html::default();
    };
    let variant = session.variants.get(&entry.item_id).copied().unwrap_or(0) as usize;
    let question = item.phrasing(variant).clone();
    let (verdict, right) = if feedback.score >= 0.999 {
        ("Correct", true)
    } else if feedback.event.rating.is_recall() {
        ("Mostly right", true)
    } else {
        ("Not quite", false)
    };
    let class = if right {
        "app-verdict app-verdict--right"
    } else {
        "app-verdict app-verdict--wrong"
    };
    let saving = !app.unsaved.is_empty();
    let again = !feedback.event.rating.is_recall()
        && session.plan.queue[session.position + 1..]
            .iter()
            .any(|e| e.item_id == entry.item_id);
    let onclick = Callback::from(move |_: MouseEvent| go_on.emit(()));
    let last = session.position + 1 >= session.plan.queue.len();
    html! {
        <>
            <div class={class} role="status" aria-live="polite">
                <h1 id="step-heading" tabindex="-1" class="nhsuk-heading-m">{ mark_icon(right) }{ verdict }</h1>
                if again { <p>{ "This question will come back later in the session." }</p> }
            </div>
            <Deferred key={format!("feedback-{}-{}", session.position, item.id)}>
                <QuestionView key={format!("marked-{}-{}", session.position, item.id)} id={format!("q{}", session.position)}
                    question={question.clone()} marked={true} ask_confidence={false} on_submit={Callback::noop()}
                    given={Some(feedback.response.clone())} />
                <Deferred key="explanation">
                    <div class="app-explanation">
                        <h2 class="nhsuk-heading-s">{ "Why" }</h2>
                        { trusted_html(&question.explanation_html) }
                        <p class="nhsuk-body-s">{ "Source: " }<a href={item.source.url.clone()} target="_blank" rel="noopener noreferrer">{ &item.source.title }<span class="nhsuk-u-visually-hidden">{ " (opens in a new tab)" }</span></a></p>
                    </div>
                    <button type="button" class="nhsuk-button app-continue" {onclick} disabled={saving} id="continue-button">
                        { if saving { "Saving…" } else if last { "Finish" } else { "Continue" } }
                    </button>
                </Deferred>
            </Deferred>
        </>
    }
}

fn finished_view(app: &AppContext, session: &Session) -> Html {
    let end = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::EndSession))
    };
    html! {
        <>
            <div class="nhsuk-panel app-panel-done">
                <h1 class="nhsuk-panel__title" id="step-heading" tabindex="-1">{ "Session complete" }</h1>
                <div class="nhsuk-panel__body">
                    { if session.answered > 0 { format!("{} of {} answers right.", session.correct, session.answered) } else { "Well done.".to_string() } }
                </div>
            </div>
            <p>{ "Your progress is saved on this device. Questions come back just before you would forget them." }</p>
            <ul class="app-actions">
                <li><a class="nhsuk-button" href={Route::Today.href()} onclick={end.clone()}>{ "Back to today" }</a></li>
                <li><a href={Route::Progress.href()} onclick={end}>{ "See your progress" }</a></li>
            </ul>
        </>
    }
}

/// Enter goes on to the next step while feedback is shown (unless a button or link has focus,
/// which handles Enter itself).
#[hook]
fn use_enter_key(enabled: bool, go_on: Callback<()>) {
    use_effect_with(enabled, move |enabled| {
        let listener = enabled.then(|| {
            crate::browser::KeyListener::new(move |event: web_sys::KeyboardEvent| {
                let on_control = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|element| {
                        matches!(
                            element.tag_name().to_ascii_lowercase().as_str(),
                            "button" | "a" | "input" | "summary"
                        )
                    });
                if event.key() == "Enter" && !on_control {
                    event.prevent_default();
                    go_on.emit(());
                }
            })
        });
        crate::browser::listen_for_keys(listener)
    });
}
