//! Id rules: ids are what learner progress is keyed on, so their spelling is strict.

use super::fields::Val;
use crate::error::ErrorKind;
use crate::source::{Loc, Report};

/// Module and lesson ids: lower-case letters, digits and single hyphens.
pub(crate) fn is_plain_id(id: &str) -> bool {
    is_id(id, &['-'])
}

/// Item ids may also use dots: `cyber.phishing.sender-address`.
pub(crate) fn is_item_id(id: &str) -> bool {
    is_id(id, &['-', '.'])
}

fn is_id(id: &str, separators: &[char]) -> bool {
    let alphanumeric = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
    let mut previous_separator = true;
    for c in id.chars() {
        let separator = separators.contains(&c);
        if !(alphanumeric(c) || separator) || (separator && previous_separator) {
            return false;
        }
        previous_separator = separator;
    }
    !id.is_empty() && !previous_separator
}

/// Reports an id that breaks the rules; returns whether it is well formed.
pub(crate) fn check_id(id: &Val<String>, item: bool, loc: &Loc<'_>, r: &mut Report) -> bool {
    let (ok, rule) = if item {
        (
            is_item_id(&id.value),
            "lower-case letters, digits, hyphens and dots",
        )
    } else {
        (
            is_plain_id(&id.value),
            "lower-case letters, digits and hyphens",
        )
    };
    if !ok {
        let what = format!("id `{}` is not allowed", id.value);
        let fix = format!("Use only {rule}, starting and ending with a letter or digit.");
        r.add(loc, id.at, ErrorKind::BadId, what, fix);
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids_are_kebab_case() {
        assert!(is_plain_id("cyber-security"));
        assert!(is_plain_id("nhs-app2"));
        assert!(!is_plain_id("Cyber"));
        assert!(!is_plain_id("a--b"));
        assert!(!is_plain_id("-a"));
        assert!(!is_plain_id("a.b"));
        assert!(!is_plain_id(""));
    }

    #[test]
    fn item_ids_may_use_dots() {
        assert!(is_item_id("cyber.phishing.sender-address"));
        assert!(!is_item_id("cyber..x"));
        assert!(!is_item_id("cyber.x."));
        assert!(!is_item_id("cyber x"));
    }
}
