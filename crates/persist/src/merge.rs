//! Merging an imported file into the progress already on the device: the union of events (so
//! importing twice changes nothing) and settings that never overwrite a learner's own choices.

use crate::AppSettings;
use crate::export::ExportFile;
use engine::{ReviewEvent, ReviewLog, merge_logs};
use std::collections::HashSet;

/// What an import did, for the message the app shows afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Answers from the file that this device did not have.
    pub events_added: usize,
    /// Answers from the file that this device already had.
    pub events_already_present: usize,
    /// Whether the device's settings changed.
    pub settings_changed: bool,
}

/// What to write to take an import in: only what is new.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// Events to add, in replay order.
    pub new_events: Vec<ReviewEvent>,
    /// Settings to save, when they changed.
    pub settings: Option<AppSettings>,
    pub report: ImportReport,
}

impl ImportPlan {
    /// The log the device holds once the plan is written: `current` with the new events.
    pub fn merged_log(&self, current: &ReviewLog) -> ReviewLog {
        merge_logs([current, &ReviewLog::from_events(self.new_events.clone())])
    }
}

/// Plans the import of a checked file into the device's log and settings.
///
/// Events: the union by event id; only the file's events whose ids the device lacks are copied,
/// since a copy of the whole merged log (100,000 answers are 12 MB) is memory a phone may not
/// have. Settings: a device that has not finished its welcome steps takes the file's settings
/// whole (it is being set up from the file); otherwise the device keeps its own, gaining only
/// the file's placement results it lacks and the certificate name if it has none.
pub fn plan_import(current: &ReviewLog, settings: &AppSettings, file: &ExportFile) -> ImportPlan {
    let known: HashSet<&str> = current
        .events()
        .iter()
        .map(|event| event.id.0.as_str())
        .collect();
    let mut in_file: HashSet<&str> = HashSet::with_capacity(file.events.len());
    let mut new_events = Vec::new();
    for event in &file.events {
        let id = event.id.0.as_str();
        if in_file.insert(id) && !known.contains(id) {
            new_events.push(event.clone());
        }
    }
    // Replay order; the file holds no two different events under one id (`parse_import`).
    let new_events: Vec<ReviewEvent> = ReviewLog::from_events(new_events).into();
    let merged_settings = merge_settings(settings, &file.settings);
    let settings_changed = merged_settings != *settings;
    let report = ImportReport {
        events_added: new_events.len(),
        events_already_present: in_file.len() - new_events.len(),
        settings_changed,
    };
    ImportPlan {
        new_events,
        settings: settings_changed.then_some(merged_settings),
        report,
    }
}

fn merge_settings(device: &AppSettings, file: &AppSettings) -> AppSettings {
    if !device.onboarded {
        return file.clone();
    }
    let mut merged = device.clone();
    for (module, &at_ms) in &file.placement_done {
        merged
            .placement_done
            .entry(module.clone())
            .and_modify(|existing| *existing = (*existing).min(at_ms))
            .or_insert(at_ms);
    }
    if merged.learner_name.is_empty() {
        merged.learner_name = file.learner_name.clone();
    }
    merged
}
