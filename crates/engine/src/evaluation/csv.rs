//! Reading review histories in the CSV layout of the open-spaced-repetition tools.
//!
//! # Accepted layout
//!
//! - The first non-empty line is the header. It must name these four columns, in any order:
//!   `card_id`, `review_rating`, `review_time`, `review_duration`. Other columns (for example
//!   `review_state`) are allowed and ignored. Names are matched after trimming spaces and
//!   surrounding double quotes; a UTF-8 byte-order mark is ignored.
//! - `card_id`: any non-empty text (Anki exports an integer).
//! - `review_rating`: 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy). Rows rated 0 (Anki's manual
//!   rescheduling) are rejected, since they are not answers.
//! - `review_time`: when the review happened, in milliseconds since the Unix epoch (UTC).
//! - `review_duration`: time spent answering in milliseconds (a non-negative integer).
//! - Fields are separated by commas and may be wrapped in double quotes; fields containing
//!   commas are not supported. Blank lines are skipped.
//!
//! Any other problem is an [`Error::Csv`] naming the 1-based line (the header is line 1).

use crate::error::Error;
use crate::log::Rating;

/// The columns a review-history CSV must have.
pub const REQUIRED_COLUMNS: [&str; 4] =
    ["card_id", "review_rating", "review_time", "review_duration"];

/// One row of a review-history CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvReview {
    /// The card (item) reviewed.
    pub card_id: String,
    /// The rating given.
    pub rating: Rating,
    /// When, UTC ms since the epoch.
    pub review_time_ms: i64,
    /// Time spent answering, ms.
    pub review_duration_ms: u64,
    /// The 1-based line the row came from.
    pub line: usize,
}

/// Parses a review-history CSV held in memory.
pub fn parse_review_csv(text: &str) -> Result<Vec<CsvReview>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line))
        .filter(|(_, line)| !line.trim().is_empty());
    let Some((header_line, header)) = lines.next() else {
        return Err(Error::Csv {
            line: 1,
            message: "the file is empty; expected a header".into(),
        });
    };
    let columns = column_positions(header, header_line)?;
    lines
        .map(|(line, row)| parse_row(row, line, &columns))
        .collect()
}

fn field(text: &str) -> &str {
    let trimmed = text.trim();
    trimmed
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
        .unwrap_or(trimmed)
}

/// The positions of the four required columns in the header.
fn column_positions(header: &str, line: usize) -> Result<[usize; 4], Error> {
    let names: Vec<&str> = header.split(',').map(field).collect();
    let mut positions = [0; 4];
    for (slot, required) in positions.iter_mut().zip(REQUIRED_COLUMNS) {
        *slot = names
            .iter()
            .position(|name| *name == required)
            .ok_or_else(|| Error::Csv {
                line,
                message: format!(
                    "the header has no `{required}` column; expected {} (found: {})",
                    REQUIRED_COLUMNS.join(","),
                    names.join(",")
                ),
            })?;
    }
    Ok(positions)
}

fn parse_row(row: &str, line: usize, columns: &[usize; 4]) -> Result<CsvReview, Error> {
    let fields: Vec<&str> = row.split(',').map(field).collect();
    let get = |index: usize, name: &str| {
        fields
            .get(columns[index])
            .copied()
            .ok_or_else(|| Error::Csv {
                line,
                message: format!("missing `{name}` (the row has {} fields)", fields.len()),
            })
    };
    let card_id = get(0, "card_id")?;
    if card_id.is_empty() {
        return Err(Error::Csv {
            line,
            message: "`card_id` is empty".into(),
        });
    }
    let rating_text = get(1, "review_rating")?;
    let rating = rating_text
        .parse::<u32>()
        .ok()
        .and_then(Rating::from_number)
        .ok_or_else(|| Error::Csv {
            line,
            message: format!("`review_rating` must be 1, 2, 3 or 4, not `{rating_text}`"),
        })?;
    let review_time_ms = parse_number::<i64>(get(2, "review_time")?, "review_time", line)?;
    let review_duration_ms =
        parse_number::<u64>(get(3, "review_duration")?, "review_duration", line)?;
    Ok(CsvReview {
        card_id: card_id.to_owned(),
        rating,
        review_time_ms,
        review_duration_ms,
        line,
    })
}

fn parse_number<T: std::str::FromStr>(text: &str, name: &str, line: usize) -> Result<T, Error> {
    text.parse::<T>().map_err(|_| Error::Csv {
        line,
        message: format!("`{name}` must be a whole number of milliseconds, not `{text}`"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_may_come_in_any_order_with_extras() {
        let text = "\u{feff}review_time,card_id,review_state,review_rating,review_duration\n\
                    1700000000000,42,1,3,5300\n\n\"1700000600000\",\"42\",2,1,800\n";
        let rows = parse_review_csv(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].card_id, "42");
        assert_eq!(rows[0].rating, Rating::Good);
        assert_eq!(rows[1].review_time_ms, 1_700_000_600_000);
        assert_eq!(rows[1].line, 4);
    }

    #[test]
    fn errors_name_the_line() {
        let header = "card_id,review_rating,review_time,review_duration\n";
        let bad_rating = format!("{header}1,3,1700000000000,100\n1,5,1700000000001,100\n");
        assert_eq!(
            parse_review_csv(&bad_rating).unwrap_err(),
            Error::Csv {
                line: 3,
                message: "`review_rating` must be 1, 2, 3 or 4, not `5`".into()
            }
        );
        let bad_time = format!("{header}1,3,yesterday,100\n");
        assert!(
            parse_review_csv(&bad_time)
                .unwrap_err()
                .to_string()
                .starts_with("line 2: `review_time`")
        );
        let short = format!("{header}1,3\n");
        assert!(
            parse_review_csv(&short)
                .unwrap_err()
                .to_string()
                .starts_with("line 2: missing")
        );
        let no_header = "card_id,rating,review_time,review_duration\n";
        assert!(
            parse_review_csv(no_header)
                .unwrap_err()
                .to_string()
                .contains("no `review_rating`")
        );
        assert!(parse_review_csv("").is_err());
    }
}
