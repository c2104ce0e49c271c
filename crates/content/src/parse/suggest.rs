//! "Did you mean" suggestions: the known word nearest to a typo, by edit distance.

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
pub(crate) fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .iter()
        .map(|candidate| (edit_distance(word, candidate), *candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters, ignoring case and treating `_` and `-` alike, because
/// authors mix `feedback-true` and `feedback_true`.
fn edit_distance(a: &str, b: &str) -> usize {
    let fold = |s: &str| -> Vec<char> {
        s.chars()
            .map(|c| {
                if c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    };
    let (a, b) = (fold(a), fold(b));
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_key() {
        let keys = ["title", "summary", "lessons"];
        assert_eq!(nearest("titel", &keys), Some("title"));
        assert_eq!(nearest("lesson", &keys), Some("lessons"));
        assert_eq!(nearest("colour", &keys), None);
    }

    #[test]
    fn hyphens_and_underscores_are_alike() {
        assert_eq!(edit_distance("feedback-true", "feedback_true"), 0);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
