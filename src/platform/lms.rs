//! The app as a SCORM 1.2 SCO. When the package's launch page is opened by an LMS, this finds the
//! LMS's API (window.parent chain, then opener), initialises, reports status, score and progress,
//! and finishes when the page is left. Anywhere else every function here does nothing.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::{js, scorm_data, suspend};

/// What the app knows about its LMS session.
#[derive(Debug, Clone, Default)]
struct LmsSession {
    started_ms: f64,
    mastery_score: Option<f64>,
    suspend_data: String,
    completed: bool,
    finished: bool,
    restored: bool,
}

thread_local! {
    static SESSION: RefCell<Option<LmsSession>> = const { RefCell::new(None) };
}

/// Whether the page is the SCORM package's launch page (even outside an LMS).
pub fn launched_by_package() -> bool {
    js::scorm_launch_module().is_some()
}

/// The module the package is for, when it was built with `--module`.
pub fn launched_module() -> Option<String> {
    js::scorm_launch_module().filter(|module| !module.is_empty())
}

/// Whether an LMS session is open (so progress goes to the LMS).
pub fn in_lms() -> bool {
    SESSION.with(|session| session.borrow().is_some())
}

fn get(key: &str) -> String {
    js::scorm_call("LMSGetValue", key, "")
}

fn set(key: &str, value: &str) -> bool {
    js::scorm_call("LMSSetValue", key, value) == "true"
}

fn commit() {
    js::scorm_call("LMSCommit", "", "");
}

/// Opens the LMS session: LMSInitialize, status `incomplete` on a first attempt, and reads the
/// mastery score and the saved progress. Called once when the app starts.
pub fn start() {
    if !launched_by_package() || !js::scorm_find() {
        return;
    }
    if js::scorm_call("LMSInitialize", "", "") != "true" {
        return;
    }
    let status = get("cmi.core.lesson_status");
    if status.is_empty() || status == "not attempted" {
        set("cmi.core.lesson_status", "incomplete");
    }
    let session = LmsSession {
        started_ms: js::now_ms(),
        mastery_score: get("cmi.student_data.mastery_score").trim().parse().ok(),
        suspend_data: get("cmi.suspend_data"),
        completed: matches!(status.as_str(), "completed" | "passed"),
        finished: false,
        restored: false,
    };
    SESSION.with(|cell| *cell.borrow_mut() = Some(session));
    commit();
    let on_leave = Closure::<dyn FnMut()>::new(finish);
    js::on_page_hide(&on_leave);
    on_leave.forget();
}

/// Records a score (0 to 100) for the course.
pub fn report_score(score_percent: f64) {
    if !in_lms() {
        return;
    }
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    set("cmi.core.score.raw", &scorm_data::score_raw(score_percent));
    commit();
}

/// Marks the course finished: completed, or passed/failed against the LMS's mastery score.
pub fn module_completed(score_percent: f64) {
    let Some(mastery) = SESSION.with(|cell| cell.borrow().as_ref().map(|s| s.mastery_score)) else {
        return;
    };
    report_score(score_percent);
    set(
        "cmi.core.lesson_status",
        scorm_data::finished_status(score_percent, mastery),
    );
    SESSION.with(|cell| {
        if let Some(session) = cell.borrow_mut().as_mut() {
            session.completed = true;
        }
    });
    commit();
}

/// Saves the review log in `cmi.suspend_data` (compactly; the newest events when it is long).
pub fn save_progress(events: &[engine::ReviewEvent]) {
    if !in_lms() {
        return;
    }
    let text = suspend::encode(events, suspend::SUSPEND_DATA_LIMIT);
    if set("cmi.suspend_data", &text) {
        SESSION.with(|cell| {
            if let Some(session) = cell.borrow_mut().as_mut() {
                session.suspend_data = text;
            }
        });
        commit();
    }
}

/// The review log the LMS kept from an earlier attempt, for the module's items. It is handed
/// over once per launch (later calls return nothing), so an effect that runs twice cannot record
/// the same answers twice.
pub fn saved_progress(items: &[engine::ItemId]) -> Vec<engine::ReviewEvent> {
    SESSION.with(|cell| {
        let mut cell = cell.borrow_mut();
        let Some(session) = cell.as_mut().filter(|session| !session.restored) else {
            return Vec::new();
        };
        session.restored = true;
        suspend::decode(&session.suspend_data, items)
    })
}

/// Ends the LMS session once: session time, exit mode (suspend, so the next launch resumes, until
/// the course is completed), commit and LMSFinish.
pub fn finish() {
    let Some((started_ms, completed)) = SESSION.with(|cell| {
        let mut cell = cell.borrow_mut();
        let session = cell.as_mut().filter(|s| !s.finished)?;
        session.finished = true;
        Some((session.started_ms, session.completed))
    }) else {
        return;
    };
    set(
        "cmi.core.session_time",
        &scorm_data::session_time(js::now_ms() - started_ms),
    );
    set("cmi.core.exit", if completed { "" } else { "suspend" });
    commit();
    js::scorm_call("LMSFinish", "", "");
}
