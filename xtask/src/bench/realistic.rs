//! The simulated benchmark log made to look like the app's own: real item ids from the bundled
//! content and event ids in the app's format, so the storage figures count realistic bytes.

use std::collections::HashMap;

use anyhow::Result;
use engine::{EventId, ItemId, ReviewEvent, ReviewLog};

use crate::{content_cmd, project_root};

/// Every item id of the bundled modules (content/), in catalogue order.
pub fn bundled_item_ids() -> Result<Vec<String>> {
    let tree = content_cmd::load(&project_root().join("content"))?;
    let checked = content::check(&tree, &content::Options::default())
        .map_err(|errors| anyhow::anyhow!("content/ is not valid:\n{errors}"))?;
    let ids: Vec<String> = checked
        .modules
        .iter()
        .flat_map(|(summary, _)| &summary.lessons)
        .flat_map(|lesson| &lesson.items)
        .map(|item| item.id.clone())
        .collect();
    anyhow::ensure!(!ids.is_empty(), "content/ has no items");
    Ok(ids)
}

/// The simulated log as the app would write it: each simulated item takes a real item id from
/// the bundled content (in turn, so a log with more items than the content reuses them), and each
/// event an id in the format `src/pages/session.rs` makes, `d<16 hex>:<time>:<hex token>`.
/// Timings use the simulated log itself, whose items are all distinct.
pub fn as_the_app_writes_it(log: &ReviewLog, item_ids: &[String]) -> ReviewLog {
    let device = "d5f3a9c01b7e24d68";
    let mut real: HashMap<&ItemId, ItemId> = HashMap::new();
    let events = log
        .events()
        .iter()
        .enumerate()
        .map(|(index, event)| {
            let next = real.len();
            let item_id = real
                .entry(&event.item_id)
                .or_insert_with(|| ItemId::new(item_ids[next % item_ids.len()].clone()))
                .clone();
            // Multiplying by an odd number is one-to-one on u32, so every token differs, like
            // the app's random one does in practice.
            let token = u32::try_from(index)
                .unwrap_or(u32::MAX)
                .wrapping_mul(0x9E37_79B9);
            ReviewEvent {
                id: EventId::new(format!("{device}:{}:{token:x}", event.at_ms)),
                item_id,
                ..event.clone()
            }
        })
        .collect();
    ReviewLog::from_events(events)
}
