//! Tests of sessions: cards before a new lesson, resume points and the answers counted on resume.

use super::*;
use crate::adapter::test_support::catalogue;

fn learner_and_scheduler() -> (LearnerState, Scheduler) {
    (LearnerState::default(), Scheduler::default())
}

#[test]
fn a_new_lesson_starts_with_its_cards_and_resumes_on_the_same_card() {
    let catalogue = catalogue();
    let (learner, scheduler) = learner_and_scheduler();
    let lesson = &catalogue.modules[0].lessons[0];
    let plan = lesson_plan(lesson, &learner, &catalogue, &scheduler, 1_000);
    let session = Session::new(plan, &learner, &catalogue, 1_000);
    assert!(matches!(&session.step, Step::Card { lesson_id, index: 0, .. } if lesson_id == "a"));
    let point = session
        .resume_point()
        .expect("a session in progress can be resumed");
    assert_eq!(point.lesson_card, Some(("cyber".into(), "a".into(), 0)));
    let resumed = Session::from_resume(
        &point,
        &learner,
        &ReviewLog::new(),
        &catalogue,
        &scheduler,
        2_000,
    )
    .expect("the saved point is valid");
    assert_eq!(resumed.step, session.step);
    assert_eq!(resumed.plan.queue, session.plan.queue);
}

#[test]
fn after_an_answer_the_resume_point_is_the_next_question() {
    let catalogue = catalogue();
    let (learner, scheduler) = learner_and_scheduler();
    let queue: Vec<QueueEntry> = ["q1", "q2"]
        .iter()
        .filter_map(|id| queue_entry(id, &learner, &catalogue, &scheduler, 0))
        .collect();
    let mut session = Session::new(plan_from_queue(queue), &learner, &catalogue, 0);
    session.step = Step::Asking { shown_at_ms: 0 };
    let event = ReviewEvent {
        id: engine::EventId::new("d:1"),
        item_id: ItemId::new("q1"),
        item_version: 2,
        item_kind: engine::ItemKind::TrueFalse,
        at_ms: 10,
        rating: engine::Rating::Good,
        score: 1.0,
        response_ms: 10,
        confidence: None,
        kind: engine::EventKind::Review,
    };
    let response = cm::Response::TrueFalse { answer: true };
    session.record_answer(
        Feedback {
            response,
            score: 1.0,
            event: event.clone(),
        },
        &learner,
        10,
    );
    let point = session.resume_point().expect("one question is left");
    assert_eq!((point.position, point.lesson_card.clone()), (1, None));
    assert_eq!(point.queue.len(), 2);
    assert_eq!(session.correct, 1);
    // Resumed later, the answer given before the page closed still counts.
    let mut earlier = event.clone();
    earlier.id = engine::EventId::new("d:0");
    earlier.at_ms = -5;
    let log = ReviewLog::from_events(vec![earlier, event]);
    let resumed = Session::from_resume(&point, &learner, &log, &catalogue, &scheduler, 20)
        .expect("the saved point is valid");
    assert_eq!((resumed.answered, resumed.correct), (1, 1));
}

#[test]
fn a_point_naming_unknown_items_is_not_resumed() {
    let catalogue = catalogue();
    let (learner, scheduler) = learner_and_scheduler();
    let point = ResumePoint {
        started_at_ms: 0,
        queue: vec![ResumeEntry {
            item_id: "gone".into(),
            variant: 0,
        }],
        position: 0,
        lesson_card: None,
    };
    let log = ReviewLog::new();
    assert!(Session::from_resume(&point, &learner, &log, &catalogue, &scheduler, 0).is_none());
}
