//! Reading content files into the model, reporting every problem on the way.

pub(crate) mod answer;
pub(crate) mod blocks;
pub(crate) mod choices;
pub(crate) mod data;
pub(crate) mod fields;
pub(crate) mod ids;
pub(crate) mod item;
pub(crate) mod lesson;
pub(crate) mod module;
pub(crate) mod numeric;
pub(crate) mod site;
pub(crate) mod spot;
pub(crate) mod suggest;

use toml::Spanned;
use toml::de::DeTable;

use crate::error::ErrorKind;
use crate::source::{Loc, Report};

/// Parses a TOML document (a whole file or a block inside a lesson), reporting syntax errors.
pub(crate) fn parse_toml<'i>(
    text: &'i str,
    loc: Loc<'_>,
    r: &mut Report,
) -> Option<Spanned<DeTable<'i>>> {
    match DeTable::parse(text) {
        Ok(table) => Some(table),
        Err(error) => {
            let at = error.span().map_or(0, |span| span.start);
            let message = error.message().trim().trim_end_matches('.');
            let what = format!("this is not valid TOML: {}", message.replace('\n', " "));
            let fix = "Check the quotes, brackets and `=` signs on this line";
            r.add(&loc, at, ErrorKind::TomlSyntax, what, format!("{fix}."));
            None
        }
    }
}
