//! Recovery helpers for damaged records: mend JSON that was cut short, and keep every field of a
//! record that still reads correctly while resetting only the fields that do not.

use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};
use std::collections::VecDeque;

/// Texts longer than this are not mended (a real settings record is a few hundred bytes).
const MAX_REPAIR_BYTES: usize = 256 * 1024;

/// How many cut points are tried, from the end backwards, before giving up.
const MAX_REPAIR_TRIES: usize = 64;

/// Nesting deeper than this is not mended: no saved record is this deep, and each cut point
/// carries its closers, so unbounded depth would cost memory quadratic in the text.
const MAX_REPAIR_DEPTH: usize = 32;

/// Parses JSON that may have been cut short: closes the open brackets after the last complete
/// element. Returns `None` when nothing usable remains.
pub fn repair_truncated(text: &str) -> Option<Value> {
    if let Ok(value) = serde_json::from_str(text) {
        return Some(value);
    }
    if text.len() > MAX_REPAIR_BYTES {
        return None;
    }
    cut_points(text)
        .into_iter()
        .rev()
        .find_map(|(end, closers)| {
            let candidate = format!("{}{closers}", &text[..end]);
            serde_json::from_str(&candidate).ok()
        })
}

/// The last places where the text could end if the open brackets were then closed: just before
/// a comma, or just after a closing bracket, outside strings. Each comes with its closers.
fn cut_points(text: &str) -> VecDeque<(usize, String)> {
    let mut points = VecDeque::with_capacity(MAX_REPAIR_TRIES + 1);
    let keep = |points: &mut VecDeque<_>, point| {
        if points.len() == MAX_REPAIR_TRIES {
            points.pop_front();
        }
        points.push_back(point);
    };
    let mut stack: Vec<u8> = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    for (index, byte) in text.bytes().enumerate() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' if stack.len() == MAX_REPAIR_DEPTH => return VecDeque::new(),
            b'{' => stack.push(b'}'),
            b'[' => stack.push(b']'),
            b'}' | b']' => {
                stack.pop();
                if !stack.is_empty() {
                    keep(&mut points, (index + 1, closers(&stack)));
                }
            }
            b',' if !stack.is_empty() => keep(&mut points, (index, closers(&stack))),
            _ => {}
        }
    }
    points
}

fn closers(stack: &[u8]) -> String {
    stack.iter().rev().map(|&byte| byte as char).collect()
}

/// Reads a record field by field: every saved field that fits is kept; the others keep their
/// default. Returns the record and the paths (like `study.daily_minutes`) that were reset.
/// A value that is not an object at all resets everything (the path list is `[""]`).
pub fn recover_fields<T: Serialize + DeserializeOwned + Default>(
    saved: &Value,
) -> (T, Vec<String>) {
    let Some(saved_object) = saved.as_object() else {
        return (T::default(), vec![String::new()]);
    };
    let Ok(mut accepted) = serde_json::to_value(T::default()) else {
        return (T::default(), vec![String::new()]);
    };
    let mut reset = Vec::new();
    merge_object(&mut accepted, &[], saved_object, &mut reset, &|candidate| {
        serde_json::from_value::<T>(candidate.clone()).is_ok()
    });
    let record = serde_json::from_value(accepted).unwrap_or_default();
    (record, reset)
}

/// Copies each saved field into `accepted` if the whole record still reads afterwards; recurses
/// into objects so that one bad nested field does not reset its siblings.
fn merge_object(
    accepted: &mut Value,
    path: &[String],
    saved: &Map<String, Value>,
    reset: &mut Vec<String>,
    reads: &dyn Fn(&Value) -> bool,
) {
    for (key, saved_value) in saved {
        let mut field_path = path.to_vec();
        field_path.push(key.clone());
        let mut candidate = accepted.clone();
        set_at(&mut candidate, &field_path, saved_value.clone());
        if reads(&candidate) {
            *accepted = candidate;
            continue;
        }
        let current_is_object = get_at(accepted, &field_path).is_some_and(Value::is_object);
        match saved_value.as_object() {
            Some(nested) if current_is_object => {
                merge_object(accepted, &field_path, nested, reset, reads);
            }
            _ => reset.push(field_path.join(".")),
        }
    }
}

fn get_at<'a>(value: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(value, |value, key| value.get(key))
}

fn set_at(value: &mut Value, path: &[String], new_value: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut target = value;
    for key in parents {
        match target.get_mut(key) {
            Some(next) => target = next,
            None => return,
        }
    }
    if let Some(object) = target.as_object_mut() {
        object.insert(last.clone(), new_value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AppSettings;
    use serde_json::json;

    #[test]
    fn a_cut_off_object_keeps_its_complete_members() {
        let text = r#"{"onboarded":true,"theme":"dark","learner_name":"Sa"#;
        let value = repair_truncated(text).unwrap();
        assert_eq!(value, json!({"onboarded": true, "theme": "dark"}));
    }

    #[test]
    fn a_cut_inside_a_nested_object_keeps_the_outer_members() {
        let text = r#"{"onboarded":true,"study":{"daily_minutes":9,"new_items_per_day":"#;
        let value = repair_truncated(text).unwrap();
        assert_eq!(
            value,
            json!({"onboarded": true, "study": {"daily_minutes": 9}})
        );
    }

    #[test]
    fn nothing_usable_gives_none() {
        assert_eq!(repair_truncated("{\"onb"), None);
        assert_eq!(repair_truncated("\u{1}\u{2}garbage"), None);
    }

    #[test]
    fn deep_or_long_damage_is_given_up_on_quickly() {
        let deep = format!("{}{}", "[".repeat(100_000), ",".repeat(100_000));
        assert!(repair_truncated(&deep).is_none());
        let long = format!("[{}", "1,".repeat(MAX_REPAIR_BYTES));
        assert!(
            repair_truncated(&long).is_none(),
            "longer than the repair limit"
        );
        let within = format!("[{}", "1,".repeat(1_000));
        assert_eq!(
            repair_truncated(&within).unwrap().as_array().unwrap().len(),
            1_000
        );
    }

    #[test]
    fn wrong_fields_are_reset_and_the_rest_kept() {
        let saved = json!({
            "onboarded": true,
            "theme": 42,
            "learner_name": "Sam",
            "study": {"daily_minutes": "ten", "new_items_per_day": 3, "modules": {}}
        });
        let (settings, reset): (AppSettings, _) = recover_fields(&saved);
        assert!(settings.onboarded);
        assert_eq!(settings.learner_name, "Sam");
        assert_eq!(settings.study.new_items_per_day, 3);
        assert_eq!(
            settings.study.daily_minutes,
            AppSettings::default().study.daily_minutes
        );
        assert_eq!(reset, ["study.daily_minutes", "theme"]);
    }

    #[test]
    fn a_record_that_is_not_an_object_resets_everything() {
        let (settings, reset): (AppSettings, _) = recover_fields(&json!([1, 2]));
        assert_eq!(settings, AppSettings::default());
        assert_eq!(reset, [""]);
    }
}
