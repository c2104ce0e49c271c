//! The SCORM 1.2 data model values the app writes: session time as CMITimespan and the lesson
//! status for a finished module. Pure, so it is tested natively.

/// `cmi.core.session_time` is a CMITimespan, `HHHH:MM:SS.SS` (hours of two to four digits,
/// seconds with up to two decimals). Longer sessions are capped at 9999 hours.
pub fn session_time(elapsed_ms: f64) -> String {
    let centiseconds = (elapsed_ms.max(0.0) / 10.0).round() as u64;
    let hours = (centiseconds / 360_000).min(9999);
    let minutes = (centiseconds / 6000) % 60;
    let seconds = (centiseconds / 100) % 60;
    let fraction = centiseconds % 100;
    format!("{hours:04}:{minutes:02}:{seconds:02}.{fraction:02}")
}

/// `cmi.core.lesson_status` when a module is finished: passed or failed against the LMS's mastery
/// score when the course has one, otherwise completed.
pub fn finished_status(score_percent: f64, mastery_score: Option<f64>) -> &'static str {
    match mastery_score {
        Some(mastery) if score_percent >= mastery => "passed",
        Some(_) => "failed",
        None => "completed",
    }
}

/// `cmi.core.score.raw` is a CMIDecimal from 0 to 100; one decimal place is plenty.
pub fn score_raw(score_percent: f64) -> String {
    let rounded = (score_percent.clamp(0.0, 100.0) * 10.0).round() / 10.0;
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_time_is_a_cmi_timespan() {
        assert_eq!(session_time(0.0), "0000:00:00.00");
        assert_eq!(session_time(65_320.0), "0000:01:05.32");
        assert_eq!(session_time(3_600_000.0 * 27.0 + 1_000.0), "0027:00:01.00");
        assert_eq!(session_time(-5.0), "0000:00:00.00");
        assert_eq!(session_time(3_600_000.0 * 20_000.0), "9999:00:00.00");
    }

    #[test]
    fn status_follows_the_mastery_score() {
        assert_eq!(finished_status(85.0, None), "completed");
        assert_eq!(finished_status(85.0, Some(80.0)), "passed");
        assert_eq!(finished_status(75.0, Some(80.0)), "failed");
    }

    #[test]
    fn scores_are_cmi_decimals_within_range() {
        assert_eq!(score_raw(87.46), "87.5");
        assert_eq!(score_raw(100.0), "100");
        assert_eq!(score_raw(130.0), "100");
        assert_eq!(score_raw(-3.0), "0");
    }
}
