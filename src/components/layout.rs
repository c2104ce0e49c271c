//! The page frame: skip link, NHS-style header, primary navigation and footer.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub children: Html,
}

/// Wraps every screen so the header and navigation are the same everywhere.
#[function_component(Layout)]
pub fn layout(props: &LayoutProps) -> Html {
    html! {
        <>
            <a class="nhsuk-skip-link" href="#maincontent">{ "Skip to main content" }</a>
            <header class="nhsuk-header" role="banner">
                <div class="nhsuk-header__container nhsuk-width-container">
                    <span class="nhsuk-header__service-name app-brand">{ "Microlearn" }</span>
                </div>
                <Navigation />
            </header>
            <main class="nhsuk-width-container nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                { props.children.clone() }
            </main>
            <footer class="nhsuk-footer" role="contentinfo">
                <div class="nhsuk-width-container">
                    <p class="nhsuk-body-s">{ "Your progress stays on this device. There is no account." }</p>
                </div>
            </footer>
        </>
    }
}

/// The primary navigation; the current screen is marked with `aria-current`.
#[function_component(Navigation)]
fn navigation() -> Html {
    let current = use_route::<Route>();
    let items = Route::NAVIGATION.iter().map(|(route, label)| {
        let is_current =
            current == Some(*route) || (current == Some(Route::Home) && *route == Route::Today);
        // A plain fragment link keeps the URL relative, so it works under any sub-path.
        let href = format!("#{}", route.to_path());
        html! {
            <li>
                <a class="app-nav__link" {href} aria-current={is_current.then_some("page")}>
                    { *label }
                </a>
            </li>
        }
    });
    html! {
        <nav class="app-nav" aria-label="Primary">
            <ul class="app-nav__list nhsuk-width-container">{ for items }</ul>
        </nav>
    }
}
