//! The app's screens and their deep links (`#/today`, `#/modules/cyber-security/lessons/phishing`).
//! Hash routes work when the app is served from a sub-path and inside an iframe.
//!
//! The routing is this file and `hooks/use_route.rs` rather than yew-router: the app needs only
//! "which screen does the fragment name" and "go to this screen", and yew-router with its history
//! and route-matching crates took 59 KB of the first screen's wasm (BENCHMARKS.md).

use yew::prelude::*;

use crate::pages;

/// Every screen has a URL fragment, so it can be bookmarked and linked from an intranet page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Home,
    /// `/today`
    Today,
    /// `/session`
    Session,
    /// `/modules`
    Modules,
    /// `/modules/:module`
    Module { module: String },
    /// `/modules/:module/lessons/:lesson`
    Lesson { module: String, lesson: String },
    /// `/placement/:module`
    Placement { module: String },
    /// `/progress`
    Progress,
    /// `/progress/certificates/:module`
    Certificate { module: String },
    /// `/settings`
    Settings,
    /// `/about`
    About,
    /// Any other path; its own link is `/404`.
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

    /// The screen a path names (`/modules/cyber-security`), or `NotFound`. A query after `?` and
    /// one trailing slash are ignored; a part of the path is never empty.
    pub fn from_path(path: &str) -> Route {
        let path = path.split('?').next().unwrap_or_default();
        let path = path
            .strip_suffix('/')
            .filter(|rest| !rest.is_empty())
            .unwrap_or(path);
        let Some(rest) = path.strip_prefix('/') else {
            return if path.is_empty() {
                Route::Home
            } else {
                Route::NotFound
            };
        };
        let parts: Vec<&str> = rest.split('/').collect();
        if parts.len() > 1 && parts.iter().any(|part| part.is_empty()) {
            return Route::NotFound;
        }
        let text = |part: &str| part.to_string();
        match parts.as_slice() {
            [""] => Route::Home,
            ["today"] => Route::Today,
            ["session"] => Route::Session,
            ["modules"] => Route::Modules,
            ["modules", module] => Route::Module {
                module: text(module),
            },
            ["modules", module, "lessons", lesson] => Route::Lesson {
                module: text(module),
                lesson: text(lesson),
            },
            ["placement", module] => Route::Placement {
                module: text(module),
            },
            ["progress"] => Route::Progress,
            ["progress", "certificates", module] => Route::Certificate {
                module: text(module),
            },
            ["settings"] => Route::Settings,
            ["about"] => Route::About,
            _ => Route::NotFound,
        }
    }

    /// The path of this screen, which `from_path` reads back as the same route.
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Today => "/today".into(),
            Route::Session => "/session".into(),
            Route::Modules => "/modules".into(),
            Route::Module { module } => format!("/modules/{module}"),
            Route::Lesson { module, lesson } => format!("/modules/{module}/lessons/{lesson}"),
            Route::Placement { module } => format!("/placement/{module}"),
            Route::Progress => "/progress".into(),
            Route::Certificate { module } => format!("/progress/certificates/{module}"),
            Route::Settings => "/settings".into(),
            Route::About => "/about".into(),
            Route::NotFound => "/404".into(),
        }
    }

    /// A relative fragment link to this screen, which keeps working under any sub-path.
    pub fn href(&self) -> String {
        format!("#{}", self.to_path())
    }

    /// Goes to this screen: a new history entry, so Back returns to the screen before.
    pub fn go(&self) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&self.href());
        }
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

/// The screen the page's URL fragment names (`#/modules` names `/modules`).
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    Route::from_path(hash.strip_prefix('#').unwrap_or(&hash))
}

/// The screens after the first, drawn by the second module (`crate::split::render_later`).
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

#[cfg(test)]
mod tests {
    use super::Route;

    fn every_route() -> Vec<Route> {
        let module = || "cyber-security".to_string();
        vec![
            Route::Home,
            Route::Today,
            Route::Session,
            Route::Modules,
            Route::Module { module: module() },
            Route::Lesson {
                module: module(),
                lesson: "phishing".into(),
            },
            Route::Placement { module: module() },
            Route::Progress,
            Route::Certificate { module: module() },
            Route::Settings,
            Route::About,
            Route::NotFound,
        ]
    }

    #[test]
    fn every_route_reads_back_from_its_own_path() {
        for route in every_route() {
            assert_eq!(
                Route::from_path(&route.to_path()),
                route,
                "{}",
                route.to_path()
            );
        }
    }

    #[test]
    fn links_are_fragments() {
        let lesson = Route::Lesson {
            module: "nhs-app".into(),
            lesson: "log-in".into(),
        };
        assert_eq!(lesson.href(), "#/modules/nhs-app/lessons/log-in");
        assert_eq!(Route::Today.href(), "#/today");
    }

    #[test]
    fn an_empty_fragment_is_home_and_a_trailing_slash_or_query_is_ignored() {
        assert_eq!(Route::from_path(""), Route::Home);
        assert_eq!(Route::from_path("/"), Route::Home);
        assert_eq!(Route::from_path("/modules/"), Route::Modules);
        assert_eq!(Route::from_path("/today?from=intranet"), Route::Today);
        assert_eq!(
            Route::from_path("/progress/certificates/nhs-app/"),
            Route::Certificate {
                module: "nhs-app".into()
            }
        );
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "today",
            "/nowhere",
            "/modules//lessons",
            "/modules/a/lessons",
            "/modules/a/lessons/b/c",
            "/settings/extra",
            "/progress/certificates",
            "/404",
        ] {
            assert_eq!(Route::from_path(path), Route::NotFound, "{path}");
        }
    }
}
