//! Fits the learner's own memory model (personal FSRS parameters) in the optimiser worker, once
//! enough new answers have come in and no session is running; the reducer adopts the result.

use persist::MemoryModel;
use yew::prelude::*;

use crate::platform_worker::fit_in_worker;
use crate::state::{Action, AppContext};

/// Starts a fit when one is due. The fit runs in its own worker and wasm
/// (`crates/optimiser-worker`), so the screen keeps responding; only turning the log into the
/// text the worker reads happens here.
#[hook]
pub fn use_memory_model(app: AppContext) {
    let running = use_mut_ref(|| false);
    let events = app.log.read().len();
    let due = app.ready()
        && app.store.is_some()
        && app.settings.onboarded
        && app.session.is_none()
        && app.settings.memory_model.due_for_fit(events);
    use_effect_with(due, move |due| {
        if !*due || *running.borrow() {
            return;
        }
        *running.borrow_mut() = true;
        let fit = fit_in_worker(&app.log.read(), &app.settings.memory_model.parameters);
        let current = app.settings.memory_model.parameters.clone();
        let dispatcher = app.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            let parameters = match fit.await {
                Ok(outcome) => {
                    web_sys::console::info_1(
                        &format!(
                            "memory model: {:?} after {} training samples",
                            outcome.decision, outcome.training_samples
                        )
                        .into(),
                    );
                    outcome.parameters
                }
                // Nothing is lost: the model in use stays, and the next fit is tried after
                // another batch of answers.
                Err(error) => {
                    web_sys::console::warn_1(&format!("memory model: {error}").into());
                    current
                }
            };
            dispatcher.dispatch(Action::MemoryModelFitted(MemoryModel {
                parameters,
                fitted_at_events: events,
            }));
            *running.borrow_mut() = false;
        });
    });
}
