//! The learner's app settings and the point to resume an interrupted session from.

use engine::Settings as StudySettings;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Text size chosen in Settings (on top of the browser's own zoom).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Largest,
}

/// Colour scheme: follow the device, or a fixed choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
    HighContrast,
}

/// Everything the learner chose. Every field has a default, so settings saved by an older app
/// load in a newer one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppSettings {
    /// What the planner obeys: minutes a day, new items a day, per-module retention and deadlines.
    pub study: StudySettings,
    /// The first-run welcome has been completed.
    pub onboarded: bool,
    /// The modules the learner takes (empty means all).
    pub chosen_modules: Vec<String>,
    /// Modules whose placement check was done or skipped, with when (UTC ms).
    pub placement_done: BTreeMap<String, i64>,
    pub text_size: TextSize,
    pub theme: Theme,
    pub reduced_motion: bool,
    /// Ask "how sure were you?" after each answer.
    pub ask_confidence: bool,
    /// The name printed on certificates; typed by the learner, kept on the device.
    pub learner_name: String,
    /// The learner's own memory model, fitted on this device from their answers.
    pub memory_model: MemoryModel,
}

/// Personal FSRS parameters and when they were last fitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemoryModel {
    /// The 21 FSRS-6 parameters in use; empty means FSRS-6's defaults.
    pub parameters: Vec<f32>,
    /// How many events the log held at the last fit, adopted or not: the next fit waits for
    /// [`MemoryModel::REFIT_EVERY_EVENTS`] more.
    pub fitted_at_events: usize,
}

impl MemoryModel {
    /// New answers between fits: a fit takes seconds on a phone (in a worker), and a few hundred
    /// answers are what it takes to move the parameters.
    pub const REFIT_EVERY_EVENTS: usize = 250;

    /// Whether a log of `events` events is due a fit.
    pub fn due_for_fit(&self, events: usize) -> bool {
        events >= self.fitted_at_events + Self::REFIT_EVERY_EVENTS
    }
}

impl Default for AppSettings {
    fn default() -> Self {
        Self {
            study: StudySettings {
                daily_minutes: 5,
                ..StudySettings::default()
            },
            onboarded: false,
            chosen_modules: Vec::new(),
            placement_done: BTreeMap::new(),
            text_size: TextSize::Normal,
            theme: Theme::System,
            reduced_motion: false,
            ask_confidence: false,
            learner_name: String::new(),
            memory_model: MemoryModel::default(),
        }
    }
}

/// One step of a planned session, as saved so it can be resumed exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResumeEntry {
    pub item_id: String,
    /// Which phrasing (0 is the item itself) the learner is shown.
    pub variant: u32,
}

/// Where an interrupted session stands; saved after every answer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ResumePoint {
    pub started_at_ms: i64,
    pub queue: Vec<ResumeEntry>,
    /// The index in `queue` of the next step to show.
    pub position: usize,
    /// When a lesson's teaching cards are being read: module id, lesson id and card index.
    pub lesson_card: Option<(String, String, usize)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_from_an_older_app_fill_in_defaults() {
        let settings: AppSettings = serde_json::from_str(r#"{"onboarded":true}"#).unwrap();
        assert!(settings.onboarded);
        assert_eq!(settings.study.daily_minutes, 5);
        assert_eq!(settings.theme, Theme::System);
    }
}
