//! The screen for a link that matches no route.

use yew::prelude::*;

use crate::route::Route;

/// A plain function rather than a component: it has no state, and a component costs code size.
pub fn not_found() -> Html {
    html! {
        <>
            <h1>{ "Page not found" }</h1>
            <p>{ "This link does not match a page in Microlearn." }</p>
            <p><a href={Route::Today.href()}>{ "Go to today's learning" }</a></p>
        </>
    }
}
