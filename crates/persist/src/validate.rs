//! Checks on values that parse but could not have been written by Microlearn: empty or huge ids,
//! times outside 1970-2100, scores outside 0..=1. Shared by the loader and the import.

use crate::AppSettings;
use crate::limits::{MAX_NAME_CHARS, id_problem, time_in_range};
use engine::ReviewEvent;

/// What is wrong with an event, in words, if anything.
pub fn event_problem(event: &ReviewEvent) -> Option<String> {
    if let Some(problem) = id_problem(&event.id.0) {
        return Some(format!("its id {problem}"));
    }
    if let Some(problem) = id_problem(&event.item_id.0) {
        return Some(format!("its question id {problem}"));
    }
    if !time_in_range(event.at_ms) {
        return Some("its time is not between 1970 and 2100".into());
    }
    if !(0.0..=1.0).contains(&event.score) {
        return Some("its score is not between 0 and 1".into());
    }
    None
}

/// What is wrong with settings, in words, if anything.
pub fn settings_problem(settings: &AppSettings) -> Option<String> {
    if settings.learner_name.chars().count() > MAX_NAME_CHARS {
        return Some(format!(
            "the learner name is longer than {MAX_NAME_CHARS} characters"
        ));
    }
    let module_ids = settings
        .chosen_modules
        .iter()
        .chain(settings.placement_done.keys())
        .chain(settings.study.modules.keys());
    for id in module_ids {
        if let Some(problem) = id_problem(id) {
            return Some(format!("a module id {problem}"));
        }
    }
    if settings
        .placement_done
        .values()
        .any(|&at| !time_in_range(at))
    {
        return Some("a placement time is not between 1970 and 2100".into());
    }
    let module_settings_valid = settings.study.modules.values().all(|module| {
        module.desired_retention.is_finite()
            && module.priority.is_finite()
            && module.deadline_ms.is_none_or(time_in_range)
    });
    if !module_settings_valid {
        return Some("a module's target, priority or deadline is not a usable number".into());
    }
    let parameters = &settings.memory_model.parameters;
    if !(parameters.is_empty() || parameters.len() == engine::PARAMETER_COUNT)
        || parameters.iter().any(|value| !value.is_finite())
    {
        return Some(format!(
            "the memory model is not {} usable numbers",
            engine::PARAMETER_COUNT
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::{EventId, EventKind, ItemId, ItemKind, Rating};

    fn event() -> ReviewEvent {
        ReviewEvent {
            id: EventId::new("d:1"),
            item_id: ItemId::new("m/l/q1"),
            item_version: 1,
            item_kind: ItemKind::Single,
            at_ms: 1_767_225_600_000,
            rating: Rating::Good,
            score: 1.0,
            response_ms: 5000,
            confidence: None,
            kind: EventKind::Review,
        }
    }

    #[test]
    fn a_normal_event_passes() {
        assert_eq!(event_problem(&event()), None);
    }

    #[test]
    fn bad_events_are_named() {
        let mut bad = event();
        bad.at_ms = -5;
        assert_eq!(
            event_problem(&bad).unwrap(),
            "its time is not between 1970 and 2100"
        );
        let mut bad = event();
        bad.score = 1.5;
        assert_eq!(
            event_problem(&bad).unwrap(),
            "its score is not between 0 and 1"
        );
        let mut bad = event();
        bad.id = EventId::new("");
        assert_eq!(event_problem(&bad).unwrap(), "its id is empty");
    }

    #[test]
    fn settings_with_a_huge_name_are_refused() {
        let settings = AppSettings {
            learner_name: "x".repeat(201),
            ..AppSettings::default()
        };
        assert!(
            settings_problem(&settings)
                .unwrap()
                .contains("learner name")
        );
        assert_eq!(settings_problem(&AppSettings::default()), None);
    }

    #[test]
    fn a_memory_model_of_the_wrong_shape_is_refused() {
        let with_parameters = |parameters: Vec<f32>| AppSettings {
            memory_model: crate::MemoryModel {
                parameters,
                fitted_at_events: 0,
            },
            ..AppSettings::default()
        };
        let expected = Some("the memory model is not 21 usable numbers".to_string());
        assert_eq!(settings_problem(&with_parameters(vec![0.5; 3])), expected);
        let mut not_a_number = vec![0.5; 21];
        not_a_number[4] = f32::NAN;
        assert_eq!(settings_problem(&with_parameters(not_a_number)), expected);
        assert_eq!(settings_problem(&with_parameters(vec![0.5; 21])), None);
    }
}
