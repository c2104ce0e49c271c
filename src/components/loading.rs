//! What a screen shows while the catalogue and saved data load, or when they could not.

use yew::prelude::*;

use crate::state::{Action, AppContext, use_app};

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    pub heading: AttrValue,
}

/// The screen's heading and a loading line (or the reason loading failed).
#[function_component(Loading)]
pub fn loading(props: &LoadingProps) -> Html {
    let app = use_app();
    html! {
        <>
            <h1>{ &props.heading }</h1>
            if let Some(error) = &app.catalogue_error {
                <p class="app-loading">{ "The lessons could not be loaded. " }{ error }</p>
            } else {
                <p class="app-loading" role="status">{ "Loading your lessons…" }</p>
            }
        </>
    }
}

/// While a module file loads: a status line; if it could not be loaded (no signal and not yet
/// cached, or a damaged file), what happened and a button to try again. A plain function, not a
/// component: it holds no state, and each Yew component costs code size on the first screen.
pub fn module_loading(app: &AppContext, module_id: &str, what: &str) -> Html {
    if !app.failed_modules.iter().any(|id| id == module_id) {
        return html! { <p role="status">{ format!("Loading {what}…") }</p> };
    }
    let retry = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::RetryModules))
    };
    could_not_load("This lesson could not be loaded", retry)
}

/// A part of the app that could not be fetched: what happened, that nothing is lost, and a
/// button to try again.
pub fn could_not_load(title: &'static str, retry: Callback<MouseEvent>) -> Html {
    html! {
        <div class="nhsuk-warning-callout" role="alert">
            <h2 class="nhsuk-warning-callout__label"><span role="text">{ title }</span></h2>
            <p>{ "Check that you have a signal or Wi-Fi, then try again. Your progress so far is saved." }</p>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" onclick={retry}>{ "Try again" }</button>
        </div>
    }
}
