//! Tells the app's surroundings (an LMS, a host page) about progress through `crate::platform`:
//! progress restored from the LMS at start, the log after each saved answer, and module scores
//! and completions as they change. Each call does nothing where it does not apply.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::clock::now_ms;
use crate::platform;
use crate::state::{Action, AppContext};

/// Runs the platform effects for the whole app.
#[hook]
pub fn use_platform(app: AppContext) {
    // Progress an LMS kept for this learner is merged in once, when everything has loaded.
    {
        let app = app.clone();
        use_effect_with(app.ready(), move |ready| {
            if *ready && platform::in_lms() {
                let items: Vec<engine::ItemId> = app
                    .engine_catalogue
                    .modules
                    .iter()
                    .flat_map(|module| module.items().map(|item| item.id.clone()))
                    .collect();
                let events = platform::saved_progress(&items);
                if !events.is_empty() {
                    app.dispatch(Action::Record(events));
                }
            }
        });
    }
    let reported = use_mut_ref(BTreeMap::<String, (i64, bool)>::new);
    let saved = app.unsaved.is_empty();
    use_effect_with(
        (app.log.len(), saved, app.ready()),
        move |(_, saved, ready)| {
            if !*saved || !*ready {
                return;
            }
            platform::save_progress(app.log.events());
            for module in app.mastery(now_ms()).modules {
                let score = (f64::from(module.mastery.recall) * 100.0).round();
                let entry = (score as i64, module.complete);
                let previous = reported.borrow().get(&module.module_id).copied();
                if previous == Some(entry) || module.mastery.introduced == 0 {
                    continue;
                }
                platform::report_score(&module.module_id, score);
                if module.complete && previous.is_none_or(|(_, was_complete)| !was_complete) {
                    platform::module_completed(&module.module_id, score);
                }
                reported
                    .borrow_mut()
                    .insert(module.module_id.clone(), entry);
            }
        },
    );
}
