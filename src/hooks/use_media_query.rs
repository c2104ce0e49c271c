//! Whether a CSS media query matches, kept up to date as the window is resized or rotated.

use wasm_bindgen::{JsCast, closure::Closure};
use yew::prelude::*;

/// `true` while `query` (for example `"(min-width: 40.0625em)"`) matches.
#[hook]
pub fn use_media_query(query: &'static str) -> bool {
    let matches = use_state(|| media_query_list(query).is_some_and(|list| list.matches()));
    {
        let matches = matches.clone();
        use_effect_with(query, move |query| {
            let list = media_query_list(query);
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                if let Some(list) = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::MediaQueryList>().ok())
                {
                    matches.set(list.matches());
                }
            });
            if let Some(list) = &list {
                let _ = list
                    .add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(list) = list {
                    let _ = list.remove_event_listener_with_callback(
                        "change",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    *matches
}

fn media_query_list(query: &str) -> Option<web_sys::MediaQueryList> {
    web_sys::window()?.match_media(query).ok().flatten()
}
