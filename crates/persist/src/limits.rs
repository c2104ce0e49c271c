//! Limits an imported file must respect, and a linear pre-scan that enforces the structural ones
//! before any parser allocates: size, nesting depth and the length of any one piece of text.

/// The largest import accepted, in bytes. A review takes about 300 bytes in an export with the
/// bundled content's item ids (`cargo xtask bench`), so this holds some 220,000 reviews: over 12
/// years at 50 answers a day.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// The deepest nesting of `[` and `{` accepted. A real export is at most 5 deep.
pub const MAX_DEPTH: usize = 16;

/// The longest single piece of text accepted anywhere in a file, in bytes. Quarantine copies,
/// the only long texts a real export holds, are written in pieces of 256 KB.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// The longest id (event, item or module) accepted, in bytes.
pub const MAX_ID_BYTES: usize = 200;

/// The longest learner name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// The earliest event time accepted: the Unix epoch (a phone whose clock was reset may record it).
pub const MIN_TIME_MS: i64 = 0;

/// The latest time accepted: 1 January 2100.
pub const MAX_TIME_MS: i64 = 4_102_444_800_000;

/// A structural limit the pre-scan found broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanProblem {
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// One string longer than [`MAX_TEXT_BYTES`]; the length found (so far) is given.
    TextTooLong(usize),
}

/// Walks JSON text once, tracking strings and nesting, without building anything. Malformed JSON
/// is left for the parser to report; this only stops inputs that would be costly to parse.
pub fn scan(text: &str) -> Result<(), ScanProblem> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut string_start = 0usize;
    for (index, byte) in text.bytes().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            if index - string_start > MAX_TEXT_BYTES {
                return Err(ScanProblem::TextTooLong(index - string_start));
            }
            continue;
        }
        match byte {
            b'"' => {
                in_string = true;
                string_start = index;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ScanProblem::TooDeep);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Whether a time is in the accepted range.
pub fn time_in_range(at_ms: i64) -> bool {
    (MIN_TIME_MS..=MAX_TIME_MS).contains(&at_ms)
}

/// Why an id is unacceptable, if it is: empty, too long, or holding control characters.
pub fn id_problem(id: &str) -> Option<&'static str> {
    if id.trim().is_empty() {
        Some("is empty")
    } else if id.len() > MAX_ID_BYTES {
        Some("is too long")
    } else if id.chars().any(char::is_control) {
        Some("contains control characters")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_inside_strings_does_not_count() {
        let text = format!("{{\"a\":\"{}\"}}", "[".repeat(100));
        assert_eq!(scan(&text), Ok(()));
    }

    #[test]
    fn deep_nesting_is_caught() {
        let text = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(scan(&text), Err(ScanProblem::TooDeep));
        assert_eq!(scan(&"[".repeat(MAX_DEPTH)), Ok(()));
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        let text = format!("[\"\\\"{}\"]", "{".repeat(40));
        assert_eq!(scan(&text), Ok(()));
    }

    #[test]
    fn a_huge_string_is_caught() {
        let text = format!("[\"{}\"]", "x".repeat(MAX_TEXT_BYTES + 10));
        assert!(matches!(scan(&text), Err(ScanProblem::TextTooLong(_))));
    }

    #[test]
    fn ids_are_checked() {
        assert_eq!(id_problem("device-a:1"), None);
        assert_eq!(id_problem(" "), Some("is empty"));
        assert_eq!(id_problem(&"x".repeat(201)), Some("is too long"));
        assert_eq!(id_problem("a\u{0}b"), Some("contains control characters"));
    }
}
