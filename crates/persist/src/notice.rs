//! Plain-words notices for the learner and quarantine copies of data that could not be read.

use serde::{Deserialize, Serialize};

/// A message about the learner's saved data, written for the learner (no jargon, says what to do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

impl Notice {
    pub(crate) fn new(title: impl Into<String>, body: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            body: body.into(),
        }
    }
}

/// Saved data that could not be read, kept byte for byte so nothing is ever silently thrown
/// away. The browser keeps these beside the progress and every export includes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quarantined {
    /// Where the data was found, for example `event record "device-a:12"` or `settings`.
    pub source: String,
    /// Why it could not be used, in words.
    pub reason: String,
    /// When it was set aside (UTC ms, the device's clock).
    pub found_at_ms: i64,
    /// The data exactly as it was found. Long texts are written as a list of pieces (joined
    /// without separators) so that no single string in an export is longer than an import
    /// accepts.
    #[serde(with = "chunked")]
    pub text: String,
}

/// The sentence every damaged-data notice ends with: how to get hold of the kept copy.
pub(crate) const HOW_TO_EXPORT: &str = "A copy of the damaged data has been kept on this device. \
    To save it, or to send it to your training team, choose Export my progress in Settings: the \
    copy is included in the exported file.";

/// "1 answer" / "3 answers".
pub(crate) fn count(number: usize, one: &str, many: &str) -> String {
    if number == 1 {
        format!("1 {one}")
    } else {
        format!("{number} {many}")
    }
}

/// Serialises a long string as a list of pieces of at most [`CHUNK_BYTES`]; reads either form.
mod chunked {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub const CHUNK_BYTES: usize = 256 * 1024;

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Text {
        Whole(String),
        Pieces(Vec<String>),
    }

    pub fn serialize<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
        if text.len() <= CHUNK_BYTES {
            return text.serialize(serializer);
        }
        pieces(text).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        Ok(match Text::deserialize(deserializer)? {
            Text::Whole(text) => text,
            Text::Pieces(pieces) => pieces.concat(),
        })
    }

    /// Splits at character boundaries into pieces of at most `CHUNK_BYTES`.
    fn pieces(text: &str) -> Vec<&str> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let mut end = rest.len().min(CHUNK_BYTES);
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            pieces.push(&rest[..end]);
            rest = &rest[end..];
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quarantined_text_round_trips_in_pieces() {
        let text = "é".repeat(chunked::CHUNK_BYTES) + "tail";
        let kept = Quarantined {
            source: "settings".into(),
            reason: "test".into(),
            found_at_ms: 0,
            text,
        };
        let json = serde_json::to_value(&kept).unwrap();
        assert_eq!(json["text"].as_array().unwrap().len(), 3);
        let back: Quarantined = serde_json::from_value(json).unwrap();
        assert_eq!(back, kept);
        let short: Quarantined =
            serde_json::from_str(r#"{"source":"s","reason":"r","found_at_ms":1,"text":"abc"}"#)
                .unwrap();
        assert_eq!(short.text, "abc");
    }
}
