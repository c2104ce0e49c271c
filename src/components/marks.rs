//! Right-or-wrong marks after an answer: the NHS design system's tick and cross icons beside
//! words that say which, so the meaning is never carried by colour or icon alone; and the flag
//! on a tapped part of a mock message.
//!
//! The icons are inline SVG, not the "✓" and "✗" characters. Common fonts (Arial, and Liberation
//! Sans on Linux) do not hold those characters, so the browser searches the device's fonts for a
//! fallback the first time each size and weight shows one: 8 ms of the first answer's frame at 4x
//! CPU slowdown in `tests/e2e/perf-jank.spec.mjs`. A phone with no font that holds them shows an
//! empty box. The icon is hidden from assistive technology; the words are read.

use yew::prelude::*;

/// The tick's outline, from nhsuk-frontend 10.6.1 (`dist/nhsuk/assets/images/nhsuk-icon-tick.svg`).
const TICK_PATH: &str = "M11.4 17.5a2 2 0 0 1-2.7.1h-.1L4 12.8a1.5 1.5 0 0 1 2.1-2L10 14.7l8.1-8.1a1.5 1.5 0 1 1 2.2 2l-8.9 9Z";

/// The cross's outline, from nhsuk-frontend 10.6.1 (`dist/nhsuk/assets/images/nhsuk-icon-cross.svg`).
const CROSS_PATH: &str = "M17 18.5c-.4 0-.8-.1-1.1-.4l-10-10c-.6-.6-.6-1.6 0-2.1.6-.6 1.5-.6 2.1 0l10 10c.6.6.6 1.5 0 2.1-.3.3-.6.4-1 .4z M7 18.5c-.4 0-.8-.1-1.1-.4-.6-.6-.6-1.5 0-2.1l10-10c.6-.6 1.5-.6 2.1 0 .6.6.6 1.5 0 2.1l-10 10c-.3.3-.6.4-1 .4z";

/// A tick (`right`) or a cross, sized to the text around it and drawn in its colour.
pub fn mark_icon(right: bool) -> Html {
    let (class, path) = if right {
        ("nhsuk-icon nhsuk-icon--tick app-mark-icon", TICK_PATH)
    } else {
        ("nhsuk-icon nhsuk-icon--cross app-mark-icon", CROSS_PATH)
    };
    html! {
        <svg {class} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" focusable="false" aria-hidden="true">
            <path d={path} />
        </svg>
    }
}

/// The flag on a part of a mock message the learner has tapped as suspicious: drawn, like the
/// marks, rather than the "⚑" character, which common fonts lack. Decoration only: the part's
/// button says whether it is pressed (`aria-pressed`), and its border changes too.
pub fn flag_icon() -> Html {
    html! {
        <svg class="nhsuk-icon app-mark-icon app-flag-icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" focusable="false" aria-hidden="true">
            <path d="M5 2h2v20H5zM8 3h12l-3 5 3 5H8z" />
        </svg>
    }
}

/// A mark line under an answered choice, step or part: the icon, then `text`.
pub fn mark(right: bool, text: impl Into<Html>) -> Html {
    let class = if right {
        "app-mark app-mark--right"
    } else {
        "app-mark app-mark--wrong"
    };
    html! { <strong {class}>{ mark_icon(right) }{ text.into() }</strong> }
}
