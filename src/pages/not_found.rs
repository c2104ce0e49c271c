//! The screen for a link that matches no route.

use yew::prelude::*;

use crate::route::Route;

#[function_component(NotFound)]
pub fn not_found() -> Html {
    html! {
        <>
            <h1>{ "Page not found" }</h1>
            <p>{ "This link does not match a page in Microlearn." }</p>
            <p><a href={Route::Today.href()}>{ "Go to today's learning" }</a></p>
        </>
    }
}
