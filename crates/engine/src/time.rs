//! Time units and the learner's day: the engine never reads the clock, it only converts the
//! millisecond timestamps it is given.

/// Milliseconds in one minute.
pub const MINUTE_MS: i64 = 60_000;
/// Milliseconds in one day.
pub const DAY_MS: i64 = 86_400_000;
/// A learning day starts at 04:00 UTC, as Anki's default "next day starts at" does, so a late
/// shift that runs past midnight still counts as one day of study.
pub const DAY_ROLLOVER_MS: i64 = 4 * 60 * MINUTE_MS;

/// The learning-day number of a UTC timestamp (days since the epoch, rolling over at 04:00 UTC).
pub fn day_index(at_ms: i64) -> i64 {
    (at_ms - DAY_ROLLOVER_MS).div_euclid(DAY_MS)
}

/// Whole learning days from `earlier_ms` to `later_ms`, never negative, as FSRS counts elapsed
/// time. A clock that jumped backwards therefore gives zero, not a negative interval.
pub fn elapsed_days(earlier_ms: i64, later_ms: i64) -> u32 {
    let days = day_index(later_ms) - day_index(earlier_ms);
    u32::try_from(days.max(0)).unwrap_or(u32::MAX)
}

/// The first millisecond of the learning day after the one containing `at_ms`.
pub fn next_day_start_ms(at_ms: i64) -> i64 {
    (day_index(at_ms) + 1) * DAY_MS + DAY_ROLLOVER_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_rolls_over_at_four_in_the_morning() {
        let midnight = 20_000 * DAY_MS;
        assert_eq!(day_index(midnight + 3 * 60 * MINUTE_MS), 19_999);
        assert_eq!(day_index(midnight + 4 * 60 * MINUTE_MS), 20_000);
        assert_eq!(next_day_start_ms(midnight), midnight + DAY_ROLLOVER_MS);
    }

    #[test]
    fn elapsed_days_is_never_negative() {
        assert_eq!(elapsed_days(10 * DAY_MS, 5 * DAY_MS), 0);
        assert_eq!(elapsed_days(5 * DAY_MS, 10 * DAY_MS), 5);
    }
}
