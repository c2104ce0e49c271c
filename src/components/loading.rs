//! What a screen shows while the catalogue and saved data load, or when they could not.

use yew::prelude::*;

use crate::state::use_app;

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
