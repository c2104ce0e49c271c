//! Tells the app's surroundings (an LMS, a host page) about progress through `crate::platform`:
//! progress restored from the LMS at start, the log after each saved answer, and module scores
//! and completions as they change. Each call does nothing where it does not apply.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::clock::now_ms;
use crate::platform;
use crate::state::{Action, AppContext, AppState};

/// What has been reported so far: each module's score and completion, and how far into the log.
#[derive(Default)]
struct Reported {
    modules: BTreeMap<String, (i64, bool)>,
    log_generation: u64,
    /// The newest answer already scored; answers after it are at the end of the log.
    newest_at_ms: Option<i64>,
}

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
    let reported = use_mut_ref(Reported::default);
    let saved = app.unsaved.is_empty();
    let log_len = app.log.read().len();
    use_effect_with(
        (log_len, app.log_generation, saved, app.ready()),
        move |(_, _, saved, ready)| {
            if !*saved || !*ready {
                return;
            }
            platform::save_progress(app.log.read().events());
            if platform::reports_progress() {
                report_scores(&app, &mut reported.borrow_mut());
            }
        },
    );
}

/// Reports each changed module score, and each module newly completed. After an answer only the
/// modules with newer answers are scored again (one module of 500 items, not 10,000 items); a
/// replaced log (loaded, merged) scores them all.
fn report_scores(app: &AppState, reported: &mut Reported) {
    let now = now_ms();
    let log = app.log.read();
    let whole_log =
        reported.newest_at_ms.is_none() || reported.log_generation != app.log_generation;
    // The log is in time order, so answers newer than the last report are at its end.
    let touched: Vec<&engine::ItemId> = if whole_log {
        Vec::new()
    } else {
        log.events()
            .iter()
            .rev()
            .take_while(|event| Some(event.at_ms) > reported.newest_at_ms)
            .map(|event| &event.item_id)
            .collect()
    };
    let learner = app.learner.read();
    for module in app
        .engine_catalogue
        .modules
        .iter()
        .filter(|module| whole_log || module.items().any(|item| touched.contains(&&item.id)))
    {
        let mastery =
            engine::module_mastery(&learner, module, &app.settings.study, &app.scheduler, now);
        report_module(&mastery, &mut reported.modules);
    }
    reported.log_generation = app.log_generation;
    reported.newest_at_ms = Some(log.events().last().map_or(i64::MIN, |event| event.at_ms));
}

fn report_module(module: &engine::ModuleMastery, reported: &mut BTreeMap<String, (i64, bool)>) {
    let score = (f64::from(module.mastery.recall) * 100.0).round();
    let entry = (score as i64, module.complete);
    let previous = reported.get(&module.module_id).copied();
    if previous == Some(entry) || module.mastery.introduced == 0 {
        return;
    }
    platform::report_score(&module.module_id, score);
    if module.complete && previous.is_none_or(|(_, was_complete)| !was_complete) {
        platform::module_completed(&module.module_id, score);
    }
    reported.insert(module.module_id.clone(), entry);
}
