//! The app's state and its reducer: what is loaded, the learner's log and derived state, their
//! settings and the session in progress. Saving happens in effects (`hooks::use_persistence`),
//! never here.

use std::collections::BTreeMap;
use std::rc::Rc;

use content::model as cm;
use engine::state::Recorded;
use engine::{LearnerState, ReviewEvent, ReviewLog, Scheduler, SessionPlan};
use persist::{AppSettings, ResumePoint};
use yew::prelude::*;

use crate::adapter;
use crate::session::{Feedback, Session, Step};
use crate::shared::Shared;
use crate::store::{Loaded, StorageNotice, Store};

/// Everything the screens read.
#[derive(Debug, Clone, Default)]
pub struct AppState {
    pub catalogue: Option<Rc<cm::Catalogue>>,
    pub catalogue_error: Option<String>,
    /// The engine's view of the modules the learner takes.
    pub engine_catalogue: Rc<engine::Catalogue>,
    /// Module files loaded so far, by module id.
    pub modules: BTreeMap<String, Rc<cm::ModuleFile>>,
    /// Modules whose files could not be fetched or read (the reason goes to the console), until
    /// the learner tries again.
    pub failed_modules: Vec<String>,
    pub store: Option<Store>,
    /// Set once saved data has been read (or could not be).
    pub storage_ready: bool,
    pub storage_error: Option<String>,
    /// Shared by every state and appended to in place (see `crate::shared`).
    pub log: Shared<ReviewLog>,
    /// The log replayed; shared and updated in place like the log.
    pub learner: Shared<LearnerState>,
    /// Counts wholesale changes of the log or the learner state (loading, merging another tab's
    /// answers, a new memory model), so an effect can tell them apart from answers appended at
    /// the end.
    pub log_generation: u64,
    pub scheduler: Rc<Scheduler>,
    pub settings: AppSettings,
    /// Whether `settings` changed since it was loaded, so it needs saving.
    pub settings_dirty: bool,
    pub saved_resume: Option<ResumePoint>,
    pub notices: Vec<StorageNotice>,
    /// Answers recorded but not yet durably saved; the next question waits for this to empty.
    pub unsaved: Rc<Vec<ReviewEvent>>,
    pub session: Option<Session>,
}

/// Every dispatch makes a new state, so two handles are equal only when they hold the same
/// state (which `UseReducerHandle` checks by pointer first); a deep comparison would cost more
/// than re-rendering.
impl PartialEq for AppState {
    fn eq(&self, _other: &Self) -> bool {
        false
    }
}

impl AppState {
    /// Whether the catalogue and saved data are both ready.
    pub fn ready(&self) -> bool {
        self.catalogue.is_some() && self.storage_ready
    }

    /// Today's plan from the engine.
    pub fn plan(&self, now_ms: i64) -> SessionPlan {
        engine::plan(
            &self.learner.read(),
            &self.engine_catalogue,
            &self.settings.study,
            &self.scheduler,
            now_ms,
            engine::time::day_index(now_ms) as u64,
        )
    }

    /// Mastery per module and lesson from the engine.
    pub fn mastery(&self, now_ms: i64) -> engine::MasteryReport {
        engine::mastery(
            &self.learner.read(),
            &self.engine_catalogue,
            &self.settings.study,
            &self.scheduler,
            now_ms,
        )
    }

    /// When the learner first completed a module (the date its certificate shows).
    pub fn first_completed_ms(&self, module_id: &str) -> Option<i64> {
        let module = self.engine_catalogue.module(module_id).ok()?;
        engine::first_completed_ms(
            &self.log.read(),
            module,
            &self.settings.study,
            &self.scheduler,
        )
        .ok()
        .flatten()
    }

    /// The resume point the current session implies (what should be saved).
    pub fn resume_point(&self) -> Option<ResumePoint> {
        self.session.as_ref().and_then(Session::resume_point)
    }

    fn rebuild_engine_catalogue(&mut self) {
        if let Some(catalogue) = &self.catalogue {
            self.engine_catalogue = Rc::new(adapter::engine_catalogue(
                catalogue,
                &self.settings.chosen_modules,
            ));
        }
    }

    /// Builds the scheduler from the learner's own memory model (FSRS-6's defaults when it is
    /// empty). Returns whether the parameters changed, in which case every memory state must be
    /// replayed.
    fn adopt_memory_model(&mut self) -> bool {
        let config = engine::SchedulerConfig {
            parameters: self.settings.memory_model.parameters.clone(),
            ..engine::SchedulerConfig::default()
        };
        match Scheduler::new(config) {
            Ok(scheduler) if scheduler.parameters() != self.scheduler.parameters() => {
                self.scheduler = Rc::new(scheduler);
                true
            }
            Ok(_) => false,
            Err(error) => {
                web_sys::console::error_1(&format!("memory model: {error}").into());
                false
            }
        }
    }

    fn set_log(&mut self, log: ReviewLog) {
        self.log.replace(log);
        self.replay_learner();
    }

    /// Replays the shared log into the learner state, in place.
    fn replay_learner(&mut self) {
        match engine::replay(&self.log.read(), &self.scheduler) {
            Ok(learner) => self.learner.replace(learner),
            Err(error) => web_sys::console::error_1(&format!("replay failed: {error}").into()),
        }
        self.log_generation += 1;
    }

    /// Adds answers to the shared log and learner state in place, in replay order (time, then
    /// id) as a reload would replay them: an answer after every other one is applied on top, so
    /// its cost does not grow with the log; one dated earlier (the device clock went back, or
    /// placement results from an LMS) makes the learner state replay the log (`engine::state::
    /// record`), and counts as a wholesale change for effects that read only the log's end.
    fn record_events(&mut self, events: Vec<ReviewEvent>) {
        let mut replayed = false;
        // Where the browser refused storage altogether (the learner has been told), there is
        // nothing to wait for: answers stay in the log in memory, and the export carries them.
        let can_save = self.store.is_some() || self.storage_error.is_none();
        {
            let mut log = self.log.write();
            let mut learner = self.learner.write();
            let unsaved = Rc::make_mut(&mut self.unsaved);
            for event in events {
                match engine::state::record(&mut log, &mut learner, &self.scheduler, event.clone())
                {
                    Ok(Recorded::Duplicate) => continue,
                    Ok(Recorded::Applied) => {}
                    Ok(Recorded::Replayed) => replayed = true,
                    // The answer is in the log (it is saved, and a reload replays it); only the
                    // state missed it.
                    Err(error) => {
                        web_sys::console::error_1(&format!("apply failed: {error}").into());
                    }
                }
                if can_save {
                    unsaved.push(event);
                }
            }
        }
        if replayed {
            self.log_generation += 1;
        }
    }
}

/// Everything that changes the state.
#[derive(Debug)]
pub enum Action {
    StoreOpened(Store, Box<Loaded>),
    StoreFailed(String),
    CatalogueLoaded(Rc<cm::Catalogue>),
    CatalogueFailed(String),
    ModuleLoaded(Rc<cm::ModuleFile>),
    /// A module file could not be fetched or read (its id).
    ModuleFailed(String),
    /// The learner asked to try loading the failed module files again.
    RetryModules,
    SettingsChanged(AppSettings),
    SettingsSaved,
    /// A fit of the learner's memory model finished (in the optimiser worker).
    MemoryModelFitted(persist::MemoryModel),
    /// Placement results or other events recorded outside a session.
    Record(Vec<ReviewEvent>),
    /// These events are now durably saved.
    Saved(Vec<engine::EventId>),
    /// Answers made in another tab.
    RemoteEvents(Vec<ReviewEvent>),
    StartSession(SessionPlan, i64),
    ResumeSession(i64),
    NextCard(i64),
    Answered(Box<Feedback>, i64),
    Continue(i64),
    EndSession,
    DismissNotices,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::StoreOpened(store, loaded) => {
                let loaded = *loaded;
                state.store = Some(store);
                state.storage_ready = true;
                state.settings = loaded.settings;
                state.saved_resume = loaded.resume;
                state.notices = loaded.notices;
                state.adopt_memory_model();
                state.set_log(loaded.log);
                state.rebuild_engine_catalogue();
            }
            Action::StoreFailed(message) => {
                state.storage_ready = true;
                state.storage_error = Some(message);
            }
            Action::CatalogueLoaded(catalogue) => {
                state.catalogue = Some(catalogue);
                state.rebuild_engine_catalogue();
            }
            Action::CatalogueFailed(message) => state.catalogue_error = Some(message),
            Action::ModuleLoaded(module) => {
                state.failed_modules.retain(|id| id != &module.id);
                state.modules.insert(module.id.clone(), module);
            }
            Action::ModuleFailed(module_id) => state.failed_modules.push(module_id),
            Action::RetryModules => state.failed_modules.clear(),
            Action::SettingsChanged(settings) => {
                state.settings = settings;
                state.settings_dirty = true;
                state.rebuild_engine_catalogue();
                if state.adopt_memory_model() {
                    state.replay_learner();
                }
            }
            Action::SettingsSaved => state.settings_dirty = false,
            Action::MemoryModelFitted(model) => {
                state.settings.memory_model = model;
                state.settings_dirty = true;
                if state.adopt_memory_model() {
                    state.replay_learner();
                }
            }
            Action::Record(events) => state.record_events(events),
            Action::Saved(ids) => {
                Rc::make_mut(&mut state.unsaved).retain(|event| !ids.contains(&event.id));
            }
            Action::RemoteEvents(events) => {
                let remote = ReviewLog::from_events(events);
                let merged = state.log.read().merge(&remote);
                state.set_log(merged);
            }
            Action::StartSession(plan, now_ms) => start(&mut state, plan, now_ms),
            Action::ResumeSession(now_ms) => resume(&mut state, now_ms),
            Action::NextCard(now_ms) => next_card(&mut state, now_ms),
            Action::Answered(feedback, now_ms) => answered(&mut state, *feedback, now_ms),
            Action::Continue(now_ms) => advance(&mut state, now_ms),
            Action::EndSession => {
                state.session = None;
                state.saved_resume = None;
            }
            Action::DismissNotices => state.notices.clear(),
        }
        Rc::new(state)
    }
}

fn start(state: &mut AppState, plan: SessionPlan, now_ms: i64) {
    if let Some(catalogue) = state.catalogue.clone() {
        state.session = Some(Session::new(
            plan,
            &state.learner.read(),
            &catalogue,
            now_ms,
        ));
        state.saved_resume = None;
    }
}

fn resume(state: &mut AppState, now_ms: i64) {
    let (Some(catalogue), Some(point)) = (state.catalogue.clone(), state.saved_resume.take())
    else {
        return;
    };
    state.session = Session::from_resume(
        &point,
        &state.learner.read(),
        &state.log.read(),
        &catalogue,
        &state.scheduler,
        now_ms,
    );
}

fn next_card(state: &mut AppState, now_ms: i64) {
    let modules = state.modules.clone();
    let Some(session) = state.session.as_mut() else {
        return;
    };
    if let Step::Card {
        module_id,
        lesson_id,
        index,
    } = &mut session.step
    {
        let card_count = modules
            .get(module_id.as_str())
            .and_then(|module| module.lessons.iter().find(|lesson| &lesson.id == lesson_id))
            .map_or(0, |lesson| lesson.cards.len());
        if *index + 1 < card_count {
            *index += 1;
        } else {
            session.step = Step::Asking {
                shown_at_ms: now_ms,
            };
        }
    }
}

fn answered(state: &mut AppState, feedback: Feedback, now_ms: i64) {
    if !matches!(
        state.session.as_ref().map(|s| &s.step),
        Some(Step::Asking { .. })
    ) {
        return;
    }
    state.record_events(vec![feedback.event.clone()]);
    if let Some(session) = state.session.as_mut() {
        session.record_answer(feedback, &state.learner.read(), now_ms);
    }
}

fn advance(state: &mut AppState, now_ms: i64) {
    // The next question waits until the answer is durably saved.
    if !state.unsaved.is_empty() {
        return;
    }
    let (Some(catalogue), Some(session)) = (state.catalogue.clone(), state.session.as_mut()) else {
        return;
    };
    if matches!(session.step, Step::Feedback(_)) {
        session.position += 1;
        session.enter_position(&state.learner.read(), &catalogue, now_ms);
    }
}

/// The state shared with every component through context.
pub type AppContext = UseReducerHandle<AppState>;

/// The app state from context (the provider wraps every screen).
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppProvider wraps the app")
}

#[cfg(test)]
mod tests;
