//! The Yew app: components, routing and browser glue. Decisions live in the engine crate.

use yew::prelude::*;

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    html! { <h1>{ "Microlearn" }</h1> }
}
