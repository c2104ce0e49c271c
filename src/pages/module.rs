//! One module: what it covers, its lessons and their states, and whether it is in the plan.

use yew::prelude::*;

use super::modules::lesson_state;
use crate::components::loading::Loading;
use crate::route::Route;
use crate::state::{Action, use_app};

#[derive(Properties, PartialEq)]
pub struct ModulePageProps {
    pub module: String,
}

#[function_component(ModulePage)]
pub fn module_page(props: &ModulePageProps) -> Html {
    let app = use_app();
    let Some(catalogue) = app.catalogue.clone().filter(|_| app.ready()) else {
        return html! { <Loading heading="Module" /> };
    };
    let Some(module) = catalogue.modules.iter().find(|m| m.id == props.module) else {
        return super::not_found();
    };
    let in_plan = app
        .engine_catalogue
        .modules
        .iter()
        .any(|m| m.id == module.id);
    let toggle_plan = {
        let app = app.clone();
        let id = module.id.clone();
        let all: Vec<String> = catalogue.modules.iter().map(|m| m.id.clone()).collect();
        Callback::from(move |_: MouseEvent| {
            let mut settings = app.settings.clone();
            if settings.chosen_modules.is_empty() {
                settings.chosen_modules = all.clone();
            }
            if let Some(position) = settings.chosen_modules.iter().position(|m| m == &id) {
                settings.chosen_modules.remove(position);
            } else {
                settings.chosen_modules.push(id.clone());
            }
            app.dispatch(Action::SettingsChanged(settings));
        })
    };
    let lessons = module.lessons.iter().map(|lesson| {
        let (state, tag) = lesson_state(&app, lesson);
        html! {
            <li class="app-lesson-row">
                <a href={Route::Lesson { module: module.id.clone(), lesson: lesson.id.clone() }.href()}>{ &lesson.title }</a>
                <span class="nhsuk-body-s app-lesson-row__meta">{ format!(" About {:.0} minutes. ", lesson.minutes.ceil()) }</span>
                <strong class={classes!("nhsuk-tag", tag)}>{ state }</strong>
            </li>
        }
    });
    html! {
        <>
            <nav class="nhsuk-back-link" aria-label="Back"><a class="nhsuk-back-link__link" href={Route::Modules.href()}>{ "All modules" }</a></nav>
            <h1>{ &module.title }</h1>
            <p class="nhsuk-lede-text">{ &module.summary }</p>
            <p class="nhsuk-body-s">{ format!("For: {}. About {} minutes. Facts checked {}.", module.audience, module.minutes, module.facts_checked) }</p>
            if in_plan {
                <p><strong class="nhsuk-tag nhsuk-tag--green">{ "In your plan" }</strong></p>
            }
            <button type="button" class="nhsuk-button nhsuk-button--secondary" onclick={toggle_plan}>
                { if in_plan { "Remove from my plan" } else { "Add to my plan" } }
            </button>
            if in_plan && module.placement.enabled {
                <p><a href={Route::Placement { module: module.id.clone() }.href()}>{ "Check what you already know" }</a></p>
            }
            <h2>{ "Lessons" }</h2>
            <ol class="app-lesson-list">{ for lessons }</ol>
        </>
    }
}
