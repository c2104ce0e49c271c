//! Tests of the reducer: the save-before-next gate, storage refused, backdated answers.

use super::*;
use crate::adapter::test_support::catalogue;
use crate::session::{plan_from_queue, queue_entry};
use engine::{EventId, EventKind, ItemId, ItemKind, Rating};

const NOW: i64 = 1_767_225_600_000;

fn answer(id: &str, item: &str, at_ms: i64, rating: Rating) -> ReviewEvent {
    ReviewEvent {
        id: EventId::new(id),
        item_id: ItemId::new(item),
        item_version: 2,
        item_kind: ItemKind::TrueFalse,
        at_ms,
        rating,
        score: 1.0,
        response_ms: 5_000,
        confidence: None,
        kind: EventKind::Review,
    }
}

fn dispatch(state: Rc<AppState>, action: Action) -> Rc<AppState> {
    state.reduce(action)
}

/// A session over the test catalogue's two questions, with the first one on screen.
fn asking_first_question() -> Rc<AppState> {
    let state = AppState {
        catalogue: Some(Rc::new(catalogue())),
        storage_ready: true,
        ..AppState::default()
    };
    let queue = ["q1", "q2"]
        .iter()
        .filter_map(|id| {
            queue_entry(
                id,
                &LearnerState::default(),
                &catalogue(),
                &state.scheduler,
                NOW,
            )
        })
        .collect();
    let state = dispatch(
        Rc::new(state),
        Action::StartSession(plan_from_queue(queue), NOW),
    );
    // Lesson a's teaching cards come first; with no module file loaded there are none to read.
    let state = dispatch(state, Action::NextCard(NOW));
    assert!(matches!(
        state.session.as_ref().map(|s| &s.step),
        Some(Step::Asking { .. })
    ));
    state
}

/// The learner answers the question on screen (q1, right) five seconds in.
fn answer_first_question(state: Rc<AppState>) -> (Rc<AppState>, ReviewEvent) {
    let event = answer("d:1", "q1", NOW + 5_000, Rating::Good);
    let feedback = Feedback {
        response: content::model::Response::TrueFalse { answer: true },
        score: 1.0,
        event: event.clone(),
    };
    let state = dispatch(state, Action::Answered(Box::new(feedback), NOW + 5_000));
    (state, event)
}

fn position(state: &AppState) -> usize {
    state.session.as_ref().map_or(usize::MAX, |s| s.position)
}

/// The next question waits until the answer is saved: "Continue" before the store has
/// confirmed the write leaves the feedback on screen.
#[test]
fn the_next_question_waits_until_the_answer_is_saved() {
    let (state, event) = answer_first_question(asking_first_question());
    assert_eq!(*state.unsaved, vec![event.clone()]);
    let state = dispatch(state, Action::Continue(NOW + 6_000));
    assert_eq!(position(&state), 0, "moved on before the answer was saved");
    assert!(matches!(
        state.session.as_ref().map(|s| &s.step),
        Some(Step::Feedback(_))
    ));
    let state = dispatch(state, Action::Saved(vec![event.id]));
    let state = dispatch(state, Action::Continue(NOW + 7_000));
    assert_eq!(position(&state), 1);
}

/// Where the browser refuses storage there is no save to wait for: the learner goes on, and
/// the answer stays in the log for the export (before, "Saving…" never ended).
#[test]
fn without_storage_the_learner_goes_on_and_the_answer_stays_in_memory() {
    let state = dispatch(
        asking_first_question(),
        Action::StoreFailed("no storage".into()),
    );
    let (state, event) = answer_first_question(state);
    let state = dispatch(state, Action::Continue(NOW + 6_000));
    assert_eq!(position(&state), 1);
    assert_eq!(state.log.read().events(), [event]);
}

/// An answer dated before answers already taken in (the device clock went back) leaves the
/// learner state a reload would replay, and tells effects the log changed wholesale.
#[test]
fn a_backdated_answer_leaves_the_state_a_replay_gives() {
    let day = engine::time::DAY_MS;
    let state = Rc::new(AppState::default());
    let state = dispatch(
        state,
        Action::Record(vec![
            answer("d:1", "q1", NOW, Rating::Good),
            answer("d:2", "q1", NOW + 3 * day, Rating::Good),
        ]),
    );
    let generation = state.log_generation;
    let state = dispatch(
        state,
        Action::Record(vec![answer("d:0", "q1", NOW + day, Rating::Again)]),
    );
    let replayed = engine::replay(&state.log.read(), &state.scheduler).unwrap();
    assert_eq!(*state.learner.read(), replayed);
    assert_eq!(state.log_generation, generation + 1);
    assert_eq!(state.unsaved.len(), 3, "the backdated answer is saved too");
}
