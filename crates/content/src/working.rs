//! The `working` language: the arithmetic behind a numeric answer, evaluated against the item's
//! table so that a typo in an answer cannot ship.
//!
//! Numbers, `+ - * /`, brackets and functions: `sum mean median mode min max count range` over
//! lists of values or `column("Header")`, `round(x, places)`, `column("Header")` and
//! `cell("row label", "Header")`.

use crate::model::Table;

/// Why an expression could not be worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingError {
    /// Character position in the expression (0-based).
    pub at: usize,
    pub message: String,
}

/// Evaluates an expression, reading `column` and `cell` from `table` if there is one.
pub fn evaluate(expression: &str, table: Option<&Table>) -> Result<f64, WorkingError> {
    let mut parser = Parser {
        chars: expression.chars().collect(),
        pos: 0,
        table,
    };
    let value = parser.expression()?;
    parser.skip_spaces();
    if parser.pos < parser.chars.len() {
        return Err(parser.error(format!("unexpected `{}`", parser.chars[parser.pos])));
    }
    parser.number_from(value, 0)
}

/// A value while evaluating: functions such as `column` give lists.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Number(f64),
    List(Vec<f64>),
}

/// A recursive-descent parser that evaluates as it goes.
struct Parser<'t> {
    chars: Vec<char>,
    pos: usize,
    table: Option<&'t Table>,
}

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> WorkingError {
        WorkingError {
            at: self.pos,
            message: message.into(),
        }
    }

    fn skip_spaces(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }

    /// The next non-space character, without consuming it.
    fn peek(&mut self) -> Option<char> {
        self.skip_spaces();
        self.chars.get(self.pos).copied()
    }

    fn expect(&mut self, wanted: char) -> Result<(), WorkingError> {
        if self.peek() == Some(wanted) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(format!("expected `{wanted}`")))
        }
    }

    fn number_from(&self, value: Value, at: usize) -> Result<f64, WorkingError> {
        match value {
            Value::Number(n) => Ok(n),
            Value::List(_) => Err(WorkingError {
                at,
                message: "a list where a number belongs (use sum, mean, ... on a column)".into(),
            }),
        }
    }

    /// expression := term (("+" | "-") term)*
    fn expression(&mut self) -> Result<Value, WorkingError> {
        let start = self.pos;
        let mut value = self.term()?;
        while let Some(op @ ('+' | '-')) = self.peek() {
            self.pos += 1;
            let left = self.number_from(value, start)?;
            let right_at = self.pos;
            let right = self.term()?;
            let right = self.number_from(right, right_at)?;
            value = Value::Number(if op == '+' {
                left + right
            } else {
                left - right
            });
        }
        Ok(value)
    }

    /// term := unary (("*" | "/") unary)*
    fn term(&mut self) -> Result<Value, WorkingError> {
        let start = self.pos;
        let mut value = self.unary()?;
        while let Some(op @ ('*' | '/')) = self.peek() {
            self.pos += 1;
            let left = self.number_from(value, start)?;
            let right_at = self.pos;
            let right = self.unary()?;
            let right = self.number_from(right, right_at)?;
            if op == '/' && right == 0.0 {
                return Err(WorkingError {
                    at: right_at,
                    message: "division by zero".into(),
                });
            }
            value = Value::Number(if op == '*' {
                left * right
            } else {
                left / right
            });
        }
        Ok(value)
    }

    /// unary := "-" unary | primary
    fn unary(&mut self) -> Result<Value, WorkingError> {
        if self.peek() == Some('-') {
            self.pos += 1;
            let at = self.pos;
            let value = self.unary()?;
            return Ok(Value::Number(-self.number_from(value, at)?));
        }
        self.primary()
    }

    /// primary := number | "(" expression ")" | name "(" arguments ")"
    fn primary(&mut self) -> Result<Value, WorkingError> {
        match self.peek() {
            Some('(') => {
                self.pos += 1;
                let value = self.expression()?;
                self.expect(')')?;
                Ok(value)
            }
            Some(c) if c.is_ascii_digit() || c == '.' => self.number(),
            Some(c) if c.is_ascii_alphabetic() => self.call(),
            Some(c) => Err(self.error(format!("unexpected `{c}`"))),
            None => Err(self.error("the expression ends too soon")),
        }
    }

    fn number(&mut self) -> Result<Value, WorkingError> {
        let start = self.pos;
        while self
            .chars
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_digit() || *c == '.')
        {
            self.pos += 1;
        }
        let text: String = self.chars[start..self.pos].iter().collect();
        text.parse().map(Value::Number).map_err(|_| WorkingError {
            at: start,
            message: format!("`{text}` is not a number"),
        })
    }

    fn name(&mut self) -> String {
        let start = self.pos;
        while self
            .chars
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
        {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    /// A quoted string argument, as in `column("Falls")`.
    fn string(&mut self) -> Result<String, WorkingError> {
        self.expect('"')?;
        let start = self.pos;
        while self.chars.get(self.pos).is_some_and(|c| *c != '"') {
            self.pos += 1;
        }
        if self.pos >= self.chars.len() {
            return Err(self.error("a quoted name is not closed with `\"`"));
        }
        let text = self.chars[start..self.pos].iter().collect();
        self.pos += 1;
        Ok(text)
    }

    fn call(&mut self) -> Result<Value, WorkingError> {
        let at = self.pos;
        let name = self.name();
        self.expect('(')?;
        let value = match name.as_str() {
            "column" => {
                let header = self.string()?;
                Value::List(self.column(&header, at)?)
            }
            "cell" => {
                let row = self.string()?;
                self.expect(',')?;
                let header = self.string()?;
                Value::Number(self.cell(&row, &header, at)?)
            }
            "round" => {
                let x_at = self.pos;
                let x = self.expression()?;
                let x = self.number_from(x, x_at)?;
                self.expect(',')?;
                let places_at = self.pos;
                let places = self.expression()?;
                let places = self.number_from(places, places_at)?;
                Value::Number(round(x, places))
            }
            _ => {
                let values = self.list_arguments()?;
                Value::Number(
                    aggregate(&name, &values).map_err(|message| WorkingError { at, message })?,
                )
            }
        };
        self.expect(')')?;
        Ok(value)
    }

    /// Arguments of an aggregate: numbers and lists, flattened into one list.
    fn list_arguments(&mut self) -> Result<Vec<f64>, WorkingError> {
        let mut values = Vec::new();
        loop {
            match self.expression()? {
                Value::Number(n) => values.push(n),
                Value::List(list) => values.extend(list),
            }
            if self.peek() != Some(',') {
                return Ok(values);
            }
            self.pos += 1;
        }
    }

    fn table(&self, at: usize) -> Result<&Table, WorkingError> {
        self.table.ok_or(WorkingError {
            at,
            message: "`column` and `cell` need the item to have a `table`".into(),
        })
    }

    fn column_index(&self, header: &str, at: usize) -> Result<usize, WorkingError> {
        let table = self.table(at)?;
        table
            .header
            .iter()
            .position(|h| same(h, header))
            .ok_or_else(|| WorkingError {
                at,
                message: format!("the table has no column `{header}`"),
            })
    }

    fn column(&self, header: &str, at: usize) -> Result<Vec<f64>, WorkingError> {
        let index = self.column_index(header, at)?;
        let table = self.table(at)?;
        table
            .rows
            .iter()
            .map(|row| cell_number(row, index, at))
            .collect()
    }

    fn cell(&self, label: &str, header: &str, at: usize) -> Result<f64, WorkingError> {
        let index = self.column_index(header, at)?;
        let table = self.table(at)?;
        let row = table
            .rows
            .iter()
            .find(|row| row.first().is_some_and(|first| same(first, label)))
            .ok_or_else(|| WorkingError {
                at,
                message: format!("the table has no row `{label}`"),
            })?;
        cell_number(row, index, at)
    }
}

/// Header and row labels match ignoring case and surrounding spaces.
fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// A table cell as a number; commas and `%` are ignored, so `3,100` and `12%` read as numbers.
fn cell_number(row: &[String], index: usize, at: usize) -> Result<f64, WorkingError> {
    let text = row.get(index).map_or("", String::as_str);
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '%') && !c.is_whitespace())
        .collect();
    cleaned.parse().map_err(|_| WorkingError {
        at,
        message: format!("the cell `{text}` is not a number"),
    })
}

fn round(x: f64, places: f64) -> f64 {
    let factor = 10f64.powi(places as i32);
    (x * factor).round() / factor
}

/// The aggregate functions over a list of values.
fn aggregate(name: &str, values: &[f64]) -> Result<f64, String> {
    const NAMES: [&str; 8] = [
        "sum", "mean", "median", "mode", "min", "max", "count", "range",
    ];
    if !NAMES.contains(&name) {
        return Err(format!(
            "unknown function `{name}` (known: {}, round, column, cell)",
            NAMES.join(", ")
        ));
    }
    if values.is_empty() && name != "count" && name != "sum" {
        return Err(format!("`{name}` of no values"));
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    Ok(match name {
        "sum" => values.iter().sum(),
        "mean" => values.iter().sum::<f64>() / n as f64,
        "median" if n % 2 == 1 => sorted[n / 2],
        "median" => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        "mode" => mode(&sorted)?,
        "min" => sorted[0],
        "max" => sorted[n - 1],
        "count" => n as f64,
        _ => sorted[n - 1] - sorted[0],
    })
}

/// The most frequent value; a tie has no single answer, so it is an error.
fn mode(sorted: &[f64]) -> Result<f64, String> {
    let mut runs: Vec<(f64, usize)> = Vec::new();
    for &value in sorted {
        match runs.last_mut() {
            Some((last, count)) if *last == value => *count += 1,
            _ => runs.push((value, 1)),
        }
    }
    let best = runs.iter().map(|(_, count)| *count).max().unwrap_or(0);
    let modes: Vec<f64> = runs.iter().filter(|r| r.1 == best).map(|r| r.0).collect();
    match modes.as_slice() {
        [single] => Ok(*single),
        _ => Err("`mode` has no single answer: several values are equally common".into()),
    }
}

#[cfg(test)]
mod tests;
