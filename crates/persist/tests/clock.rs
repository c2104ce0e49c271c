//! Clock jumps: events recorded while the device clock jumped back or forward load in the order
//! of their own timestamps and ids, whatever order they were stored in, and replay without
//! negative intervals.

mod support;

use engine::{Rating, ReviewEvent, Scheduler, replay};
use persist::load;
use proptest::prelude::*;
use support::{NEW_YEAR_MS, event, saved_with_events};

const HOUR_MS: i64 = 3_600_000;

/// Answers given in this order while the clock jumped a day back, then a year forward, then
/// back to the right time.
fn jumpy_answers() -> Vec<ReviewEvent> {
    let times = [
        0,
        10 * 60_000,
        -24 * HOUR_MS,
        -23 * HOUR_MS,
        365 * 24 * HOUR_MS,
        20 * 60_000,
    ];
    times
        .iter()
        .enumerate()
        .map(|(n, offset)| {
            let rating = if n % 3 == 1 {
                Rating::Again
            } else {
                Rating::Good
            };
            event(&format!("d:{n}"), "m/l/q1", NEW_YEAR_MS + offset, rating)
        })
        .collect()
}

#[test]
fn events_load_in_timestamp_order_and_replay_without_negative_intervals() {
    let recovered = load(&saved_with_events(&jumpy_answers()), NEW_YEAR_MS);
    let times: Vec<i64> = recovered.log.events().iter().map(|e| e.at_ms).collect();
    assert!(times.is_sorted(), "{times:?}");
    let state = replay(&recovered.log, &Scheduler::default()).unwrap();
    let card = &state.items.values().next().unwrap().card;
    assert!(card.interval_days >= 0.0);
    assert!(card.due_ms >= card.last_review_ms);
    assert_eq!(state.totals.reviews, 6);
}

#[test]
fn equal_timestamps_are_ordered_by_id() {
    let events = vec![
        event("b", "m/l/q1", NEW_YEAR_MS, Rating::Good),
        event("a", "m/l/q2", NEW_YEAR_MS, Rating::Good),
    ];
    let recovered = load(&saved_with_events(&events), NEW_YEAR_MS);
    let ids: Vec<&str> = recovered
        .log
        .events()
        .iter()
        .map(|e| e.id.0.as_str())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever order the records come back in (IndexedDB returns them by key, not by time),
    /// the log and everything replayed from it are the same, and no interval is negative.
    #[test]
    fn any_record_order_gives_the_same_state(
        offsets in prop::collection::vec(-400i64 * 24 * HOUR_MS..400 * 24 * HOUR_MS, 1..30),
        seed in any::<u64>(),
    ) {
        let events: Vec<ReviewEvent> = offsets
            .iter()
            .enumerate()
            .map(|(n, offset)| {
                let rating = Rating::ALL[(n + seed as usize) % 4];
                event(&format!("d:{n}"), &format!("q{}", n % 3), NEW_YEAR_MS + offset, rating)
            })
            .collect();
        let mut shuffled = events.clone();
        shuffled.rotate_left((seed as usize) % events.len());
        shuffled.reverse();
        let first = load(&saved_with_events(&events), NEW_YEAR_MS);
        let second = load(&saved_with_events(&shuffled), NEW_YEAR_MS);
        prop_assert_eq!(&first.log, &second.log);
        let scheduler = Scheduler::default();
        let state = replay(&first.log, &scheduler).unwrap();
        prop_assert_eq!(&state, &replay(&second.log, &scheduler).unwrap());
        for record in state.items.values() {
            prop_assert!(record.card.interval_days >= 0.0);
            prop_assert!(record.card.due_ms >= record.card.last_review_ms);
        }
    }
}
