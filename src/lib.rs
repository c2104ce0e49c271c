//! The Yew app: components, routing and browser glue. Decisions live in the engine crate.

mod components;
mod pages;
pub mod platform;
mod route;
pub mod storage;

use yew::prelude::*;
use yew_router::prelude::*;

pub use route::Route;

/// The root component: hash routing (so deep links work from any sub-path and inside an iframe)
/// around the shared page layout.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <HashRouter>
            <components::layout::Layout>
                <platform::Platform />
                <Switch<Route> render={route::render} />
            </components::layout::Layout>
        </HashRouter>
    }
}
