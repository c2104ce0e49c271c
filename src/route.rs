//! The app's screens and their deep links (`#/today`, `#/modules`, ...).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages;

/// Every screen has a URL fragment, so it can be bookmarked and linked from an intranet page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/today")]
    Today,
    #[at("/modules")]
    Modules,
    #[at("/progress")]
    Progress,
    #[at("/settings")]
    Settings,
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The screens reached from the primary navigation, with their link text.
    pub const NAVIGATION: [(Route, &'static str); 4] = [
        (Route::Today, "Today"),
        (Route::Modules, "Modules"),
        (Route::Progress, "Progress"),
        (Route::Settings, "Settings"),
    ];
}

/// Maps a route to its page.
pub fn render(route: Route) -> Html {
    match route {
        Route::Home | Route::Today => html! { <pages::Today /> },
        Route::Modules => html! { <pages::Modules /> },
        Route::Progress => html! { <pages::Progress /> },
        Route::Settings => html! { <pages::Settings /> },
        Route::NotFound => html! { <pages::NotFound /> },
    }
}
