//! The learner's (or their organisation's) study settings that the planner obeys.

use crate::catalogue::{Module, ModuleId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Per-module settings; modules without an entry use [`ModuleSettings::default`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ModuleSettings {
    /// The predicted recall to keep items at (also the mastery target). Default 0.9.
    pub desired_retention: f32,
    /// Mandatory-training due date, UTC ms, if any.
    pub deadline_ms: Option<i64>,
    /// How much the module matters relative to others (1.0 is normal; 2.0 makes its due items
    /// count as twice as urgent).
    pub priority: f32,
}

impl Default for ModuleSettings {
    fn default() -> Self {
        Self {
            desired_retention: 0.9,
            deadline_ms: None,
            priority: 1.0,
        }
    }
}

/// The learner's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Minutes of study a day the learner has agreed to.
    pub daily_minutes: u32,
    /// At most this many new items a day (deadlines may need more; the planner then reports the
    /// module as behind rather than breaking the cap).
    pub new_items_per_day: u32,
    /// Per-module settings by module id.
    pub modules: BTreeMap<ModuleId, ModuleSettings>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            daily_minutes: 10,
            new_items_per_day: 10,
            modules: BTreeMap::new(),
        }
    }
}

impl Settings {
    /// The settings for one module (defaults when none were given).
    pub fn module(&self, module_id: &str) -> ModuleSettings {
        self.modules.get(module_id).copied().unwrap_or_default()
    }

    /// The settings the planner obeys for `module`: the learner's own when they have any, else
    /// the defaults with the retention the module's author recommends.
    pub fn for_module(&self, module: &Module) -> ModuleSettings {
        self.modules.get(&module.id).copied().unwrap_or_else(|| {
            let defaults = ModuleSettings::default();
            ModuleSettings {
                desired_retention: module
                    .desired_retention
                    .unwrap_or(defaults.desired_retention),
                ..defaults
            }
        })
    }
}
