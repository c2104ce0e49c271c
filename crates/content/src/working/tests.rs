//! Tests for the `working` language.

use super::*;

fn table() -> Table {
    let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    Table {
        header: row(&["Month", "Falls", "Bed days"]),
        rows: vec![
            row(&["April", "6", "3,100"]),
            row(&["May", "9", "3,300"]),
            row(&["June", "6", "3,000"]),
        ],
    }
}

fn eval(expression: &str) -> Result<f64, WorkingError> {
    evaluate(expression, Some(&table()))
}

#[test]
fn arithmetic_follows_precedence_and_brackets() {
    assert_eq!(eval("1 + 2 * 3"), Ok(7.0));
    assert_eq!(eval("(1 + 2) * 3"), Ok(9.0));
    assert_eq!(eval("10 / 4 - -1"), Ok(3.5));
    assert_eq!(eval("2 - 3 - 4"), Ok(-5.0));
}

#[test]
fn aggregates_work_on_lists_and_columns() {
    assert_eq!(eval("sum(column(\"Falls\"))"), Ok(21.0));
    assert_eq!(eval("mean(column(\"Falls\"))"), Ok(7.0));
    assert_eq!(eval("median(column(\"Bed days\"))"), Ok(3100.0));
    assert_eq!(eval("median(1, 2, 3, 4)"), Ok(2.5));
    assert_eq!(eval("mode(column(\"Falls\"))"), Ok(6.0));
    assert_eq!(eval("min(column(\"Falls\"))"), Ok(6.0));
    assert_eq!(eval("max(4, 8, 2)"), Ok(8.0));
    assert_eq!(
        eval("count(column(\"Month\" ))")
            .map_err(|e| e.message)
            .unwrap_err(),
        "the cell `April` is not a number"
    );
    assert_eq!(eval("count(column(\"Falls\"))"), Ok(3.0));
    assert_eq!(eval("range(column(\"Bed days\"))"), Ok(300.0));
}

#[test]
fn cells_read_numbers_with_commas() {
    assert_eq!(eval("cell(\"May\", \"Bed days\")"), Ok(3300.0));
    let rate = eval("round(cell(\"May\", \"Falls\") / cell(\"May\", \"Bed days\") * 1000, 2)");
    assert_eq!(rate, Ok(2.73));
}

#[test]
fn mistakes_are_explained() {
    let message = |e: &str| eval(e).unwrap_err().message;
    assert_eq!(message("1 / (2 - 2)"), "division by zero");
    assert_eq!(
        message("column(\"Beds\")"),
        "the table has no column `Beds`"
    );
    assert_eq!(
        message("cell(\"July\", \"Falls\")"),
        "the table has no row `July`"
    );
    assert_eq!(message("1 +"), "the expression ends too soon");
    assert_eq!(message("(1 + 2"), "expected `)`");
    assert_eq!(message("1 2"), "unexpected `2`");
    assert!(message("avg(1, 2)").starts_with("unknown function `avg`"));
    assert!(message("mode(1, 2)").contains("no single answer"));
    assert!(message("column(\"Falls\") + 1").starts_with("a list where a number belongs"));
    assert_eq!(
        evaluate("cell(\"May\", \"Falls\")", None)
            .unwrap_err()
            .message,
        "`column` and `cell` need the item to have a `table`"
    );
}
