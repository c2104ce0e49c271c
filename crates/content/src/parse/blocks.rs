//! Splitting a lesson body into top-level blocks (cards, items, other text) and checking that
//! they come in the order the format asks for: cards first, then items.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag};

use crate::error::ErrorKind;
use crate::markdown::options;
use crate::source::{Loc, Report};

/// A top-level Markdown block of the lesson body.
#[derive(Debug)]
pub(crate) enum Block {
    /// A `## ` heading that starts a card, with its text.
    Card(String),
    /// An ```item block, with the range of its TOML.
    Item(Range<usize>),
    Heading1,
    Other,
}

/// Splits the body into top-level blocks with their source ranges.
pub(crate) fn top_level_blocks(text: &str) -> Vec<(Block, Range<usize>)> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut item: Option<(usize, Range<usize>)> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match &event {
            Event::Start(tag) => {
                if depth == 0 {
                    blocks.push((classify(tag, &text[range.clone()]), range.clone()));
                    if matches!(blocks.last(), Some((Block::Item(_), _))) {
                        item = Some((blocks.len() - 1, range.end..range.end));
                    }
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let Some((index, inner)) = item.take()
                {
                    blocks[index].0 = Block::Item(inner);
                }
            }
            Event::Text(_) if depth == 1 => {
                if let Some((_, inner)) = &mut item {
                    if inner.start >= inner.end {
                        *inner = range.clone();
                    }
                    inner.end = range.end;
                }
            }
            _ if depth == 0 => blocks.push((Block::Other, range.clone())),
            _ => {}
        }
    }
    blocks
}

fn classify(tag: &Tag<'_>, source: &str) -> Block {
    match tag {
        Tag::Heading {
            level: HeadingLevel::H2,
            ..
        } => Block::Card(heading_text(source)),
        Tag::Heading {
            level: HeadingLevel::H1,
            ..
        } => Block::Heading1,
        Tag::CodeBlock(CodeBlockKind::Fenced(info)) if info.trim() == "item" => Block::Item(0..0),
        _ => Block::Other,
    }
}

/// The text of a `## Heading` line (or a setext heading's first line).
fn heading_text(source: &str) -> String {
    let line = source.lines().next().unwrap_or("").trim();
    line.trim_start_matches('#')
        .trim_end_matches('#')
        .trim()
        .to_string()
}

/// Cards first, then items: reports text outside that structure, once per kind of mistake.
pub(crate) fn check_structure(blocks: &[(Block, Range<usize>)], loc: Loc<'_>, r: &mut Report) {
    let mut seen_card = false;
    let mut seen_item = false;
    let mut reported = (false, false, false);
    for (block, range) in blocks {
        let at = range.start;
        match block {
            Block::Heading1 => structure(
                r,
                loc,
                at,
                "a level-1 heading (`# `) in a lesson",
                "Start each card with a level-2 heading (`## `); the lesson's title is in the front matter.",
            ),
            Block::Item(_) if !seen_card && !reported.0 => {
                reported.0 = true;
                structure(
                    r,
                    loc,
                    at,
                    "an item comes before any teaching card",
                    "Put at least one card (a `## ` heading and its text) before the items.",
                );
            }
            Block::Other if !seen_card && !reported.1 => {
                reported.1 = true;
                structure(
                    r,
                    loc,
                    at,
                    "text before the first card heading",
                    "Start the card with a `## ` heading, or remove the text.",
                );
            }
            Block::Card(_) | Block::Other if seen_item && !reported.2 => {
                reported.2 = true;
                structure(
                    r,
                    loc,
                    at,
                    "text after the items",
                    "Move teaching cards above the first item; items come last.",
                );
            }
            _ => {}
        }
        seen_card |= matches!(block, Block::Card(_));
        seen_item |= matches!(block, Block::Item(_));
    }
    if !seen_card && !reported.0 && !reported.1 {
        structure(
            r,
            loc,
            0,
            "the lesson has no teaching cards",
            "Add at least one card: a `## ` heading and a few sentences.",
        );
    }
}

fn structure(r: &mut Report, loc: Loc<'_>, at: usize, what: &str, fix: &str) {
    r.add(&loc, at, ErrorKind::CardStructure, what, fix);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split_cards_and_items() {
        let text = "## One\nText.\n\n```item\nid = \"x\"\n```\n";
        let blocks = top_level_blocks(text);
        assert!(matches!(&blocks[0].0, Block::Card(t) if t == "One"));
        assert!(matches!(blocks[1].0, Block::Other));
        match &blocks[2].0 {
            Block::Item(inner) => assert_eq!(&text[inner.clone()], "id = \"x\"\n"),
            other => panic!("{other:?}"),
        }
    }
}
