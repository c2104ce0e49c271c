//! Rewrites the few stylesheet selectors that make Chromium restyle far more than what changed.
//!
//! When an element is inserted, removed or changes class, Chromium restyles only the elements an
//! "invalidation set" says might now match a different rule. Two kinds of nhsuk-frontend selector
//! give sets that match nearly everything, so each step of a session restyled the whole session
//! screen (42 elements for a 13-element explanation, measured in a trace with Chromium's
//! invalidation tracking):
//!
//! - `[class^=nhsuk-caption]` and `[class^=nhsuk-heading]` (in rules such as `p+[class^=nhsuk-caption]`
//!   and `h2:not([class^=nhsuk-heading])`): an attribute selector on `class`, so a set built from
//!   it matches every element that has a class attribute. Each becomes `:is(...)` of the classes
//!   that start with the prefix, which keeps the specificity (one class, like one attribute).
//! - `.nhsuk-error-summary__body>*+*`: a sibling combinator whose subject is `*`, so inserting any
//!   element restyles its parent's whole subtree. `>*+*` becomes `>:not(:first-child)`, which
//!   matches the same elements (a child with an element before it) and the same specificity.
//!
//! The prefix's classes are read from the full stylesheet, before PurgeCSS, so a class the app uses
//! is in the list even where no rule of its own survived. Prefix matching also matched a class
//! attribute that merely started with the prefix ("nhsuk-caption-m app-x" but not
//! "app-x nhsuk-caption-m"); the rewrite matches the class anywhere, which is what the rules mean.
//! `tests/e2e/styles-purge.spec.mjs` checks every screen's computed styles against the full,
//! unrewritten stylesheet.

use anyhow::{Result, bail};
use std::collections::{BTreeMap, BTreeSet};

const CLASS_PREFIX_OPEN: &str = "[class^=";
const UNIVERSAL_SIBLING: &str = ">*+*";
const FIRST_CHILD_EXCLUDED: &str = ">:not(:first-child)";

/// `css` with every `[class^=prefix]` written as the classes of `full_css` that start with
/// `prefix`, and every `>*+*` as `>:not(:first-child)`.
pub fn cheapen_invalidation(css: &str, full_css: &str) -> Result<String> {
    // A few prefixes are used dozens of times; each list is worked out once.
    let mut lists: BTreeMap<&str, String> = BTreeMap::new();
    let mut rewritten = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find(CLASS_PREFIX_OPEN) {
        let after_open = &rest[start + CLASS_PREFIX_OPEN.len()..];
        let Some(close) = after_open.find(']') else {
            bail!("an unclosed {CLASS_PREFIX_OPEN} in the stylesheet");
        };
        let prefix = after_open[..close].trim_matches(['"', '\'']);
        rewritten.push_str(&rest[..start]);
        if !lists.contains_key(prefix) {
            lists.insert(prefix, any_class_with_prefix(prefix, full_css)?);
        }
        rewritten.push_str(&lists[prefix]);
        rest = &after_open[close + 1..];
    }
    rewritten.push_str(rest);
    let rewritten = rewritten.replace(UNIVERSAL_SIBLING, FIRST_CHILD_EXCLUDED);
    if rewritten.contains("+*") || rewritten.contains("~*") {
        bail!(
            "the stylesheet has a sibling combinator whose subject is `*`, which \
             xtask/src/selectors.rs cannot rewrite; give the subject a class, or teach the \
             rewrite its form"
        );
    }
    Ok(rewritten)
}

/// `:is(.a,.b)` for the classes in `full_css` whose names start with `prefix`.
fn any_class_with_prefix(prefix: &str, full_css: &str) -> Result<String> {
    let classes = classes_with_prefix(prefix, full_css);
    if classes.is_empty() {
        bail!("the stylesheet matches class prefix {prefix:?}, but no class starts with it");
    }
    let list: Vec<String> = classes.iter().map(|name| format!(".{name}")).collect();
    Ok(format!(":is({})", list.join(",")))
}

/// The class names (without the dot) that appear in `css` and start with `prefix`.
fn classes_with_prefix(prefix: &str, css: &str) -> BTreeSet<String> {
    let pattern = format!(".{prefix}");
    let is_name_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    css.match_indices(&pattern)
        .map(|(at, _)| {
            let name = &css[at + 1..];
            let end = name.find(|c: char| !is_name_char(c)).unwrap_or(name.len());
            name[..end].to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = ".nhsuk-caption-m{color:red}.nhsuk-caption--bottom{x:y}.nhsuk-caption-l,\
                        .nhsuk-heading-m{a:b}.nhsuk-body-s{c:d}";

    #[test]
    fn a_class_prefix_becomes_the_classes_that_start_with_it() {
        let css = "p+[class^=nhsuk-caption]{padding-top:0}h2:not([class^=\"nhsuk-heading\"]){m:0}";
        assert_eq!(
            cheapen_invalidation(css, FULL).unwrap(),
            "p+:is(.nhsuk-caption--bottom,.nhsuk-caption-l,.nhsuk-caption-m){padding-top:0}\
             h2:not(:is(.nhsuk-heading-m)){m:0}"
        );
    }

    #[test]
    fn a_universal_sibling_becomes_not_the_first_child() {
        let css = ".nhsuk-error-summary__body>*+*{margin-top:16px}";
        assert_eq!(
            cheapen_invalidation(css, FULL).unwrap(),
            ".nhsuk-error-summary__body>:not(:first-child){margin-top:16px}"
        );
    }

    #[test]
    fn a_stylesheet_without_either_form_is_unchanged() {
        let css = ".nhsuk-body-s+.nhsuk-heading-m{margin-top:0}a[aria-current=page]{x:y}";
        assert_eq!(cheapen_invalidation(css, FULL).unwrap(), css);
    }

    #[test]
    fn a_form_the_rewrite_cannot_handle_fails_the_build() {
        let error = cheapen_invalidation(".a~*{x:y}", FULL).unwrap_err();
        assert!(error.to_string().contains("subject is `*`"), "{error}");
        let error = cheapen_invalidation("[class^=app-nothing]{x:y}", FULL).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the stylesheet matches class prefix \"app-nothing\", but no class starts with it"
        );
    }
}
