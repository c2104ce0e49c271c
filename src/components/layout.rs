//! The page frame: skip link, header with the site's name, primary navigation, notices about
//! saved data, and the footer.

use yew::prelude::*;

use crate::route::Route;
use crate::state::{Action, use_app};

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    /// The navigation section of the current screen, marked with `aria-current`.
    pub section: Route,
    pub children: Html,
}

/// Wraps every screen so the header and navigation are the same everywhere.
#[function_component(Layout)]
pub fn layout(props: &LayoutProps) -> Html {
    let app = use_app();
    let site = app.catalogue.as_ref().map(|catalogue| &catalogue.site);
    let name = site.map_or_else(|| "Microlearn".to_string(), |site| site.name.clone());
    // The trust's logo from site.toml, before its name. The content check insists on alt text;
    // the link's name is then "<logo alt> <site name>", as on the trust's own pages.
    let logo = site.and_then(|site| site.logo.clone().zip(site.logo_alt.clone()));
    html! {
        <>
            <a class="nhsuk-skip-link" href="#maincontent" onclick={skip_to_main()}>{ "Skip to main content" }</a>
            <header class="nhsuk-header app-header" role="banner">
                <div class="nhsuk-header__container nhsuk-width-container">
                    <a class="nhsuk-header__service-name app-brand" href={Route::Today.href()}>
                        if let Some((src, alt)) = logo {
                            <img class="app-brand__logo" {src} {alt} height="40" />
                        }
                        { name }
                    </a>
                </div>
                <Navigation current={props.section.clone()} />
            </header>
            <main class="nhsuk-width-container nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                <Notices />
                { props.children.clone() }
            </main>
            <footer class="nhsuk-footer app-footer" role="contentinfo">
                <div class="nhsuk-width-container">
                    <p class="nhsuk-body-s">{ "Your progress stays on this device. There is no account." }</p>
                    <p class="nhsuk-body-s"><a href={Route::About.href()}>{ "About, privacy and accessibility" }</a></p>
                </div>
            </footer>
        </>
    }
}

/// The skip link focuses the main content without changing the hash route.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|event: MouseEvent| {
        event.prevent_default();
        crate::browser::focus_by_id("maincontent");
    })
}

/// Messages from storage (quarantined data, a newer version, a full disk) in plain words.
#[function_component(Notices)]
fn notices() -> Html {
    let app = use_app();
    if app.notices.is_empty() && app.storage_error.is_none() {
        return Html::default();
    }
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::DismissNotices))
    };
    html! {
        <div class="nhsuk-warning-callout app-notices" role="status">
            <h2 class="nhsuk-warning-callout__label"><span role="text">{ "About your saved progress" }</span></h2>
            if let Some(error) = &app.storage_error { <p>{ error }</p> }
            { for app.notices.iter().map(|notice| html! {
                <><p><strong>{ &notice.title }</strong></p><p>{ &notice.body }</p></>
            }) }
            if !app.notices.is_empty() {
                <button type="button" class="nhsuk-button nhsuk-button--secondary" onclick={dismiss}>{ "OK" }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NavigationProps {
    current: Route,
}

/// The primary navigation; the current screen's section is marked with `aria-current`.
#[function_component(Navigation)]
fn navigation(props: &NavigationProps) -> Html {
    let current = &props.current;
    let items = Route::NAVIGATION.iter().map(|(route, label)| {
        let is_current = current == route;
        html! {
            <li>
                <a class="app-nav__link" href={route.href()} aria-current={is_current.then_some("page")}>
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
