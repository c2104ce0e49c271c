//! The session queue under construction: budget accounting and the interleaving of same-day
//! repeats so an item never appears twice in a row.

use super::{DueCandidate, LEARNING_GAP_ITEMS, QueueEntry, QueueReason};
use crate::catalogue::Item;
use crate::log::ItemId;
use std::collections::{BTreeSet, VecDeque};

/// Accumulates the queue and its time estimate.
pub(super) struct QueueBuilder {
    pub(super) budget_ms: u64,
    pub(super) estimated_ms: u64,
    pub(super) primary: Vec<QueueEntry>,
    pub(super) delayed: Vec<QueueEntry>,
    pub(super) planned: BTreeSet<ItemId>,
    pub(super) due_added: usize,
    pub(super) new_added: usize,
}

impl QueueBuilder {
    pub(super) fn new(budget_ms: u64) -> Self {
        Self {
            budget_ms,
            estimated_ms: 0,
            primary: Vec::new(),
            delayed: Vec::new(),
            planned: BTreeSet::new(),
            due_added: 0,
            new_added: 0,
        }
    }

    pub(super) fn has_room(&self) -> bool {
        self.estimated_ms < self.budget_ms
    }

    pub(super) fn add_due(&mut self, candidate: &DueCandidate<'_>, estimate_ms: u32) {
        let entry = QueueEntry {
            item_id: candidate.item.id.clone(),
            module_id: candidate.module.id.clone(),
            reason: candidate.reason,
            estimated_ms: estimate_ms,
            recall: candidate.recall,
        };
        if candidate.ready_now {
            self.primary.push(entry);
        } else {
            self.delayed.push(entry);
        }
        self.estimated_ms += u64::from(estimate_ms);
        self.due_added += 1;
    }

    pub(super) fn add_new(&mut self, item: &Item, module_id: &str, estimate_ms: u32) {
        self.planned.insert(item.id.clone());
        self.primary.push(QueueEntry {
            item_id: item.id.clone(),
            module_id: module_id.to_owned(),
            reason: QueueReason::New,
            estimated_ms: estimate_ms,
            recall: 0.0,
        });
        self.estimated_ms += 2 * u64::from(estimate_ms);
        self.new_added += 1;
    }

    /// Interleaves repeats and not-yet-due learning items [`LEARNING_GAP_ITEMS`] behind the
    /// primary entries, never putting one item twice in a row.
    pub(super) fn finish(self) -> (Vec<QueueEntry>, u64) {
        let mut pending: VecDeque<(usize, QueueEntry)> = self
            .delayed
            .into_iter()
            .map(|entry| (LEARNING_GAP_ITEMS, entry))
            .collect();
        let mut queue: Vec<QueueEntry> = Vec::new();
        let mut primary = self.primary.into_iter();
        loop {
            let position = queue.len();
            let last = queue.last().map(|entry| entry.item_id.clone());
            let ready = pending.iter().position(|(ready_at, entry)| {
                *ready_at <= position && Some(&entry.item_id) != last.as_ref()
            });
            if let Some(index) = ready {
                let (_, entry) = pending.remove(index).expect("index came from position()");
                queue.push(entry);
            } else if let Some(entry) = primary.next() {
                if entry.reason == QueueReason::New {
                    let mut repeat = entry.clone();
                    repeat.reason = QueueReason::Repeat;
                    pending.push_back((position + 1 + LEARNING_GAP_ITEMS, repeat));
                }
                queue.push(entry);
            } else if let Some(index) = pending
                .iter()
                .position(|(_, entry)| Some(&entry.item_id) != last.as_ref())
            {
                let (_, entry) = pending.remove(index).expect("index came from position()");
                queue.push(entry);
            } else {
                break;
            }
        }
        (queue, self.estimated_ms)
    }
}
