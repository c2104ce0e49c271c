//! A printable certificate of completion for a module: the learner's typed name (kept on this
//! device), the module, the date and what was mastered, for appraisal and CPD evidence.

use yew::prelude::*;

use crate::browser::print_page;
use crate::clock::now_ms;
use crate::components::loading::Loading;
use crate::insights::{format_date, percent};
use crate::route::Route;
use crate::state::{Action, AppContext, use_app};

#[derive(Properties, PartialEq)]
pub struct CertificateProps {
    pub module: String,
}

#[function_component(Certificate)]
pub fn certificate(props: &CertificateProps) -> Html {
    let app = use_app();
    let Some(catalogue) = app.catalogue.clone().filter(|_| app.ready()) else {
        return html! { <Loading heading="Certificate" /> };
    };
    let Some(module) = catalogue.modules.iter().find(|m| m.id == props.module) else {
        return super::not_found();
    };
    let now = now_ms();
    let report = app.mastery(now);
    let Some(progress) = report.modules.iter().find(|m| m.module_id == module.id) else {
        return html! { <><h1>{ "Certificate" }</h1><p>{ "This module is not in your plan." }</p></> };
    };
    if !progress.complete {
        return html! {
            <>
                <h1>{ "Certificate" }</h1>
                <p>{ format!("Your certificate for {} is ready when you have learned every question and remember at least {} of the module.",
                    module.title, percent(target_retention(&app, &module.id))) }</p>
                <p><a href={Route::Module { module: module.id.clone() }.href()}>{ "Carry on with this module" }</a></p>
            </>
        };
    }
    let oninput = {
        let app = app.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let mut settings = app.settings.clone();
            settings.learner_name = input.value();
            app.dispatch(Action::SettingsChanged(settings));
        })
    };
    // The module is complete now, so it was first completed at some answer; the day of viewing
    // stands in only if the log cannot be replayed. It replays this module's answers on every
    // render (typing the name re-renders), as the mastery above does: memoising it cost the
    // first screen about 370 bytes, for a few milliseconds on a screen used once per module.
    let completed_ms = app.first_completed_ms(&module.id).unwrap_or(now);
    let print = Callback::from(|_: MouseEvent| print_page());
    let name = app.settings.learner_name.clone();
    html! {
        <>
            <div class="app-no-print">
                <h1>{ "Certificate" }</h1>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for="learner-name">{ "Your name, as it should appear" }</label>
                    <div class="nhsuk-hint" id="learner-name-hint">{ "It stays on this device." }</div>
                    <input class="nhsuk-input" id="learner-name" type="text" autocomplete="name" value={name.clone()} {oninput}
                        aria-describedby="learner-name-hint" />
                </div>
                <button type="button" class="nhsuk-button" onclick={print}>{ "Print or save as PDF" }</button>
            </div>
            <article class="app-certificate" aria-label="Certificate of completion">
                <p class="app-certificate__kicker">{ format!("{}: certificate of completion", catalogue.site.name) }</p>
                <p class="app-certificate__name">{ if name.trim().is_empty() { "Your name".to_string() } else { name } }</p>
                <p>{ "has completed" }</p>
                <p class="app-certificate__module">{ &module.title }</p>
                <p>{ format!("on {}, learning all {} questions. Today they remember about {} of them.", format_date(completed_ms), progress.mastery.total, percent(progress.mastery.recall)) }</p>
                <p>{ "Lessons mastered:" }</p>
                <ul>{ for module.lessons.iter().map(|lesson| html! { <li>{ &lesson.title }</li> }) }</ul>
                <p class="nhsuk-body-s">{ format!("About {} minutes of learning. Facts checked {}.", module.minutes, module.facts_checked) }</p>
            </article>
        </>
    }
}

/// The recall the module must reach: the learner's choice, else the module's recommendation.
fn target_retention(app: &AppContext, module_id: &str) -> f32 {
    app.engine_catalogue
        .modules
        .iter()
        .find(|module| module.id == module_id)
        .map_or(0.9, |module| {
            app.settings.study.for_module(module).desired_retention
        })
}
