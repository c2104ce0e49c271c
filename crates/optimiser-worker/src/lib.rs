//! The optimiser worker: fits personal FSRS parameters in a Web Worker, in a wasm of its own, so
//! the app's main bundle never carries the `fsrs` optimiser and the page never freezes during a fit.
//!
//! Protocol (one message each way; `worker.js` is the entry script): the page posts
//! `{request, log}`, two strings, and gets one JSON text back. The log travels as its own string
//! so the page never copies or re-encodes a multi-megabyte log to build a request.
//! - request `{"kind":"fit","current":[...21 parameters, or empty...]}` with `log` the review log
//!   as stored (a JSON array of events) replies `{"ok":{...engine::parameters::FitOutcome...}}`;
//! - request `{"kind":"synthetic","items":2500,"reviews":25000,"seed":1}` replies
//!   `{"ok":[...review events...]}`: a simulated learner's log (`engine::synthetic`), so browser
//!   checks can time a fit on realistic data without shipping a multi-megabyte fixture;
//! - anything that fails replies `{"error":"plain words"}`.
//!
//! The main-thread side is `src/platform_worker.rs` in the app crate.

use engine::parameters::{FitOutcome, fit_parameters};
use engine::synthetic::{SyntheticLearner, simulate_learner};
use engine::{ReviewEvent, ReviewLog, Scheduler};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The first study day of a simulated log (2025-01-01 UTC); any fixed day would do.
const SYNTHETIC_START_MS: i64 = 1_735_689_600_000;
/// New items a simulated learner meets per day (as the engine's benchmarks use).
const SYNTHETIC_NEW_ITEMS_PER_DAY: usize = 60;

/// What the page asks the worker to do.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Request {
    /// Fit personal parameters to the log sent with it, keeping `current` unless the fit
    /// predicts better.
    Fit {
        #[serde(default)]
        current: Vec<f32>,
    },
    /// Simulate a learner (for benchmarks and browser checks).
    Synthetic {
        items: usize,
        reviews: usize,
        seed: u64,
    },
}

/// The worker's answer: exactly one of the two fields is present.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
pub enum Reply<T> {
    Ok(T),
    Error(String),
}

/// Handles one request given as JSON text (with the log as JSON text for a fit) and returns the
/// reply as JSON text. Called by `worker.js` for each message; exported to JavaScript as `handle`.
#[wasm_bindgen(js_name = handle)]
pub fn handle_json(request: &str, log: &str) -> String {
    match serde_json::from_str::<Request>(request) {
        Ok(Request::Fit { current }) => match serde_json::from_str::<ReviewLog>(log) {
            Ok(log) => to_json(&fit(&log, &current)),
            Err(error) => to_json(&Reply::<()>::Error(format!(
                "the optimiser could not read the review log: {error}"
            ))),
        },
        Ok(Request::Synthetic {
            items,
            reviews,
            seed,
        }) => to_json(&Reply::Ok(synthetic_events(items, reviews, seed))),
        Err(error) => to_json(&Reply::<()>::Error(format!(
            "the optimiser could not read the request: {error}"
        ))),
    }
}

/// Fits and wraps the outcome or the engine's error.
pub fn fit(log: &ReviewLog, current: &[f32]) -> Reply<FitOutcome> {
    match fit_parameters(log, current) {
        Ok(outcome) => Reply::Ok(outcome),
        Err(error) => Reply::Error(format!("the optimiser could not fit: {error}")),
    }
}

/// A simulated learner whose memory follows FSRS-6's defaults, studying `items` items.
pub fn synthetic_events(items: usize, reviews: usize, seed: u64) -> Vec<ReviewEvent> {
    let learner = SyntheticLearner {
        items: items.max(1),
        reviews,
        new_items_per_day: SYNTHETIC_NEW_ITEMS_PER_DAY,
        start_ms: SYNTHETIC_START_MS,
        seed,
    };
    let scheduler = Scheduler::default();
    simulate_learner(&learner, &scheduler, &scheduler)
        .events()
        .to_vec()
}

fn to_json<T: Serialize>(reply: &Reply<T>) -> String {
    serde_json::to_string(reply).unwrap_or_else(|error| {
        format!(r#"{{"error":"the optimiser could not write its reply: {error}"}}"#)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::parameters::FitDecision;

    #[test]
    fn a_synthetic_log_round_trips_through_a_fit_request() {
        let events = synthetic_events(300, 3_000, 5);
        assert_eq!(events.len(), 3_000);
        let log = serde_json::to_string(&events).expect("events serialise");
        let reply: Reply<FitOutcome> =
            serde_json::from_str(&handle_json(r#"{"kind":"fit","current":[]}"#, &log))
                .expect("a reply");
        let Reply::Ok(outcome) = reply else {
            panic!("the fit failed: {reply:?}");
        };
        assert_eq!(outcome.parameters.len(), 21);
        assert_ne!(outcome.decision, FitDecision::NotEnoughData);
    }

    #[test]
    fn a_short_log_keeps_the_current_parameters() {
        let reply: Reply<FitOutcome> =
            serde_json::from_str(&handle_json(r#"{"kind":"fit"}"#, "[]")).expect("a reply");
        let Reply::Ok(outcome) = reply else {
            panic!("an empty log is not an error: {reply:?}");
        };
        assert_eq!(outcome.decision, FitDecision::NotEnoughData);
    }

    #[test]
    fn a_garbled_request_is_answered_in_plain_words() {
        let reply: Reply<FitOutcome> =
            serde_json::from_str(&handle_json("{not json", "")).expect("a reply");
        assert!(
            matches!(&reply, Reply::Error(message) if message.starts_with("the optimiser could not read the request")),
            "{reply:?}"
        );
    }

    #[test]
    fn a_garbled_log_is_answered_in_plain_words() {
        let reply: Reply<FitOutcome> =
            serde_json::from_str(&handle_json(r#"{"kind":"fit"}"#, r#"[{"not":"an event"}]"#))
                .expect("a reply");
        assert!(
            matches!(&reply, Reply::Error(message) if message.starts_with("the optimiser could not read the review log")),
            "{reply:?}"
        );
    }

    #[test]
    fn synthetic_requests_reply_with_events() {
        let reply: Reply<Vec<ReviewEvent>> = serde_json::from_str(&handle_json(
            r#"{"kind":"synthetic","items":50,"reviews":200,"seed":1}"#,
            "",
        ))
        .expect("a reply");
        assert!(matches!(reply, Reply::Ok(events) if events.len() == 200));
    }
}
