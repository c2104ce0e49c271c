//! Where the app meets its surroundings: the service worker and its update notice, messages to a
//! page that embeds the app, and an LMS when the app runs as a SCORM 1.2 package.
//!
//! The app calls these hooks; each does nothing where it does not apply (no frame, no LMS):
//! - [`module_completed`] when the learner finishes a module, with a score out of 100;
//! - [`report_score`] whenever the module's score changes;
//! - [`save_progress`] after the review log changes, and [`saved_progress`] at start, so an LMS
//!   keeps progress in `cmi.suspend_data`;
//! - [`launched_module`] for the module a SCORM package was built for: the only one it shows.

mod host;
mod js;
mod lms;
mod scorm_data;
mod suspend;
mod update_notice;

use yew::prelude::*;

pub use host::HostEvent;
pub use lms::{
    finish as finish_lms_session, in_lms, launched_by_package, launched_module, save_progress,
    saved_progress,
};
pub use update_notice::UpdateNotice;

/// The app's background work, mounted once in its root from the second wasm module
/// (`crate::split::Background`; none of it is needed for the first screen): starts the LMS
/// session (if any), tells a host page the app is ready, reports progress to both
/// (`use_platform`), fits the memory model when one is due (`use_memory_model`), and shows the
/// update notice when a new deployment is waiting.
#[function_component(Platform)]
pub fn platform() -> Html {
    let app = crate::state::use_app();
    // First, so the LMS session is open when the progress hook looks for it.
    use_effect_with((), |()| {
        lms::start();
        host::send(&HostEvent::Ready);
    });
    crate::hooks::use_platform(app.clone());
    crate::hooks::use_memory_model(app);
    html! { <UpdateNotice /> }
}

/// Whether scores reach anyone (an LMS or a host page). Without one, scoring every module after
/// each answer would be wasted work on the learner's phone.
pub fn reports_progress() -> bool {
    lms::in_lms() || host::connected()
}

/// The learner finished `module`; `score_percent` is 0 to 100.
pub fn module_completed(module: &str, score_percent: f64) {
    lms::module_completed(score_percent);
    host::send(&HostEvent::ModuleCompleted {
        module,
        score: score_percent,
    });
}

/// The learner's score in `module` changed (0 to 100).
pub fn report_score(module: &str, score_percent: f64) {
    lms::report_score(score_percent);
    host::send(&HostEvent::Score {
        module,
        score: score_percent,
    });
}
