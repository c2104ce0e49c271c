//! The app's one source of "now", with a test hook that moves the clock without sleeping.
//!
//! Test hook: when `localStorage["microlearn.clock-offset-ms"]` holds a number, it is added to
//! `Date.now()`. End-to-end tests set it (for example to one day, 86400000) and reload, so the
//! app behaves as if that much time had passed; it is read once per page load. Learners never
//! set it; a missing or unreadable value means no offset.

/// The localStorage key of the test clock offset, in milliseconds.
pub const OFFSET_KEY: &str = "microlearn.clock-offset-ms";

/// The current time in UTC milliseconds, as the engine expects it.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64 + offset_ms()
}

thread_local! {
    /// Read once per page load (tests set it and reload): a localStorage read on every call
    /// cost more than the rest of `now_ms` while rendering a question.
    static OFFSET_MS: i64 = read_offset_ms();
}

/// The test offset as localStorage holds it now (0 when missing or unreadable).
pub fn read_offset_ms() -> i64 {
    crate::browser::local_storage_get(OFFSET_KEY)
        .and_then(|text| text.trim().parse::<i64>().ok())
        .unwrap_or(0)
}

fn offset_ms() -> i64 {
    OFFSET_MS.with(|offset| *offset)
}
