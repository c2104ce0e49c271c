//! Settings: daily goal, how much to remember, deadlines, display choices, and the learner's
//! data (export, import, reset). Every change is saved at once.

use persist::{AppSettings, TextSize, Theme};
use yew::prelude::*;

use super::settings_data::DataSection;
use crate::components::loading::Loading;
use crate::insights::{iso_date, parse_iso_date};
use crate::route::Route;
use crate::state::{Action, AppContext, use_app};

/// One radio button's value, label and optional hint.
type Choice<T> = (T, &'static str, Option<&'static str>);

fn radios<T: PartialEq + Copy + 'static>(
    name: &str,
    legend: &str,
    options: &[Choice<T>],
    current: T,
    on: Callback<T>,
) -> Html {
    let rows = options.iter().enumerate().map(|(index, (value, label, hint))| {
        let id = format!("{name}-{index}");
        let value = *value;
        let on = on.clone();
        let onchange = Callback::from(move |_: Event| on.emit(value));
        let hint_id = format!("{id}-hint");
        html! {
            <div class="nhsuk-radios__item">
                <input class="nhsuk-radios__input" id={id.clone()} name={name.to_string()} type="radio" checked={current == value} {onchange}
                    aria-describedby={hint.map(|_| hint_id.clone())} />
                <label class="nhsuk-label nhsuk-radios__label" for={id}>{ *label }</label>
                if let Some(hint) = hint { <div class="nhsuk-hint nhsuk-radios__hint" id={hint_id}>{ *hint }</div> }
            </div>
        }
    });
    html! {
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ legend }</legend>
                <div class="nhsuk-radios">{ for rows }</div>
            </fieldset>
        </div>
    }
}

fn checkbox(id: &str, label: &str, checked: bool, on: Callback<bool>) -> Html {
    let onchange = Callback::from(move |event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        on.emit(input.checked());
    });
    html! {
        <div class="nhsuk-form-group"><div class="nhsuk-checkboxes"><div class="nhsuk-checkboxes__item">
            <input class="nhsuk-checkboxes__input" id={id.to_string()} type="checkbox" {checked} {onchange} />
            <label class="nhsuk-label nhsuk-checkboxes__label" for={id.to_string()}>{ label }</label>
        </div></div></div>
    }
}

/// A callback that applies a change to the settings and saves them.
fn update<T: 'static>(app: &AppContext, change: fn(&mut AppSettings, T)) -> Callback<T> {
    let app = app.clone();
    Callback::from(move |value: T| {
        let mut settings = app.settings.clone();
        change(&mut settings, value);
        app.dispatch(Action::SettingsChanged(settings));
    })
}

#[function_component(Settings)]
pub fn settings() -> Html {
    let app = use_app();
    if !app.ready() {
        return html! { <Loading heading="Settings" /> };
    }
    let settings = &app.settings;
    // One choice for every module: show what the first module uses now, which is the module's
    // recommended level until the learner picks their own.
    let retention = app.engine_catalogue.modules.first().map_or(0.9, |module| {
        settings.study.for_module(module).desired_retention
    });
    let retention_key = (retention * 100.0).round() as u32;
    html! {
        <>
            <h1>{ "Settings" }</h1>
            <p class="nhsuk-body-s" role="status">{ "Changes are saved on this device as you make them." }</p>
            <h2>{ "Learning" }</h2>
            { radios("daily-goal", "Daily goal", &[(3, "3 minutes a day", None), (5, "5 minutes a day", None), (10, "10 minutes a day", None), (15, "15 minutes a day", None)],
                settings.study.daily_minutes, update(&app, |s, minutes| s.study.daily_minutes = minutes)) }
            { radios("retention", "How much do you want to remember?", &[
                (80, "Most of it", Some("About 8 in 10 questions right when they come back. Fewest reviews.")),
                (90, "Nearly all of it (recommended)", Some("About 9 in 10 right. A good balance of time and memory.")),
                (95, "Almost everything", Some("About 19 in 20 right. Needs more frequent reviews.")),
            ], retention_key, update_retention(&app)) }
            { checkbox("ask-confidence", "After each answer, ask me how sure I was", settings.ask_confidence, update(&app, |s, on| s.ask_confidence = on)) }
            { deadlines(&app) }
            <h2>{ "Display" }</h2>
            { radios("text-size", "Text size", &[(TextSize::Normal, "Normal", None), (TextSize::Large, "Large", None), (TextSize::Largest, "Largest", None)],
                settings.text_size, update(&app, |s, size| s.text_size = size)) }
            { radios("theme", "Colours", &[(Theme::System, "Same as my device", None), (Theme::Light, "Light", None), (Theme::Dark, "Dark", None),
                (Theme::HighContrast, "High contrast", Some("Black and white with strong outlines."))],
                settings.theme, update(&app, |s, theme| s.theme = theme)) }
            { checkbox("reduced-motion", "Reduce motion (no animations)", settings.reduced_motion, update(&app, |s, on| s.reduced_motion = on)) }
            <DataSection />
            <h2>{ "About" }</h2>
            <p><a href={Route::About.href()}>{ "About Microlearn, privacy and accessibility" }</a></p>
        </>
    }
}

fn update_retention(app: &AppContext) -> Callback<u32> {
    let app = app.clone();
    Callback::from(move |percent: u32| {
        let mut settings = app.settings.clone();
        let ids: Vec<String> = app
            .engine_catalogue
            .modules
            .iter()
            .map(|m| m.id.clone())
            .collect();
        for id in ids {
            settings
                .study
                .modules
                .entry(id)
                .or_default()
                .desired_retention = percent as f32 / 100.0;
        }
        app.dispatch(Action::SettingsChanged(settings));
    })
}

fn deadlines(app: &AppContext) -> Html {
    let Some(catalogue) = &app.catalogue else {
        return Html::default();
    };
    let rows = app.engine_catalogue.modules.iter().filter_map(|module| {
        let summary = catalogue.modules.iter().find(|m| m.id == module.id)?;
        let id = format!("deadline-{}", module.id);
        let value = app.settings.study.module(&module.id).deadline_ms.map(iso_date).unwrap_or_default();
        let app = app.clone();
        let module = module.clone();
        let onchange = Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let mut settings = app.settings.clone();
            // A first deadline keeps the module's recommended retention, not the plain default.
            let current = settings.study.for_module(&module);
            settings.study.modules.entry(module.id.clone()).or_insert(current).deadline_ms = parse_iso_date(&input.value());
            app.dispatch(Action::SettingsChanged(settings));
        });
        Some(html! {
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for={id.clone()}>{ &summary.title }</label>
                <input class="nhsuk-input nhsuk-input--width-10" type="date" id={id} {value} {onchange} />
            </div>
        })
    });
    html! {
        <>
            <h2>{ "Deadlines" }</h2>
            <p class="nhsuk-hint">{ "If a module is mandatory training with a due date, enter it and Today will tell you whether you are on track. Leave it empty if there is none." }</p>
            { for rows }
        </>
    }
}
