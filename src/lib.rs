//! The Yew app: components, routing and browser glue. Decisions live in the engine crate.

mod adapter;
mod browser;
pub mod clock;
mod components;
mod fetch;
mod hooks;
mod insights;
mod pages;
pub mod pieces;
pub mod platform;
pub mod platform_worker;
mod route;
mod session;
mod shared;
mod split;
mod state;
pub mod storage;
mod store;

use yew::prelude::*;

// Public for the browser tests (tests/web.rs), which check when it draws.
pub use components::deferred::Deferred;
pub use route::Route;
use state::AppState;

/// The root component: hash routing (so deep links work from any sub-path and inside an iframe)
/// around the app state and the shared page layout.
#[function_component(App)]
pub fn app() -> Html {
    let app = use_reducer(AppState::default);
    hooks::use_catalogue(app.clone());
    hooks::use_persistence(app.clone());
    hooks::use_display(app.clone());
    split::use_prefetch();
    let route = hooks::use_route();
    html! {
        <ContextProvider<state::AppContext> context={app}>
            <components::layout::Layout section={route.section()}>
                <split::Background />
                { route::render(route) }
            </components::layout::Layout>
        </ContextProvider<state::AppContext>>
    }
}
