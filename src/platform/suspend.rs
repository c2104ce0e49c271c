//! A compact text encoding of the review log for SCORM's `cmi.suspend_data` (at most 4,096
//! characters in SCORM 1.2). About 12 characters an event, so a few hundred answers fit.
//!
//! Format: `1` (format version), the first event's time in seconds, then per event: a 3-character
//! hash of the item id, seconds since the previous event, two flag characters (rating, kind,
//! confidence, item kind), score in percent, response time in tenths of a second and item version.
//! Numbers are variable-length base-64 (5 bits per character, the sixth says "more follows").
//! Events keep their order; ids are rebuilt from time and item, so decoding twice gives the same
//! ids and merging stays idempotent.

use engine::{Confidence, EventId, EventKind, ItemId, ItemKind, Rating, ReviewEvent};

/// SCORM 1.2's limit for `cmi.suspend_data` (CMIString4096).
pub const SUSPEND_DATA_LIMIT: usize = 4096;
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const FORMAT: char = '1';

/// Encodes the newest events that fit in `limit` characters (older ones are dropped first; the
/// LMS keeps status and score regardless).
pub fn encode(events: &[ReviewEvent], limit: usize) -> String {
    let mut sorted: Vec<&ReviewEvent> = events.iter().collect();
    engine::sort::sort_by(&mut sorted, |a, b| a.replay_order(b));
    for skip in 0..=sorted.len() {
        let text = encode_all(&sorted[skip..]);
        if text.len() <= limit {
            return text;
        }
    }
    String::new()
}

fn encode_all(events: &[&ReviewEvent]) -> String {
    let mut out = String::from(FORMAT);
    let Some(first) = events.first() else {
        return out;
    };
    let mut previous_s = first.at_ms.max(0) / 1000;
    push_number(&mut out, previous_s as u64);
    for event in events {
        let at_s = event.at_ms.max(0) / 1000;
        out.push_str(&item_hash(&event.item_id));
        push_number(&mut out, (at_s - previous_s).max(0) as u64);
        previous_s = previous_s.max(at_s);
        let confidence = match event.confidence {
            None => 0,
            Some(Confidence::Low) => 1,
            Some(Confidence::Medium) => 2,
            Some(Confidence::High) => 3,
        };
        let kind = u8::from(event.kind == EventKind::TestedOut);
        let rating = (event.rating.as_number() - 1) as u8;
        out.push(ALPHABET[usize::from(rating | (kind << 2) | (confidence << 3))] as char);
        out.push(ALPHABET[event.item_kind.index()] as char);
        push_number(
            &mut out,
            (event.score.clamp(0.0, 1.0) * 100.0).round() as u64,
        );
        push_number(&mut out, u64::from(event.response_ms / 100));
        push_number(&mut out, u64::from(event.item_version));
    }
    out
}

/// Decodes what [`encode`] wrote, for the module whose items are `items`. Events of items that
/// are no longer in the module are left out; anything malformed gives an empty log, never a panic.
pub fn decode(text: &str, items: &[ItemId]) -> Vec<ReviewEvent> {
    decode_checked(text, items).unwrap_or_default()
}

fn decode_checked(text: &str, items: &[ItemId]) -> Option<Vec<ReviewEvent>> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    if reader.bytes.first() != Some(&(FORMAT as u8)) {
        return None;
    }
    reader.at = 1;
    let mut events = Vec::new();
    if reader.done() {
        return Some(events);
    }
    let mut at_s = reader.number()?;
    while !reader.done() {
        let hash = reader.take(3)?;
        at_s += reader.number()?;
        let flags = reader.digit()?;
        let item_kind = *ItemKind::ALL.get(usize::from(reader.digit()?))?;
        let score = reader.number()? as f32 / 100.0;
        let response_ms = u32::try_from(reader.number()? * 100).ok()?;
        let item_version = u32::try_from(reader.number()?).ok()?;
        let Some(item_id) = items.iter().find(|id| item_hash(id) == hash) else {
            continue;
        };
        let at_ms = i64::try_from(at_s).ok()? * 1000;
        events.push(ReviewEvent {
            id: EventId::new(format!("scorm-{at_ms}-{hash}-{}", events.len())),
            item_id: item_id.clone(),
            item_version,
            item_kind,
            at_ms,
            rating: Rating::from_number(u32::from(flags & 3) + 1)?,
            score,
            response_ms,
            confidence: match flags >> 3 {
                1 => Some(Confidence::Low),
                2 => Some(Confidence::Medium),
                3 => Some(Confidence::High),
                _ => None,
            },
            kind: if flags & 4 == 0 {
                EventKind::Review
            } else {
                EventKind::TestedOut
            },
        });
    }
    Some(events)
}

/// 18 bits of a stable hash of the item id, as three characters.
fn item_hash(id: &ItemId) -> String {
    let hash = id.0.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    (0..3)
        .map(|i| ALPHABET[((hash >> (6 * i)) & 63) as usize] as char)
        .collect()
}

fn push_number(out: &mut String, mut value: u64) {
    loop {
        let low = (value & 31) as usize;
        value >>= 5;
        if value == 0 {
            out.push(ALPHABET[low] as char);
            return;
        }
        out.push(ALPHABET[low | 32] as char);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn digit(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        ALPHABET.iter().position(|&c| c == byte).map(|p| p as u8)
    }

    fn take(&mut self, count: usize) -> Option<&'a str> {
        let slice = self.bytes.get(self.at..self.at + count)?;
        self.at += count;
        std::str::from_utf8(slice).ok()
    }

    fn number(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..60).step_by(5) {
            let digit = u64::from(self.digit()?);
            value |= (digit & 31) << shift;
            if digit & 32 == 0 {
                return Some(value);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(n: i64, item: &str, rating: Rating) -> ReviewEvent {
        ReviewEvent {
            id: EventId::new(format!("device-{n}")),
            item_id: ItemId::new(item),
            item_version: 2,
            item_kind: ItemKind::Numeric,
            at_ms: 1_795_000_000_000 + n * 61_000,
            rating,
            score: 0.5,
            response_ms: 12_300,
            confidence: Some(Confidence::High),
            kind: EventKind::Review,
        }
    }

    fn items() -> Vec<ItemId> {
        (0..40)
            .map(|i| ItemId::new(format!("cyber.lesson-{i}.question")))
            .collect()
    }

    #[test]
    fn events_survive_the_round_trip() {
        let log: Vec<ReviewEvent> = (0..30)
            .map(|n| {
                event(
                    n,
                    &format!("cyber.lesson-{}.question", n % 40),
                    Rating::ALL[n as usize % 4],
                )
            })
            .collect();
        let text = encode(&log, SUSPEND_DATA_LIMIT);
        let decoded = decode(&text, &items());
        assert_eq!(decoded.len(), log.len());
        for (original, back) in log.iter().zip(&decoded) {
            assert_eq!(back.item_id, original.item_id);
            assert_eq!(back.rating, original.rating);
            assert_eq!(back.at_ms, original.at_ms / 1000 * 1000);
            assert_eq!(
                (back.score, back.response_ms, back.item_version),
                (0.5, 12_300, 2)
            );
            assert_eq!(
                (back.confidence, back.item_kind),
                (Some(Confidence::High), ItemKind::Numeric)
            );
        }
        assert_eq!(
            decode(&text, &items()),
            decoded,
            "ids are stable across decodes"
        );
        assert!(
            text.len() <= 30 * 14,
            "{} characters for 30 events",
            text.len()
        );
    }

    #[test]
    fn a_long_log_keeps_its_newest_events_within_the_limit() {
        let log: Vec<ReviewEvent> = (0..1000)
            .map(|n| event(n, "cyber.lesson-1.question", Rating::Good))
            .collect();
        let text = encode(&log, SUSPEND_DATA_LIMIT);
        assert!(text.len() <= SUSPEND_DATA_LIMIT);
        let decoded = decode(&text, &items());
        assert!(decoded.len() > 250, "only {} events fit", decoded.len());
        assert_eq!(
            decoded.last().unwrap().at_ms,
            log.last().unwrap().at_ms / 1000 * 1000
        );
    }

    #[test]
    fn unknown_items_and_garbage_are_dropped_safely() {
        let text = encode(&[event(1, "gone.item", Rating::Good)], SUSPEND_DATA_LIMIT);
        assert!(decode(&text, &items()).is_empty());
        assert!(decode("<script>alert(1)</script>", &items()).is_empty());
        assert!(decode("1AB", &items()).is_empty());
        assert!(decode("", &items()).is_empty());
    }
}
