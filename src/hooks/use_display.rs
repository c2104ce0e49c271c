//! Applies the learner's display choices and the site's accent colour to the `<html>` element.

use persist::{TextSize, Theme};
use yew::prelude::*;

use crate::browser::{set_root_class, set_root_property};
use crate::state::AppContext;

/// Keeps the root element's classes in step with the settings.
#[hook]
pub fn use_display(app: AppContext) {
    let settings = app.settings.clone();
    let accent = app
        .catalogue
        .as_ref()
        .and_then(|catalogue| catalogue.site.accent_colour.clone());
    use_effect_with(
        (
            settings.theme,
            settings.text_size,
            settings.reduced_motion,
            accent,
        ),
        |(theme, text_size, reduced_motion, accent)| {
            set_root_class("app-theme-dark", *theme == Theme::Dark);
            set_root_class("app-theme-light", *theme == Theme::Light);
            set_root_class("app-theme-contrast", *theme == Theme::HighContrast);
            set_root_class("app-text-large", *text_size == TextSize::Large);
            set_root_class("app-text-largest", *text_size == TextSize::Largest);
            set_root_class("app-reduced-motion", *reduced_motion);
            if let Some(colour) = accent.as_deref().filter(|c| is_hex_colour(c)) {
                set_root_property("--app-accent", colour);
            }
        },
    );
}

/// Only a plain `#rrggbb` colour from site.toml is applied.
fn is_hex_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
}
