//! One lesson (deep link `#/modules/<module>/lessons/<lesson>`): its objective, state and a
//! button to start it.

use yew::prelude::*;

use super::modules::lesson_state;
use crate::clock::now_ms;
use crate::components::loading::Loading;
use crate::route::Route;
use crate::session::lesson_plan;
use crate::state::{Action, use_app};

#[derive(Properties, PartialEq)]
pub struct LessonPageProps {
    pub module: String,
    pub lesson: String,
}

#[function_component(LessonPage)]
pub fn lesson_page(props: &LessonPageProps) -> Html {
    let app = use_app();
    let Some(catalogue) = app.catalogue.clone().filter(|_| app.ready()) else {
        return html! { <Loading heading="Lesson" /> };
    };
    let Some(module) = catalogue.modules.iter().find(|m| m.id == props.module) else {
        return super::not_found();
    };
    let Some(lesson) = module.lessons.iter().find(|l| l.id == props.lesson) else {
        return super::not_found();
    };
    let (state, tag) = lesson_state(&app, lesson);
    let start = {
        let app = app.clone();
        let lesson = lesson.clone();
        let catalogue = catalogue.clone();
        Callback::from(move |_: MouseEvent| {
            let now = now_ms();
            let plan = lesson_plan(
                &lesson,
                &app.learner.read(),
                &catalogue,
                &app.scheduler,
                now,
            );
            app.dispatch(Action::StartSession(plan, now));
            Route::Session.go();
        })
    };
    let started = !state.starts_with("Not");
    html! {
        <>
            <nav class="nhsuk-back-link" aria-label="Back">
                <a class="nhsuk-back-link__link" href={Route::Module { module: module.id.clone() }.href()}>{ &module.title }</a>
            </nav>
            <span class="nhsuk-caption-l">{ &module.title }</span>
            <h1>{ &lesson.title }</h1>
            <p class="nhsuk-lede-text">{ &lesson.objective }</p>
            <p><strong class={classes!("nhsuk-tag", tag)}>{ state }</strong></p>
            <p>{ format!("{} questions, about {:.0} minutes.", lesson.items.len(), lesson.minutes.ceil()) }</p>
            <button type="button" class="nhsuk-button" onclick={start}>{ if started { "Go through this lesson again" } else { "Start this lesson" } }</button>
        </>
    }
}
