//! Property tests: invariants that must hold for any sequence of events.

mod common;

use common::{DAY, START_MS, catalogue};
use engine::*;
use proptest::prelude::*;

/// Events on up to six items over about a year, with unique ids.
fn events_strategy(max_len: usize) -> impl Strategy<Value = Vec<ReviewEvent>> {
    prop::collection::vec(
        (0usize..6, 0i64..(400 * DAY), 1u32..=4, any::<bool>()),
        0..max_len,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(index, (item, offset, rating, tested_out))| {
                let mut event = common::review(
                    &format!("e{index}"),
                    &common::item_id(0, item / 3, item % 3),
                    START_MS + offset,
                    Rating::from_number(rating).unwrap(),
                );
                if tested_out && index % 7 == 0 {
                    event.kind = EventKind::TestedOut;
                }
                event
            })
            .collect()
    })
}

fn all_finite(card: &CardState) -> bool {
    card.memory.stability_days.is_finite()
        && card.memory.stability_days > 0.0
        && card.memory.difficulty.is_finite()
        && card.interval_days.is_finite()
        && card.interval_days >= 0.0
        && card.due_ms >= card.last_review_ms
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_sequence_of_events_gives_finite_states_and_intervals(events in events_strategy(60)) {
        let scheduler = Scheduler::default();
        let state = replay(&ReviewLog::from_events(events), &scheduler).unwrap();
        for record in state.items.values() {
            prop_assert!(all_finite(&record.card), "{:?}", record.card);
            let next = scheduler.next_states(Some(&record.card), record.card.due_ms).unwrap();
            for rating in Rating::ALL {
                prop_assert!(all_finite(&next.for_rating(rating)));
            }
        }
    }

    #[test]
    fn a_better_answer_never_gives_a_shorter_interval(
        events in events_strategy(40),
        wait_ms in 0i64..(200 * DAY),
    ) {
        let scheduler = Scheduler::default();
        let state = replay(&ReviewLog::from_events(events), &scheduler).unwrap();
        let mut cards: Vec<Option<CardState>> = state.items.values().map(|record| Some(record.card)).collect();
        cards.push(None);
        for card in cards {
            let now = card.map_or(START_MS, |card| card.last_review_ms) + wait_ms;
            let next = scheduler.next_states(card.as_ref(), now).unwrap();
            let waits: Vec<i64> = Rating::ALL.iter().map(|&rating| next.for_rating(rating).due_ms - now).collect();
            prop_assert!(waits.windows(2).all(|pair| pair[0] <= pair[1]), "{:?}", waits);
        }
    }

    #[test]
    fn applying_one_rating_matches_the_corresponding_next_state(
        events in events_strategy(40),
        wait_ms in 0i64..(100 * DAY),
        rating in 1u32..=4,
    ) {
        let scheduler = Scheduler::default();
        let rating = Rating::from_number(rating).unwrap();
        let state = replay(&ReviewLog::from_events(events), &scheduler).unwrap();
        let mut cards: Vec<Option<CardState>> = state.items.values().map(|record| Some(record.card)).collect();
        cards.push(None);
        for card in cards {
            let now = card.map_or(START_MS, |card| card.last_review_ms) + wait_ms;
            let applied = scheduler.apply(card.as_ref(), rating, now).unwrap();
            let expected = scheduler.next_states(card.as_ref(), now).unwrap().for_rating(rating);
            prop_assert_eq!(applied, expected);
        }
    }

    #[test]
    fn a_shuffled_log_replays_to_the_same_state(
        (events, shuffled) in events_strategy(50).prop_flat_map(|events| {
            let shuffled = Just(events.clone()).prop_shuffle();
            (Just(events), shuffled)
        })
    ) {
        let scheduler = Scheduler::default();
        let sorted = replay(&ReviewLog::from_events(events), &scheduler).unwrap();
        let from_shuffled = replay(&ReviewLog::from_events(shuffled), &scheduler).unwrap();
        prop_assert_eq!(sorted, from_shuffled);
    }

    /// Answers reach the app in any order (a clock set back, another tab's answers, an import):
    /// recording them one at a time must leave the state a replay of the whole log gives.
    #[test]
    fn recording_events_in_any_arrival_order_matches_a_replay(
        arrivals in events_strategy(50).prop_flat_map(|events| Just(events).prop_shuffle())
    ) {
        let scheduler = Scheduler::default();
        let mut log = ReviewLog::new();
        let mut state = LearnerState::default();
        for event in arrivals {
            state::record(&mut log, &mut state, &scheduler, event).unwrap();
            prop_assert_eq!(&state, &replay(&log, &scheduler).unwrap());
        }
    }

    #[test]
    fn merging_is_idempotent_commutative_and_associative(
        events in events_strategy(40),
        picks in prop::collection::vec(0u8..8, 40),
    ) {
        // Each event goes into some of the three logs (bit i of its pick: log i).
        let subset = |bit: u8| {
            let chosen = events
                .iter()
                .zip(&picks)
                .filter(|(_, pick)| *pick & (1 << bit) != 0)
                .map(|(event, _)| event.clone())
                .collect();
            ReviewLog::from_events(chosen)
        };
        let (a, b, c) = (subset(0), subset(1), subset(2));
        prop_assert_eq!(a.merge(&a), a.clone());
        prop_assert_eq!(a.merge(&b), b.merge(&a));
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
        prop_assert_eq!(merge_logs([&a, &b, &c]), a.merge(&b).merge(&c));
    }

    #[test]
    fn the_planner_keeps_to_budget_never_repeats_back_to_back_and_is_deterministic(
        events in events_strategy(60),
        daily_minutes in 0u32..20,
        new_items_per_day in 0u32..15,
        days_later in 0i64..60,
        seed in any::<u64>(),
    ) {
        let catalogue = catalogue(3, 3, 3);
        let scheduler = Scheduler::default();
        let state = replay(&ReviewLog::from_events(events), &scheduler).unwrap();
        let settings = Settings { daily_minutes, new_items_per_day, ..Settings::default() };
        let now = START_MS + days_later * DAY;
        let session = plan(&state, &catalogue, &settings, &scheduler, now, seed);
        let largest_item_ms = session
            .queue
            .iter()
            .map(|entry| u64::from(entry.estimated_ms) * if entry.reason == QueueReason::New { 2 } else { 1 })
            .max()
            .unwrap_or(0);
        prop_assert!(session.estimated_ms <= session.budget_ms + largest_item_ms);
        prop_assert!(session.queue.windows(2).all(|pair| pair[0].item_id != pair[1].item_id));
        let new_count = session.queue.iter().filter(|entry| entry.reason == QueueReason::New).count();
        prop_assert!(new_count <= new_items_per_day as usize);
        prop_assert_eq!(&session, &plan(&state, &catalogue, &settings, &scheduler, now, seed));
    }
}

#[test]
fn a_log_round_trips_through_json() {
    let events = vec![
        common::review("b", &common::item_id(0, 0, 1), START_MS + 5, Rating::Good),
        common::review("a", &common::item_id(0, 0, 0), START_MS, Rating::Again),
        common::review("a", &common::item_id(0, 0, 0), START_MS, Rating::Again),
    ];
    let log = ReviewLog::from_events(events);
    assert_eq!(log.len(), 2);
    let json = serde_json::to_string(&log).unwrap();
    assert!(json.starts_with("[{\"id\":\"a\""));
    let back: ReviewLog = serde_json::from_str(&json).unwrap();
    assert_eq!(back, log);
}

#[test]
fn pushing_an_event_twice_adds_it_once() {
    let mut log = ReviewLog::new();
    let event = common::review("x", &common::item_id(0, 0, 0), START_MS, Rating::Good);
    assert!(log.push(event.clone()));
    assert!(!log.push(event));
    assert_eq!(log.len(), 1);
}

#[test]
fn a_loaded_or_merged_log_refuses_an_id_it_already_holds() {
    let first = common::review("a", &common::item_id(0, 0, 0), START_MS, Rating::Good);
    let json = serde_json::to_string(&ReviewLog::from_events(vec![first.clone()])).unwrap();
    let mut loaded: ReviewLog = serde_json::from_str(&json).unwrap();
    // The same id with other details (a corrupt copy) is still the same event.
    let mut copy = first.clone();
    copy.at_ms += 1_000;
    assert!(!loaded.push(copy));
    let other = common::review("b", &common::item_id(0, 0, 1), START_MS, Rating::Good);
    let mut merged = loaded.merge(&ReviewLog::from_events(vec![other.clone()]));
    assert!(!merged.push(other));
    assert!(merged.push(common::review(
        "c",
        &common::item_id(0, 0, 2),
        START_MS,
        Rating::Hard
    )));
    assert_eq!(merged.len(), 3);
}
