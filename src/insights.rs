//! Figures for the Today and Progress screens that summarise the log (activity per day, this
//! week's minutes) or ask the engine's memory model about the future (the recall forecast).

use std::collections::BTreeMap;

use engine::time::{DAY_MS, day_index};
use engine::{EventKind, LearnerState, ReviewLog, Scheduler};

/// Answers and time spent on one learning day.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DayActivity {
    pub answers: u32,
    pub response_ms: u64,
}

/// Activity per learning day (placement results are not study, so they are left out).
pub fn activity_by_day(log: &ReviewLog) -> BTreeMap<i64, DayActivity> {
    let mut days: BTreeMap<i64, DayActivity> = BTreeMap::new();
    for event in log.events().iter().filter(|e| e.kind == EventKind::Review) {
        let day = days.entry(day_index(event.at_ms)).or_default();
        day.answers += 1;
        day.response_ms += u64::from(event.response_ms);
    }
    days
}

/// Whole minutes studied in the last seven learning days, today included.
pub fn minutes_this_week(log: &ReviewLog, now_ms: i64) -> u32 {
    let today = day_index(now_ms);
    let ms: u64 = activity_by_day(log)
        .range(today - 6..=today)
        .map(|(_, day)| day.response_ms)
        .sum();
    (ms / 60_000) as u32
}

/// The weekly goal: the daily minutes on five days.
pub fn weekly_goal_minutes(daily_minutes: u32) -> u32 {
    daily_minutes * 5
}

/// Mean predicted recall (percent) of every item learned so far, for each of the next `days`
/// days if the learner did no more reviews: the memory model's forgetting curve.
pub fn recall_forecast(
    learner: &LearnerState,
    scheduler: &Scheduler,
    now_ms: i64,
    days: i64,
) -> Vec<f64> {
    if learner.items.is_empty() {
        return Vec::new();
    }
    (0..=days)
        .map(|day| {
            let at = now_ms + day * DAY_MS;
            let sum: f64 = learner
                .items
                .values()
                .map(|record| f64::from(scheduler.retrievability(&record.card, at)))
                .sum();
            100.0 * sum / learner.items.len() as f64
        })
        .collect()
}

/// A whole-percent label for a 0..1 fraction.
pub fn percent(fraction: f32) -> String {
    format!("{:.0}%", (fraction * 100.0).clamp(0.0, 100.0))
}

/// A date in words, such as "3 March 2027", for a UTC timestamp.
pub fn format_date(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!(
        "{} {} {}",
        date.get_utc_date(),
        months[date.get_utc_month() as usize % 12],
        date.get_utc_full_year()
    )
}

/// `YYYY-MM-DD` for a date input.
pub fn iso_date(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02}",
        date.get_utc_full_year(),
        date.get_utc_month() + 1,
        date.get_utc_date()
    )
}

/// The UTC timestamp of the end of a `YYYY-MM-DD` day (deadlines fall due at the end of it).
pub fn parse_iso_date(text: &str) -> Option<i64> {
    let parsed = js_sys::Date::parse(&format!("{text}T23:00:00Z"));
    parsed.is_finite().then_some(parsed as i64)
}
