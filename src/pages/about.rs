//! About, privacy and accessibility statements, and where to get help.

use yew::prelude::*;

use crate::state::use_app;

#[function_component(About)]
pub fn about() -> Html {
    let app = use_app();
    let site = app.catalogue.as_ref().map(|c| c.site.clone());
    let name = site
        .as_ref()
        .map_or("Microlearn".to_string(), |s| s.name.clone());
    let help = site.and_then(|s| s.help_contact);
    html! {
        <>
            <h1>{ format!("About {name}") }</h1>
            <p>{ "Microlearn teaches NHS staff digital skills in short lessons. It uses spaced repetition: each question comes back just before you would forget it, so a few minutes a day builds lasting knowledge." }</p>
            <h2>{ "Privacy" }</h2>
            <p>{ "There is no account and no server. Your answers, settings and name are stored only in this browser on this device. Nothing is sent anywhere, and no cookies or analytics are used." }</p>
            <p>{ "You can export your progress to a file, import it on another device, or delete it at any time in Settings." }</p>
            <h2>{ "Accessibility" }</h2>
            <p>{ "We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. You can use Microlearn with a keyboard (number keys choose answers, Enter goes on), a screen reader, zoom up to 400%, larger text, dark mode, high contrast and reduced motion." }</p>
            <p>{ "Every chart has a description in words. If something does not work for you, please tell us." }</p>
            <h2>{ "Help" }</h2>
            <p>{ help.unwrap_or_else(|| "Ask your organisation's IT service desk.".to_string()) }</p>
        </>
    }
}
