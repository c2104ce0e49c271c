//! Saves what changed: each answer as soon as it is recorded, the resume point after every
//! step, and the settings when they change. The reducer only marks what needs saving.

use yew::prelude::*;

use crate::state::{Action, AppContext};

/// Runs the saving effects for the whole app.
#[hook]
pub fn use_persistence(app: AppContext) {
    let unsaved = app.unsaved.clone();
    let resume = app.resume_point();
    {
        let app = app.clone();
        let resume = resume.clone();
        use_effect_with(unsaved, move |unsaved| {
            if let (Some(store), false) = (app.store.clone(), unsaved.is_empty()) {
                let events = (**unsaved).clone();
                let dispatcher = app.dispatcher();
                // In a task of its own: opening the transaction and writing the answer took 2 to
                // 5 ms at 4x CPU slowdown on top of drawing the feedback, in the task the learner
                // waits on after "Check answer". "Continue" still waits for the save.
                crate::browser::in_next_task(move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        let mut saved = Vec::new();
                        for event in &events {
                            match store.append_event(event).await {
                                Ok(()) => saved.push(event.id.clone()),
                                Err(error) => {
                                    web_sys::console::error_1(&format!("save: {error:?}").into());
                                    // The store keeps the answer in memory, retries it with the next
                                    // one and exports it; the learner is told why and can go on.
                                    dispatcher.dispatch(Action::StoreFailed(error.to_string()));
                                    saved.push(event.id.clone());
                                }
                            }
                        }
                        // The resume point moves past the answer only once the answer is saved.
                        let _ = store.save_resume(resume.as_ref()).await;
                        dispatcher.dispatch(Action::Saved(saved));
                    })
                });
            }
        });
    }
    {
        let store = app.store.clone();
        // A resume point offered on Today must not be wiped before the learner picks it up, and
        // a point past an unsaved answer is saved by the effect above, after the answer.
        let should_save =
            (app.session.is_some() || app.saved_resume.is_none()) && app.unsaved.is_empty();
        use_effect_with(resume, move |resume| {
            if let (Some(store), true) = (store, should_save) {
                let resume = resume.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = store.save_resume(resume.as_ref()).await;
                });
            }
        });
    }
    let dirty = app.settings_dirty;
    use_effect_with((app.settings.clone(), dirty), move |(settings, dirty)| {
        if let (Some(store), true) = (app.store.clone(), *dirty) {
            let settings = settings.clone();
            let dispatcher = app.dispatcher();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(error) = store.save_settings(&settings).await {
                    web_sys::console::error_1(&format!("settings: {error:?}").into());
                }
                dispatcher.dispatch(Action::SettingsSaved);
            });
        }
    });
}
