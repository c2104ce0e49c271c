//! The serde visitors that read an export file without one `serde_json::Value` of the whole: the
//! top level's header first, then the rest with the events read one at a time (`read_event`).

use super::{ImportError, read_event};
use crate::export::EXPORT_FORMAT;
use crate::notice::Quarantined;
use engine::ReviewEvent;
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::Value;
use std::cell::RefCell;
use std::fmt;

/// The top level's format marker, version and settings; everything else is skipped unread. A
/// key given twice keeps its last value, as a JSON reader would.
#[derive(Default)]
pub(super) struct Header {
    format: Option<Value>,
    schema_version: Option<Value>,
    pub(super) settings: Option<Value>,
}

impl Header {
    /// Checks the `format` marker and returns the file's schema version.
    pub(super) fn version(&self) -> Result<u32, ImportError> {
        if self.format.as_ref().and_then(Value::as_str) != Some(EXPORT_FORMAT) {
            return Err(ImportError::NotAnExport);
        }
        let version = self
            .schema_version
            .as_ref()
            .and_then(Value::as_u64)
            .ok_or_else(|| ImportError::WrongShape {
                detail: "its format number (schema_version) is missing or not a whole number"
                    .into(),
            })?;
        u32::try_from(version).map_err(|_| ImportError::UnknownVersion { version: u32::MAX })
    }
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(HeaderVisitor)
    }
}

struct HeaderVisitor;

impl<'de> Visitor<'de> for HeaderVisitor {
    type Value = Header;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an export file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let mut header = Header::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => header.format = Some(map.next_value()?),
                "schema_version" => header.schema_version = Some(map.next_value()?),
                "settings" => header.settings = Some(map.next_value()?),
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        Ok(header)
    }
}

/// The rest of the top level, read with the events one at a time.
pub(super) struct Parts {
    pub(super) exported_at_ms: i64,
    pub(super) events: Vec<ReviewEvent>,
    pub(super) quarantined: Vec<Quarantined>,
}

/// Reads [`Parts`], handing the events to [`EventsSeed`]; the first unusable event is kept in
/// `first_bad_event` rather than ending the read, so a wrong outline is still reported first.
pub(super) struct PartsSeed<'a> {
    pub(super) version: u32,
    pub(super) first_bad_event: &'a RefCell<Option<ImportError>>,
}

impl<'de> DeserializeSeed<'de> for PartsSeed<'_> {
    type Value = Parts;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Parts, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PartsSeed<'_> {
    type Value = Parts;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an export file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parts, A::Error> {
        let (mut exported_at_ms, mut events, mut quarantined) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "exported_at_ms" => exported_at_ms = Some(map.next_value::<i64>()?),
                "events" => {
                    // A repeated key keeps its last value, and only that value's bad events
                    // (every value must still be well formed: each is read as it comes).
                    self.first_bad_event.replace(None);
                    events = Some(map.next_value_seed(EventsSeed {
                        version: self.version,
                        first_bad_event: self.first_bad_event,
                    })?);
                }
                "quarantined" => quarantined = Some(map.next_value()?),
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        Ok(Parts {
            exported_at_ms: exported_at_ms
                .ok_or_else(|| de::Error::missing_field("exported_at_ms"))?,
            events: events.ok_or_else(|| de::Error::missing_field("events"))?,
            quarantined: quarantined.unwrap_or_default(),
        })
    }
}

/// The events array, each element read as a value, migrated and read as an event in turn.
struct EventsSeed<'a> {
    version: u32,
    first_bad_event: &'a RefCell<Option<ImportError>>,
}

impl<'de> DeserializeSeed<'de> for EventsSeed<'_> {
    type Value = Vec<ReviewEvent>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EventsSeed<'_> {
    type Value = Vec<ReviewEvent>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a list of answers")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut events = Vec::new();
        let mut number = 0;
        while let Some(value) = seq.next_element::<Value>()? {
            number += 1;
            match read_event(value, self.version, number) {
                Ok(event) => events.push(event),
                Err(error) => drop(self.first_bad_event.borrow_mut().get_or_insert(error)),
            }
        }
        Ok(events)
    }
}
