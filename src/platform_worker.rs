//! Fitting personal FSRS parameters in a Web Worker, from the main thread.
//!
//! The optimiser (`engine::parameters::fit_parameters`, the `fsrs` crate's training loop) lives in
//! its own wasm, `crates/optimiser-worker`, which trunk builds into `workers/` (see `index.html`).
//! The app's own wasm never calls the optimiser, so the linker leaves it out of the first screen's
//! download, and a fit on a long log never freezes the page.
//!
//! When to call: after the learner's log has grown enough to be worth a refit (the engine fits only
//! from `engine::parameters::MINIMUM_TRAINING_SAMPLES` training samples up; fewer reviews give
//! back the current parameters with `FitDecision::NotEnoughData`, at the cost of one worker start).
//!
//! ```text
//! let outcome = platform_worker::fit_in_worker(&log, &current).await?;
//! if outcome.decision == FitDecision::Adopted { /* save outcome.parameters in the settings */ }
//! ```

use std::fmt;

use engine::ReviewLog;
use engine::parameters::FitOutcome;
use js_sys::{Function, JsString, Object, Promise, Reflect};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The worker's entry script, relative to `index.html`.
pub const WORKER_URL: &str = "./workers/worker.js";

#[wasm_bindgen]
extern "C" {
    /// The browser's `Worker`, bound by hand: web-sys's binding would need more features for the
    /// four calls used here.
    type Worker;
    #[wasm_bindgen(constructor, catch)]
    fn new(url: &str) -> Result<Worker, JsValue>;
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &Worker, message: &JsValue);
    #[wasm_bindgen(method)]
    fn terminate(this: &Worker);
    #[wasm_bindgen(method, setter)]
    fn set_onmessage(this: &Worker, handler: &JsValue);
    #[wasm_bindgen(method, setter)]
    fn set_onerror(this: &Worker, handler: &JsValue);
}

/// Why a fit in the worker did not give an outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerError {
    /// The browser could not start the worker (no Worker support, or its script is missing).
    Unavailable(String),
    /// The worker ran but reported a problem (a garbled log, a failed fit, a crash).
    Failed(String),
}

impl fmt::Display for WorkerError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable(why) => write!(formatter, "the optimiser could not start: {why}"),
            Self::Failed(why) => formatter.write_str(why),
        }
    }
}

impl std::error::Error for WorkerError {}

/// The worker's reply, as `crates/optimiser-worker` writes it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Reply {
    Ok(FitOutcome),
    Error(String),
}

/// Fits personal parameters to `log` in a fresh worker, keeping `current` (empty for FSRS-6's
/// defaults) unless the fit predicts better. The worker is stopped afterwards, so the
/// optimiser's memory is handed back at once. The log is read when this is called, not when the
/// future is awaited, so the future borrows nothing.
pub fn fit_in_worker(
    log: &ReviewLog,
    current: &[f32],
) -> impl Future<Output = Result<FitOutcome, WorkerError>> + use<> {
    // Written to JavaScript in pieces: the whole text in this wasm's memory set the page's
    // memory for good (`crate::pieces`).
    let text = crate::pieces::json_text(log);
    let current = current.to_vec();
    async move {
        let text = text.map_err(|error| {
            WorkerError::Failed(format!(
                "the log could not be written for the optimiser: {error}"
            ))
        })?;
        fit_log_text(text, &current).await
    }
}

/// The fit with the log already a JavaScript string: it goes to the worker as it is (one
/// structured clone), never copied through this wasm's memory.
async fn fit_log_text(log_json: JsString, current: &[f32]) -> Result<FitOutcome, WorkerError> {
    let message = Object::new();
    let set = |key: &str, value: &JsValue| Reflect::set(&message, &key.into(), value);
    set("request", &fit_request(current).into())
        .and_then(|_| set("log", &log_json))
        .map_err(|error| WorkerError::Unavailable(describe(&error)))?;
    let asked = ask_worker(message.into());
    // The worker has its own copy now; this one (17 MB for 100,000 answers) need not wait for
    // the fit.
    drop(log_json);
    let reply = JsFuture::from(asked)
        .await
        .map_err(|error| WorkerError::Unavailable(describe(&error)))?;
    let text = reply
        .as_string()
        .ok_or_else(|| WorkerError::Failed("the optimiser replied with no text".into()))?;
    parse_reply(&text)
}

/// The request text that goes with the log.
fn fit_request(current: &[f32]) -> String {
    let current = serde_json::to_string(current).unwrap_or_else(|_| "[]".into());
    format!(r#"{{"kind":"fit","current":{current}}}"#)
}

fn parse_reply(text: &str) -> Result<FitOutcome, WorkerError> {
    match serde_json::from_str(text) {
        Ok(Reply::Ok(outcome)) => Ok(outcome),
        Ok(Reply::Error(why)) => Err(WorkerError::Failed(why)),
        Err(error) => Err(WorkerError::Failed(format!(
            "the optimiser's reply could not be read: {error}"
        ))),
    }
}

/// Starts a worker, posts one message and settles with its one reply (or its error). Once it has
/// settled the worker is stopped and both handlers are freed: a one-shot closure
/// (`Closure::once_into_js`) that never runs would leak, with the promise and its reply.
fn ask_worker(message: JsValue) -> Promise {
    let worker = match Worker::new(WORKER_URL) {
        Ok(worker) => worker,
        Err(error) => return Promise::reject(&error),
    };
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let data = Reflect::get(&event, &"data".into()).unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &data);
        });
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &event);
        });
        worker.set_onmessage(on_message.as_ref());
        worker.set_onerror(on_error.as_ref());
        handlers = Some((on_message, on_error));
    });
    worker.post_message(&message);
    // Runs once, whichever way the promise settles, in a microtask after the handler that
    // settled it (so no handler is freed while it runs).
    let stop: JsValue = Closure::once_into_js(move || {
        worker.terminate();
        drop(handlers);
    });
    // `Promise.prototype.finally` called with a plain function: js-sys's `finally` takes a
    // `Closure` that the caller would have to keep alive until it runs.
    Reflect::get(&promise, &"finally".into())
        .and_then(|finally| finally.unchecked_into::<Function>().call1(&promise, &stop))
        .map(JsCast::unchecked_into)
        .unwrap_or(promise)
}

/// Plain words for a JavaScript error or error event.
fn describe(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the worker script did not load".into())
}

/// The same fit for JavaScript callers (the browser checks in `tests/e2e/perf-worker.spec.mjs`
/// reach it as `window.wasmBindings.microlearnFitInWorker`): resolves with the outcome as JSON
/// text, rejects with plain words.
#[wasm_bindgen(js_name = microlearnFitInWorker)]
pub fn fit_in_worker_for_page(log_json: JsString) -> Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let outcome = fit_log_text(log_json, &[])
            .await
            .map_err(|error| JsValue::from_str(&error.to_string()))?;
        serde_json::to_string(&outcome)
            .map(|text| JsValue::from_str(&text))
            .map_err(|error| JsValue::from_str(&error.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_carries_the_current_parameters() {
        assert_eq!(
            fit_request(&[0.5, 1.0]),
            r#"{"kind":"fit","current":[0.5,1.0]}"#
        );
    }

    #[test]
    fn a_reported_error_keeps_its_words() {
        assert_eq!(
            parse_reply(r#"{"error":"the optimiser could not fit: bad"}"#),
            Err(WorkerError::Failed(
                "the optimiser could not fit: bad".into()
            ))
        );
    }

    #[test]
    fn an_outcome_is_read() {
        let text = r#"{"ok":{"parameters":[1.0],"decision":"not-enough-data","training_samples":0,
            "holdout_reviews":0,"current_log_loss":null,"candidate_log_loss":null}}"#;
        let outcome = parse_reply(text).expect("an outcome");
        assert_eq!(outcome.parameters, vec![1.0]);
    }
}
