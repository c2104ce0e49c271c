//! The app's screens and their deep links (`#/today`, `#/modules/cyber-security/lessons/phishing`).
//! Hash routes work when the app is served from a sub-path and inside an iframe.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages;

/// Every screen has a URL fragment, so it can be bookmarked and linked from an intranet page.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/today")]
    Today,
    #[at("/session")]
    Session,
    #[at("/modules")]
    Modules,
    #[at("/modules/:module")]
    Module { module: String },
    #[at("/modules/:module/lessons/:lesson")]
    Lesson { module: String, lesson: String },
    #[at("/placement/:module")]
    Placement { module: String },
    #[at("/progress")]
    Progress,
    #[at("/progress/certificates/:module")]
    Certificate { module: String },
    #[at("/settings")]
    Settings,
    #[at("/about")]
    About,
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

    /// The navigation section a screen belongs to (for `aria-current`).
    pub fn section(&self) -> Route {
        match self {
            Route::Home | Route::Today | Route::Session => Route::Today,
            Route::Modules
            | Route::Module { .. }
            | Route::Lesson { .. }
            | Route::Placement { .. } => Route::Modules,
            Route::Progress | Route::Certificate { .. } => Route::Progress,
            Route::Settings | Route::About => Route::Settings,
            Route::NotFound => Route::NotFound,
        }
    }

    /// A relative fragment link to this screen, which keeps working under any sub-path.
    pub fn href(&self) -> String {
        format!("#{}", self.to_path())
    }
}

/// Maps a route to its page. The first screen (Today) and the not-found page are in the main
/// module; every other screen comes from the second module (`split.rs`).
pub fn render(route: Route) -> Html {
    match route {
        Route::Home | Route::Today => html! { <pages::Today /> },
        Route::NotFound => pages::not_found(),
        route => html! { <crate::split::LaterScreen {route} /> },
    }
}

/// The screens after the first: this function's body is the second module's entry point.
pub fn render_screen(route: Route) -> Html {
    match route {
        Route::Session => html! { <pages::SessionPage /> },
        Route::Modules => html! { <pages::Modules /> },
        Route::Module { module } => html! { <pages::ModulePage {module} /> },
        Route::Lesson { module, lesson } => html! { <pages::LessonPage {module} {lesson} /> },
        Route::Placement { module } => html! { <pages::PlacementPage {module} /> },
        Route::Progress => html! { <pages::Progress /> },
        Route::Certificate { module } => html! { <pages::Certificate {module} /> },
        Route::Settings => html! { <pages::Settings /> },
        Route::About => html! { <pages::About /> },
        Route::Home | Route::Today => html! { <pages::Today /> },
        Route::NotFound => pages::not_found(),
    }
}
