//! `site.toml`: the organisation's name, look, help contact and module order.

use super::fields::{Fields, Val};
use super::parse_toml;
use crate::error::ErrorKind;
use crate::model::Site;
use crate::source::{Loc, Report, SourceTree};

const KEYS: [&str; 7] = [
    "name",
    "tagline",
    "accent_colour",
    "logo",
    "logo_alt",
    "help_contact",
    "modules",
];

/// The site settings as read, before the logo is given its published address.
#[derive(Debug, Clone)]
pub(crate) struct SiteConfig {
    pub site: Site,
    /// The logo file, relative to the content root.
    pub logo_file: Option<String>,
    /// `modules` if given: the exact list and order.
    pub modules: Option<Vec<Val<String>>>,
}

/// The settings used when there is no site.toml (checking a single module folder).
pub(crate) fn default_site() -> SiteConfig {
    SiteConfig {
        site: Site {
            name: "Microlearn".into(),
            tagline: None,
            accent_colour: None,
            logo: None,
            logo_alt: None,
            help_contact: None,
        },
        logo_file: None,
        modules: None,
    }
}

/// Reads site.toml; returns None (with errors reported) when it cannot be read at all.
pub(crate) fn parse_site(
    tree: &SourceTree,
    path: &str,
    text: &str,
    r: &mut Report,
) -> Option<SiteConfig> {
    let loc = Loc::file(path, text);
    let doc = parse_toml(text, loc, r)?;
    let fields = Fields {
        table: doc.get_ref(),
        at: 0,
        loc,
        name: "site.toml",
    };
    fields.check_keys(&KEYS, r);
    let mut config = default_site();
    if let Some(name) = fields.required_text("name", r) {
        config.site.name = name.value;
    }
    config.site.tagline = fields.text("tagline", r).map(|v| v.value);
    config.site.help_contact = fields.text("help_contact", r).map(|v| v.value);
    config.site.accent_colour = fields.text("accent_colour", r).map(|colour| {
        check_colour(&colour, &loc, r);
        colour.value
    });
    read_logo(tree, &fields, &mut config, r);
    config.modules = fields.text_list("modules", r).map(|list| list.value);
    Some(config)
}

fn check_colour(colour: &Val<String>, loc: &Loc<'_>, r: &mut Report) {
    let hex = colour.value.strip_prefix('#').unwrap_or("");
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        let what = format!("accent colour `{}` is not a #rrggbb colour", colour.value);
        let fix = "Write six hexadecimal digits after `#`, for example `#005EB8` (NHS blue).";
        r.add(loc, colour.at, ErrorKind::InvalidValue, what, fix);
    }
}

fn read_logo(tree: &SourceTree, fields: &Fields<'_, '_>, config: &mut SiteConfig, r: &mut Report) {
    config.site.logo_alt = fields.text("logo_alt", r).map(|v| v.value);
    let Some(logo) = fields.text("logo", r) else {
        return;
    };
    if tree.assets.contains(&logo.value) && !logo.value.contains("..") {
        config.logo_file = Some(logo.value.clone());
    } else {
        let what = format!("logo `{}` is not a file in the content folder", logo.value);
        let fix = "Put the logo file beside site.toml and check the spelling of its name.";
        r.add(&fields.loc, logo.at, ErrorKind::MissingImage, what, fix);
    }
    let alt_missing = config
        .site
        .logo_alt
        .as_deref()
        .is_none_or(|a| a.trim().is_empty());
    if alt_missing {
        let what = "the logo has no alt text";
        let fix = "Add `logo_alt = \"...\"`, usually the organisation's name.";
        r.add(&fields.loc, logo.at, ErrorKind::MissingAlt, what, fix);
    }
}
