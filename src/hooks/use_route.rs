//! The screen the URL fragment names, kept up to date as links, Back and Forward change it.

use wasm_bindgen::{JsCast, closure::Closure};
use yew::prelude::*;

use crate::route::{self, Route};

/// The current route; the component re-renders when the fragment changes.
#[hook]
pub fn use_route() -> Route {
    let current = use_state(route::current);
    {
        let current = current.clone();
        use_effect_with((), move |()| {
            let listener = Closure::<dyn Fn()>::new(move || current.set(route::current()));
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(window) = window {
                    let _ = window.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    (*current).clone()
}
