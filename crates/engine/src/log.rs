//! The append-only review log: the single source of truth from which all learner state is derived.
//!
//! Events are kept in replay order, `(at_ms, id)`, and de-duplicated by their stable event id, so
//! merging two copies of a log (two tabs, an imported file) is a lossless set union.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashSet;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

/// A stable identifier for an item of content (for example `"hand-hygiene/5-moments/q3"`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub String);

impl ItemId {
    /// Wraps anything string-like as an item id.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }
}

impl std::fmt::Display for ItemId {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

/// A stable, globally unique identifier for one event, chosen by the app when it records the
/// event (for example a device id plus a counter). Merging relies on it never being reused.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub String);

impl EventId {
    /// Wraps anything string-like as an event id.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }
}

/// The FSRS rating of one review, as Anki numbers them (1 = Again .. 4 = Easy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rating {
    /// The answer was wrong: the item was forgotten.
    Again = 1,
    /// Right, but slow, unsure or only partly right.
    Hard = 2,
    /// Right.
    Good = 3,
    /// Right, fast and sure.
    Easy = 4,
}

impl Rating {
    /// All four ratings from worst to best.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The rating as the number the `fsrs` crate and Anki use (1..=4).
    pub fn as_number(self) -> u32 {
        self as u32
    }

    /// The rating for a number 1..=4, or `None` for anything else.
    pub fn from_number(number: u32) -> Option<Self> {
        match number {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }

    /// Whether the learner recalled the item (every rating except Again).
    pub fn is_recall(self) -> bool {
        self != Rating::Again
    }
}

/// How sure the learner said they were, when the app asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// "I guessed."
    Low,
    /// "I think so."
    Medium,
    /// "I'm sure."
    High,
}

/// The question formats the content crate defines; grading thresholds depend on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    /// One correct option among several.
    Single,
    /// Several correct options to tick; partial credit possible.
    Multiple,
    /// A statement to judge true or false.
    TrueFalse,
    /// Steps to put in order; partial credit possible.
    Order,
    /// A number to enter (doses, rates).
    Numeric,
    /// A short free-text answer.
    Text,
    /// A clinical scenario with several parts; partial credit possible.
    Scenario,
    /// Spot the problem(s) in a picture or record; partial credit possible.
    Spot,
}

impl ItemKind {
    /// Every kind, in a fixed order used to index per-kind tables.
    pub const ALL: [ItemKind; 8] = [
        ItemKind::Single,
        ItemKind::Multiple,
        ItemKind::TrueFalse,
        ItemKind::Order,
        ItemKind::Numeric,
        ItemKind::Text,
        ItemKind::Scenario,
        ItemKind::Spot,
    ];

    /// The position of this kind in [`ItemKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What an event records: an answered question, or an item marked known by a placement test.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// The learner answered the item; `rating` says how well.
    #[default]
    Review,
    /// A placement test showed the learner already knows the item's lesson. It gives a new item
    /// a strong starting memory state and is ignored for items that already have reviews.
    TestedOut,
}

/// One entry of the review log. The app creates it from an answer (see [`crate::grade`]) and
/// stores it as JSON; the engine never changes it.
///
/// ```
/// let json = r#"{"id":"tab-1:7","item_id":"hand-hygiene/q3","item_version":2,
///     "item_kind":"true-false","at_ms":1767603600000,"rating":"good","score":1.0,
///     "response_ms":5400,"confidence":"high"}"#;
/// let event: engine::ReviewEvent = serde_json::from_str(json).unwrap();
/// assert_eq!(event.kind, engine::EventKind::Review); // "kind" defaults to a review
/// assert_eq!(event.rating, engine::Rating::Good);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewEvent {
    /// Stable unique id; merging de-duplicates on it.
    pub id: EventId,
    /// The item answered.
    pub item_id: ItemId,
    /// The version of the item's content that was shown.
    pub item_version: u32,
    /// The item's question format, used for per-kind response-time statistics.
    pub item_kind: ItemKind,
    /// When the answer was given: UTC milliseconds since the Unix epoch.
    pub at_ms: i64,
    /// The FSRS rating derived from the answer.
    pub rating: Rating,
    /// Fraction of the answer that was right, 0.0..=1.0 (partial credit).
    pub score: f32,
    /// How long the learner took to answer, in milliseconds.
    pub response_ms: u32,
    /// How sure the learner said they were, if the app asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// A review or a placement result.
    #[serde(default)]
    pub kind: EventKind,
}

impl ReviewEvent {
    /// The replay order: by time, then by id so equal timestamps still have one order.
    pub fn replay_order(&self, other: &Self) -> Ordering {
        self.at_ms
            .cmp(&other.at_ms)
            .then_with(|| self.id.cmp(&other.id))
    }

    /// A total order that decides which copy survives when two different events share an id
    /// (a corrupt import); it makes merging commutative even then.
    fn identity_order(&self, other: &Self) -> Ordering {
        self.id
            .cmp(&other.id)
            .then_with(|| self.at_ms.cmp(&other.at_ms))
            .then_with(|| self.item_id.cmp(&other.item_id))
            .then_with(|| self.rating.cmp(&other.rating))
            .then_with(|| self.kind.cmp(&other.kind))
            .then_with(|| self.item_version.cmp(&other.item_version))
            .then_with(|| self.response_ms.cmp(&other.response_ms))
            .then_with(|| self.score.to_bits().cmp(&other.score.to_bits()))
            .then_with(|| self.item_kind.cmp(&other.item_kind))
    }
}

/// The review log: events in replay order, each id at most once.
///
/// It serialises as a plain JSON array of events; deserialising re-sorts and de-duplicates, so
/// a hand-edited or concatenated file is still a valid log.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(from = "Vec<ReviewEvent>")]
pub struct ReviewLog {
    events: Vec<ReviewEvent>,
    /// A hash of every event id, so [`ReviewLog::push`] finds a repeat without reading 100,000
    /// ids on every answer. A hash seen before is confirmed against the ids themselves, so a
    /// collision costs one scan and never drops an event.
    id_hashes: HashSet<u64, IdHasher>,
}

/// Two logs are equal when they hold the same events; the index follows from them.
impl PartialEq for ReviewLog {
    fn eq(&self, other: &Self) -> bool {
        self.events == other.events
    }
}

/// SipHash with fixed keys: the engine never reads a random source, so the index must not
/// depend on `RandomState`'s per-process seed.
type IdHasher = BuildHasherDefault<DefaultHasher>;

fn id_hash(id: &EventId) -> u64 {
    IdHasher::default().hash_one(id)
}

impl From<Vec<ReviewEvent>> for ReviewLog {
    fn from(events: Vec<ReviewEvent>) -> Self {
        Self::from_events(events)
    }
}

/// Written straight from the events: serde's `into` would copy the whole log first, megabytes
/// for a long one, and a WebAssembly page's memory never shrinks after such a peak.
impl Serialize for ReviewLog {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.events.serialize(serializer)
    }
}

impl From<ReviewLog> for Vec<ReviewEvent> {
    fn from(log: ReviewLog) -> Self {
        log.events
    }
}

impl ReviewLog {
    /// An empty log.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a log from events in any order, dropping repeated ids.
    pub fn from_events(mut events: Vec<ReviewEvent>) -> Self {
        crate::sort::sort_by(&mut events, ReviewEvent::identity_order);
        events.dedup_by(|later, earlier| later.id == earlier.id);
        crate::sort::sort_by(&mut events, ReviewEvent::replay_order);
        let id_hashes = events.iter().map(|event| id_hash(&event.id)).collect();
        Self { events, id_hashes }
    }

    /// The events in replay order.
    pub fn events(&self) -> &[ReviewEvent] {
        &self.events
    }

    /// How many events the log holds.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether the log holds no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Appends one event, keeping replay order. Returns `false` (and changes nothing) when an
    /// event with the same id is already in the log.
    pub fn push(&mut self, event: ReviewEvent) -> bool {
        let seen_hash = !self.id_hashes.insert(id_hash(&event.id));
        if seen_hash && self.events.iter().any(|existing| existing.id == event.id) {
            return false;
        }
        let position = self
            .events
            .partition_point(|existing| existing.replay_order(&event) == Ordering::Less);
        self.events.insert(position, event);
        true
    }

    /// The union of two logs, de-duplicated by event id. Idempotent, commutative and associative.
    pub fn merge(&self, other: &ReviewLog) -> ReviewLog {
        let mut events = Vec::with_capacity(self.len() + other.len());
        events.extend_from_slice(&self.events);
        events.extend_from_slice(&other.events);
        Self::from_events(events)
    }
}

/// The union of any number of logs, de-duplicated by event id.
pub fn merge_logs<'a>(logs: impl IntoIterator<Item = &'a ReviewLog>) -> ReviewLog {
    let events = logs
        .into_iter()
        .flat_map(|log| log.events.iter().cloned())
        .collect();
    ReviewLog::from_events(events)
}
