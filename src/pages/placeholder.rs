//! The four screens of the app shell, before their flows are built.

use yew::prelude::*;

#[function_component(Today)]
pub fn today() -> Html {
    html! {
        <>
            <h1>{ "Microlearn" }</h1>
            <p class="nhsuk-body-l">{ "Digital skills for NHS staff, five minutes at a time." }</p>
            <p>{ "Short lessons in cyber security, data skills and helping patients use the NHS App, with reviews timed to help you remember." }</p>
        </>
    }
}

#[function_component(Modules)]
pub fn modules() -> Html {
    html! { <h1>{ "Modules" }</h1> }
}

#[function_component(Progress)]
pub fn progress() -> Html {
    html! { <h1>{ "Progress" }</h1> }
}

#[function_component(Settings)]
pub fn settings() -> Html {
    html! { <h1>{ "Settings" }</h1> }
}

#[function_component(NotFound)]
pub fn not_found() -> Html {
    html! { <h1>{ "Page not found" }</h1> }
}
