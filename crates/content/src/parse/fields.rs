//! Reading TOML tables key by key, reporting unknown, missing and mistyped keys with positions.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::suggest::nearest;
use crate::error::ErrorKind;
use crate::source::{Loc, Report};

/// A parsed TOML value with its source span.
pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// A value read from content, with the offset its messages point at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Val<T> {
    pub value: T,
    pub at: usize,
}

/// One TOML table being read: a file's top level, an item, a choice, a source...
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields<'a, 'i> {
    pub table: &'a DeTable<'i>,
    /// Where a missing key is reported: the start of the table.
    pub at: usize,
    pub loc: Loc<'a>,
    /// How messages name this table, for example "module.toml" or "an item".
    pub name: &'a str,
}

impl<'a, 'i> Fields<'a, 'i> {
    /// A table held as a value (inline `{ ... }` or `[[section]]`); None if it is not a table.
    pub fn of(value: &'a Value<'i>, loc: Loc<'a>, name: &'a str) -> Option<Self> {
        let table = value.get_ref().as_table()?;
        Some(Self {
            table,
            at: value.span().start,
            loc,
            name,
        })
    }

    /// The key's offset and value, if present.
    pub fn entry(&self, key: &str) -> Option<(usize, &'a Value<'i>)> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(k, v)| (k.span().start, v))
    }

    /// True when the key is present.
    pub fn has(&self, key: &str) -> bool {
        self.entry(key).is_some()
    }

    /// Reports every key that is not in `allowed`, suggesting the nearest allowed key.
    pub fn check_keys(&self, allowed: &[&str], r: &mut Report) {
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            let fix = match nearest(name, allowed) {
                Some(close) => format!("Did you mean `{close}`? Rename it, or remove it"),
                None => format!("Remove it; {} may have {}", self.name, list(allowed)),
            };
            let what = format!("unknown key `{name}` in {}", self.name);
            r.add(
                &self.loc,
                key.span().start,
                ErrorKind::UnknownKey,
                what,
                fix + ".",
            );
        }
    }

    /// Reports a required key as missing, with an example of how to write it.
    pub fn missing(&self, key: &str, example: &str, r: &mut Report) {
        self.missing_as(ErrorKind::MissingKey, key, example, r);
    }

    /// Like `missing`, for keys whose absence is a more specific kind of problem.
    pub fn missing_as(&self, kind: ErrorKind, key: &str, example: &str, r: &mut Report) {
        let what = format!("missing `{key}` in {}", self.name);
        r.add(&self.loc, self.at, kind, what, format!("Add `{example}`."));
    }

    fn wrong_type(&self, key: &str, at: usize, expected: &str, example: &str, r: &mut Report) {
        let what = format!("`{key}` should be {expected}");
        let fix = format!("Write it like `{example}`.");
        r.add(&self.loc, at, ErrorKind::WrongType, what, fix);
    }

    /// A text value.
    pub fn text(&self, key: &str, r: &mut Report) -> Option<Val<String>> {
        let (at, value) = self.entry(key)?;
        match value.get_ref().as_str() {
            Some(text) => Some(Val {
                value: text.to_string(),
                at,
            }),
            None => {
                let example = format!("{key} = \"...\"");
                self.wrong_type(key, at, "text in quotes", &example, r);
                None
            }
        }
    }

    /// A required text value.
    pub fn required_text(&self, key: &str, r: &mut Report) -> Option<Val<String>> {
        if !self.has(key) {
            self.missing(key, &format!("{key} = \"...\""), r);
        }
        self.text(key, r)
    }

    /// A whole number.
    pub fn integer(&self, key: &str, r: &mut Report) -> Option<Val<i64>> {
        let (at, value) = self.entry(key)?;
        match as_integer(value.get_ref()) {
            Some(number) => Some(Val { value: number, at }),
            None => {
                self.wrong_type(key, at, "a whole number", &format!("{key} = 1"), r);
                None
            }
        }
    }

    /// A number, whole or decimal.
    pub fn number(&self, key: &str, r: &mut Report) -> Option<Val<f64>> {
        let (at, value) = self.entry(key)?;
        match as_number(value.get_ref()) {
            Some(number) => Some(Val { value: number, at }),
            None => {
                self.wrong_type(key, at, "a number", &format!("{key} = 0.5"), r);
                None
            }
        }
    }

    /// `true` or `false`.
    pub fn boolean(&self, key: &str, r: &mut Report) -> Option<Val<bool>> {
        let (at, value) = self.entry(key)?;
        match value.get_ref().as_bool() {
            Some(flag) => Some(Val { value: flag, at }),
            None => {
                self.wrong_type(key, at, "true or false", &format!("{key} = true"), r);
                None
            }
        }
    }

    /// A list of values; each element keeps its own span.
    pub fn list(&self, key: &str, r: &mut Report) -> Option<Val<&'a [Value<'i>]>> {
        let (at, value) = self.entry(key)?;
        match value.get_ref().as_array() {
            Some(items) => Some(Val {
                value: items.as_ref(),
                at,
            }),
            None => {
                self.wrong_type(key, at, "a list", &format!("{key} = [...]"), r);
                None
            }
        }
    }

    /// A list of texts, such as `lessons = ["a", "b"]`.
    pub fn text_list(&self, key: &str, r: &mut Report) -> Option<Val<Vec<Val<String>>>> {
        let list = self.list(key, r)?;
        let mut texts = Vec::new();
        for element in list.value {
            match element.get_ref().as_str() {
                Some(text) => texts.push(Val {
                    value: text.to_string(),
                    at: element.span().start,
                }),
                None => {
                    let example = format!("{key} = [\"...\", \"...\"]");
                    let at = element.span().start;
                    self.wrong_type(key, at, "a list of texts in quotes", &example, r);
                }
            }
        }
        Some(Val {
            value: texts,
            at: list.at,
        })
    }

    /// A table under a key (`source = { ... }` or `[placement]`).
    pub fn table(&self, key: &str, name: &'a str, r: &mut Report) -> Option<Fields<'a, 'i>> {
        let (at, value) = self.entry(key)?;
        let fields = Fields::of(value, self.loc, name).map(|f| Fields { at, ..f });
        if fields.is_none() {
            let example = format!("{key} = {{ ... }}");
            self.wrong_type(key, at, "a table", &example, r);
        }
        fields
    }

    /// A list of tables (`[[sources]]` or `choices = [{ ... }, { ... }]`).
    pub fn tables(&self, key: &str, name: &'a str, r: &mut Report) -> Option<Vec<Fields<'a, 'i>>> {
        let list = self.list(key, r)?;
        let mut tables = Vec::new();
        for element in list.value {
            match Fields::of(element, self.loc, name) {
                Some(fields) => tables.push(fields),
                None => {
                    let example = format!("{key} = [{{ ... }}, {{ ... }}]");
                    let at = element.span().start;
                    self.wrong_type(key, at, "a list of tables", &example, r);
                }
            }
        }
        Some(tables)
    }
}

/// A TOML integer as i64 (TOML keeps the digits and the radix).
pub(crate) fn as_integer(value: &DeValue<'_>) -> Option<i64> {
    let integer = value.as_integer()?;
    let digits = integer.as_str().replace('_', "");
    i64::from_str_radix(&digits, integer.radix()).ok()
}

/// A TOML integer or float as f64.
pub(crate) fn as_number(value: &DeValue<'_>) -> Option<f64> {
    if let Some(float) = value.as_float() {
        return float.as_str().replace('_', "").parse().ok();
    }
    as_integer(value).map(|n| n as f64)
}

/// "1 part", "2 parts": a count with its noun, for messages.
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `a`, `b` and `c`.
pub(crate) fn list(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` or `c`");
    }

    #[test]
    fn numbers_accept_integers_and_underscores() {
        let doc = DeTable::parse("a = 1_000\nb = 2.5\nc = 0x10").unwrap();
        let get = |k: &str| {
            doc.get_ref()
                .iter()
                .find(|(key, _)| key.get_ref() == k)
                .unwrap()
                .1
        };
        assert_eq!(as_number(get("a").get_ref()), Some(1000.0));
        assert_eq!(as_number(get("b").get_ref()), Some(2.5));
        assert_eq!(as_integer(get("c").get_ref()), Some(16));
    }
}
