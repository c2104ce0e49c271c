//! Markdown to a safe HTML subset: raw HTML is refused, links must be https (or mailto/tel) and
//! open in a new context without an opener, images must be module files with alt text.

use std::collections::BTreeSet;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::error::ErrorKind;
use crate::source::{Loc, Report};

/// Where a piece of Markdown sits, so problems in it are reported at the right place.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'a> {
    pub loc: Loc<'a>,
    /// For Markdown inside a TOML string, whose offsets do not map back to the file (quotes and
    /// escapes), every problem is reported at the key instead.
    pub fixed: Option<usize>,
}

impl Place<'_> {
    fn at(&self, offset: usize) -> usize {
        self.fixed.unwrap_or(offset)
    }
}

/// The images a module's Markdown may use and where they are published.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Media<'a> {
    /// The module folder, as in the source tree (`cyber-security`).
    pub module: &'a str,
    /// Every non-text file in the source tree.
    pub assets: &'a BTreeSet<String>,
    /// The published prefix for media, for example `content/media/`.
    pub base: &'a str,
}

/// Rendered Markdown with what the lesson estimate and the compiler need to know.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Rendered {
    pub html: String,
    /// Words of text, for the reading-time estimate.
    pub words: usize,
    /// Module-relative image paths used (`diagram.png`), to publish.
    pub images: Vec<String>,
}

/// The Markdown features content may use; no raw HTML, footnotes or heading attributes.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Renders Markdown to safe HTML, reporting raw HTML, unsafe links and bad images.
pub(crate) fn render(
    markdown: &str,
    place: Place<'_>,
    media: Media<'_>,
    r: &mut Report,
) -> Rendered {
    let mut out = Rendered::default();
    let mut events = Vec::new();
    let mut image: Option<(usize, String)> = None;
    // Whether each open link was rendered: an unsafe link keeps its text but loses the anchor.
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let at = place.at(range.start);
        if let (Some((_, alt)), Event::Text(text) | Event::Code(text)) = (&mut image, &event) {
            alt.push_str(text);
        }
        match event {
            Event::Html(html) | Event::InlineHtml(html) => raw_html(&html, place, at, r),
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                let href = link_target(link_type, &dest_url);
                let safe = check_link(&href, place, at, r);
                if safe {
                    events.push(Event::Html(open_link(&href, &title).into()));
                }
                links.push(safe);
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(false) {
                    events.push(Event::Html("</a>".into()));
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                image = Some((at, String::new()));
                let src = image_source(&dest_url, place, at, media, r, &mut out.images);
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: src.into(),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                if let Some((at, alt)) = image.take() {
                    check_alt(&alt, place, at, r);
                }
                events.push(Event::End(TagEnd::Image));
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                out.words += text.split_whitespace().count();
                events.push(event);
            }
            other => events.push(other),
        }
    }
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out
}

/// The address a link goes to; email autolinks (`<a@b.nhs.uk>`) become `mailto:`.
fn link_target(link_type: LinkType, dest: &CowStr<'_>) -> String {
    match link_type {
        LinkType::Email => format!("mailto:{dest}"),
        _ => dest.to_string(),
    }
}

/// Only an allow-list of schemes, written plainly, is accepted: browsers ignore tabs and
/// newlines inside a scheme, so anything with spaces or control characters is refused too.
pub(crate) fn is_safe_link(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    let allowed = ["https://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    allowed && !href.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Reports an unsafe link; returns whether the link is safe to render.
fn check_link(href: &str, place: Place<'_>, at: usize, r: &mut Report) -> bool {
    let safe = is_safe_link(href);
    if !safe {
        let what = format!("link to `{}` is not allowed", shorten(href));
        let fix = "Link only to https:// addresses (or mailto: and tel:)";
        r.add(
            &place.loc,
            at,
            ErrorKind::UnsafeLink,
            what,
            format!("{fix}."),
        );
    }
    safe
}

fn open_link(href: &str, title: &str) -> String {
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape_attribute(title))
    };
    format!(
        "<a href=\"{}\"{title} rel=\"noopener noreferrer\" target=\"_blank\">",
        escape_attribute(href)
    )
}

fn raw_html(html: &str, place: Place<'_>, at: usize, r: &mut Report) {
    let what = format!("raw HTML `{}` is not allowed", shorten(html.trim()));
    let fix = "Write Markdown instead; to show a `<` character, write `\\<`";
    r.add(&place.loc, at, ErrorKind::RawHtml, what, format!("{fix}."));
}

/// Checks that an image is a file in the module folder and returns its published address.
fn image_source(
    dest: &str,
    place: Place<'_>,
    at: usize,
    media: Media<'_>,
    r: &mut Report,
    used: &mut Vec<String>,
) -> String {
    let path = format!("{}/{dest}", media.module);
    let plain = !dest.is_empty() && !dest.contains("..") && !dest.contains(':');
    if plain && media.assets.contains(&path) {
        if !used.iter().any(|u| u == dest) {
            used.push(dest.to_string());
        }
        return format!("{}{path}", media.base);
    }
    let what = format!(
        "image `{}` is not a file in the module folder",
        shorten(dest)
    );
    let fix = format!(
        "Put the image in `{}/` and check the spelling of its name",
        media.module
    );
    r.add(
        &place.loc,
        at,
        ErrorKind::MissingImage,
        what,
        format!("{fix}."),
    );
    String::new()
}

fn check_alt(alt: &str, place: Place<'_>, at: usize, r: &mut Report) {
    if alt.trim().is_empty() {
        let what = "image has no alt text";
        let fix = "Describe the image between the brackets: `![what it shows](file.png)`";
        r.add(
            &place.loc,
            at,
            ErrorKind::MissingAlt,
            what,
            format!("{fix}."),
        );
    }
}

/// Escapes text for use inside a double-quoted HTML attribute.
pub(crate) fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// At most 40 characters of something quoted in a message.
fn shorten(text: &str) -> String {
    let first_line = text.lines().next().unwrap_or("");
    if first_line.chars().count() > 40 || first_line.len() < text.len() {
        let cut: String = first_line.chars().take(40).collect();
        format!("{cut}...")
    } else {
        first_line.to_string()
    }
}

#[cfg(test)]
mod tests;
