//! The first-run welcome: what Microlearn is, that data stays on the device, a daily goal and
//! which modules to take.

use yew::prelude::*;

use crate::state::{Action, use_app};

/// The goals offered, in minutes a day.
pub const DAILY_GOALS: [u32; 3] = [3, 5, 10];

/// The welcome form; submitting it saves the choices and marks the app as set up.
#[function_component(FirstRun)]
pub fn first_run() -> Html {
    let app = use_app();
    let goal = use_state(|| app.settings.study.daily_minutes);
    let chosen = use_state(|| {
        app.catalogue.as_ref().map_or_else(Vec::new, |catalogue| {
            catalogue
                .modules
                .iter()
                .map(|module| module.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let error = use_state(|| false);
    let Some(catalogue) = app.catalogue.clone() else {
        return Html::default();
    };

    let onsubmit = {
        let (app, goal, chosen, error) = (app.clone(), goal.clone(), chosen.clone(), error.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if chosen.is_empty() {
                error.set(true);
                crate::browser::focus_by_id("error-summary");
                return;
            }
            // Explained on this screen: without it the browser may clear the progress when the
            // phone runs low on space. Some browsers decide without asking; either way the
            // learner goes on.
            wasm_bindgen_futures::spawn_local(async {
                crate::storage::request_persistence().await;
            });
            let mut settings = app.settings.clone();
            settings.study.daily_minutes = *goal;
            settings.chosen_modules = (*chosen).clone();
            settings.onboarded = true;
            app.dispatch(Action::SettingsChanged(settings));
        })
    };
    let goal_rows = DAILY_GOALS.map(|minutes| {
        let checked = *goal == minutes;
        let goal = goal.clone();
        let id = format!("goal-{minutes}");
        let onchange = Callback::from(move |_: Event| goal.set(minutes));
        html! {
            <div class="nhsuk-radios__item">
                <input class="nhsuk-radios__input" id={id.clone()} name="goal" type="radio" {checked} {onchange} />
                <label class="nhsuk-label nhsuk-radios__label" for={id}>{ format!("{minutes} minutes a day") }</label>
            </div>
        }
    });
    let module_rows = catalogue.modules.iter().map(|module| {
        let id = format!("module-{}", module.id);
        let checked = chosen.contains(&module.id);
        let chosen = chosen.clone();
        let module_id = module.id.clone();
        let onchange = Callback::from(move |_: Event| {
            let mut next = (*chosen).clone();
            if let Some(position) = next.iter().position(|id| id == &module_id) {
                next.remove(position);
            } else {
                next.push(module_id.clone());
            }
            chosen.set(next);
        });
        let hint_id = format!("{id}-hint");
        html! {
            <div class="nhsuk-checkboxes__item">
                <input class="nhsuk-checkboxes__input" id={id.clone()} name="modules" type="checkbox" {checked} {onchange}
                    aria-describedby={hint_id.clone()} />
                <label class="nhsuk-label nhsuk-checkboxes__label" for={id}>{ &module.title }</label>
                <div class="nhsuk-hint nhsuk-checkboxes__hint" id={hint_id}>{ format!("{} About {} minutes in all.", module.summary, module.minutes) }</div>
            </div>
        }
    });
    html! {
        <>
            <h1>{ &catalogue.site.name }</h1>
            if let Some(tagline) = &catalogue.site.tagline { <p class="nhsuk-lede-text">{ tagline }</p> }
            <p>{ "Microlearn teaches digital skills for work in short lessons you can do on your phone. It brings back each question just before you would forget it, so a few minutes a day is enough." }</p>
            <div class="nhsuk-inset-text">
                <p>{ "Everything stays on this device. There is no account and nothing is sent anywhere." }</p>
                <p>{ "When you continue, your browser may ask whether Microlearn can keep its data. Saying yes stops your progress being cleared when your phone runs low on space." }</p>
            </div>
            if *error {
                <div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1" id="error-summary">
                    <h2 class="nhsuk-error-summary__title" id="error-summary-title">{ "There is a problem" }</h2>
                    <div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list">
                        <li><a href="#modules-fieldset">{ "Choose at least one module" }</a></li>
                    </ul></div>
                </div>
            }
            <form {onsubmit} novalidate=true>
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                            <h2 class="nhsuk-fieldset__heading">{ "How long would you like to learn each day?" }</h2>
                        </legend>
                        <div class="nhsuk-radios">{ for goal_rows }</div>
                    </fieldset>
                </div>
                <div class={classes!("nhsuk-form-group", error.then_some("nhsuk-form-group--error"))}>
                    <fieldset class="nhsuk-fieldset" id="modules-fieldset">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                            <h2 class="nhsuk-fieldset__heading">{ "Which modules do you want to take?" }</h2>
                        </legend>
                        if *error {
                            <span class="nhsuk-error-message"><span class="nhsuk-u-visually-hidden">{ "Error: " }</span>{ "Choose at least one module" }</span>
                        }
                        <div class="nhsuk-checkboxes">{ for module_rows }</div>
                    </fieldset>
                </div>
                <button class="nhsuk-button" type="submit">{ "Continue" }</button>
            </form>
        </>
    }
}
