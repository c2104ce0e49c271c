//! A lesson file: `+++` TOML front matter, teaching cards under `## ` headings, then items.

use std::ops::Range;

use super::blocks::{Block, check_structure, top_level_blocks};
use super::fields::{Fields, Val, count};
use super::ids::check_id;
use super::item::{Ctx, ParsedItem, parse_item};
use super::module::non_empty;
use super::parse_toml;
use crate::error::ErrorKind;
use crate::markdown::{Media, Place, render};
use crate::model::{Card, Item, ItemStub, Lesson, LessonSummary};
use crate::source::{Loc, Report};

/// The longest a lesson may be, by its estimate.
pub(crate) const MAX_MINUTES: f32 = 5.0;
/// Reading speed used for the estimate.
pub(crate) const WORDS_PER_MINUTE: f32 = 180.0;

/// A lesson as read, with what module-level checks need.
#[derive(Debug, Clone)]
pub(crate) struct ParsedLesson<'a> {
    pub summary: LessonSummary,
    pub lesson: Lesson,
    /// Where each item's id is, for the duplicate check.
    pub item_sites: Vec<(String, Loc<'a>, usize)>,
    /// Offsets of `prerequisites` are relative to the front matter.
    pub prerequisites: Vec<Val<String>>,
    pub front: Loc<'a>,
    pub loc: Loc<'a>,
    /// Item blocks in the file, including any that had errors.
    pub item_blocks: usize,
}

/// Reads a lesson file; `file_id` is its file name without `.md`.
pub(crate) fn parse_lesson<'a>(
    file_id: &str,
    loc: Loc<'a>,
    media: Media<'a>,
    r: &mut Report,
) -> Option<ParsedLesson<'a>> {
    let text = loc.file_text;
    let Some((front, body_start)) = split_front_matter(text) else {
        let what = "the lesson does not start with `+++` front matter";
        let fix = "Start the file with a `+++` line, the id, title and objective, and another `+++` line.";
        r.add(&loc, 0, ErrorKind::FrontMatter, what, fix);
        return None;
    };
    let front_loc = loc.shifted(front.start);
    let doc = parse_toml(&text[front.clone()], front_loc, r)?;
    let f = Fields {
        table: doc.get_ref(),
        at: 0,
        loc: front_loc,
        name: "the front matter",
    };
    f.check_keys(&["id", "title", "objective", "prerequisites"], r);
    read_lesson_id(&f, file_id, r);
    let title = non_empty(&f, "title", r).unwrap_or_default();
    let objective = non_empty(&f, "objective", r).unwrap_or_default();
    let prerequisites = f
        .text_list("prerequisites", r)
        .map(|l| l.value)
        .unwrap_or_default();
    let body = Body::read(&text[body_start..], loc.shifted(body_start), media, r);
    let mut lesson = ParsedLesson {
        summary: LessonSummary {
            id: file_id.to_string(),
            title,
            objective,
            minutes: 0.0,
            prerequisites: prerequisites.iter().map(|p| p.value.clone()).collect(),
            items: Vec::new(),
        },
        lesson: Lesson {
            id: file_id.to_string(),
            cards: body.cards,
            items: Vec::new(),
        },
        item_sites: Vec::new(),
        prerequisites,
        front: front_loc,
        loc,
        item_blocks: body.item_blocks,
    };
    finish(&mut lesson, body.items, body.words, r);
    Some(lesson)
}

/// The front matter's range and where the body starts, if the file opens with `+++`.
fn split_front_matter(text: &str) -> Option<(Range<usize>, usize)> {
    let text_start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let mut lines = text[text_start..].split_inclusive('\n');
    let first = lines.next()?;
    if first.trim() != "+++" {
        return None;
    }
    let front_start = text_start + first.len();
    let mut offset = front_start;
    for line in lines {
        if line.trim() == "+++" {
            return Some((front_start..offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

fn read_lesson_id(f: &Fields<'_, '_>, file_id: &str, r: &mut Report) {
    let Some(id) = f.required_text("id", r) else {
        return;
    };
    if check_id(&id, false, &f.loc, r) && id.value != file_id {
        let what = format!(
            "lesson id `{}` does not match its file name `{file_id}.md`",
            id.value
        );
        let fix = format!(
            "Set `id = \"{file_id}\"`, or rename the file to `{}.md`.",
            id.value
        );
        r.add(&f.loc, id.at, ErrorKind::IdMismatch, what, fix);
    }
}

/// The cards and items of a lesson body.
struct Body<'a> {
    cards: Vec<Card>,
    items: Vec<ParsedItem<'a>>,
    /// Item blocks found, including any that had errors.
    item_blocks: usize,
    words: usize,
}

impl<'a> Body<'a> {
    fn read(text: &str, loc: Loc<'a>, media: Media<'a>, r: &mut Report) -> Self {
        let blocks = top_level_blocks(text);
        check_structure(&blocks, loc, r);
        let mut body = Body {
            cards: Vec::new(),
            items: Vec::new(),
            item_blocks: 0,
            words: 0,
        };
        for (index, (block, range)) in blocks.iter().enumerate() {
            match block {
                Block::Card(title) => {
                    let end = blocks[index + 1..]
                        .iter()
                        .find(|(b, _)| matches!(b, Block::Card(_) | Block::Item(_)))
                        .map_or(text.len(), |(_, r)| r.start);
                    body.card(title, range.end..end, text, loc, media, r);
                }
                Block::Item(inner) => {
                    body.item_blocks += 1;
                    let ctx = Ctx {
                        loc: loc.shifted(inner.start),
                        media,
                    };
                    body.items.extend(parse_item(&text[inner.clone()], ctx, r));
                }
                Block::Heading1 | Block::Other => {}
            }
        }
        body
    }

    fn card(
        &mut self,
        title: &str,
        range: Range<usize>,
        text: &str,
        loc: Loc<'_>,
        media: Media<'_>,
        r: &mut Report,
    ) {
        let place = Place {
            loc: loc.shifted(range.start),
            fixed: None,
        };
        let rendered = render(&text[range], place, media, r);
        self.words += rendered.words + title.split_whitespace().count();
        self.cards.push(Card {
            title: title.to_string(),
            body_html: rendered.html,
        });
    }
}

/// Fills in items, stubs, placement and the estimate, and checks the lesson's length.
fn finish<'a>(
    lesson: &mut ParsedLesson<'a>,
    items: Vec<ParsedItem<'a>>,
    words: usize,
    r: &mut Report,
) {
    let seconds: u32 = items.iter().map(|i| i.seconds).sum();
    let minutes = words as f32 / WORDS_PER_MINUTE + seconds as f32 / 60.0;
    lesson.summary.minutes = (minutes * 10.0).round() / 10.0;
    if lesson.item_blocks == 0 {
        let what = format!("lesson `{}` has no items", lesson.summary.id);
        let fix = "Add at least one ```item block after the cards to test the objective.";
        r.add(&lesson.loc, 0, ErrorKind::NoItems, what, fix);
    }
    if minutes > MAX_MINUTES {
        let what = format!(
            "the lesson takes about {minutes:.1} minutes ({} at 180 a minute plus {}), over the 5-minute limit",
            count(words, "word"),
            count(items.len(), "item")
        );
        r.add(
            &lesson.loc,
            0,
            ErrorKind::LessonTooLong,
            what,
            "Split it into two lessons, or shorten its cards.",
        );
    }
    mark_placement(&items, r);
    let none_marked = !items.iter().any(|i| i.item.placement);
    for (index, parsed) in items.into_iter().enumerate() {
        let mut item: Item = parsed.item;
        item.placement |= none_marked && index == 0;
        lesson
            .item_sites
            .push((item.id.clone(), parsed.loc, parsed.id_at.at));
        lesson.summary.items.push(stub(&item));
        lesson.lesson.items.push(item);
    }
}

fn mark_placement(items: &[ParsedItem<'_>], r: &mut Report) {
    let marked: Vec<&ParsedItem<'_>> = items.iter().filter(|i| i.item.placement).collect();
    for extra in marked.iter().skip(1) {
        let what = format!(
            "item `{}` is the lesson's second placement item (the first is `{}`)",
            extra.item.id, marked[0].item.id
        );
        let fix = "Mark only one item per lesson with `placement = true`.";
        r.add(&extra.loc, extra.id_at.at, ErrorKind::Placement, what, fix);
    }
}

fn stub(item: &Item) -> ItemStub {
    ItemStub {
        id: item.id.clone(),
        kind: item.kind(),
        version: item.version,
        difficulty: item.difficulty,
        placement: item.placement,
        variants: item.variants.len() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_found_between_plus_lines() {
        let text = "+++\nid = \"a\"\n+++\n## Card\n";
        let (front, body) = split_front_matter(text).unwrap();
        assert_eq!(&text[front], "id = \"a\"\n");
        assert_eq!(&text[body..], "## Card\n");
        assert_eq!(split_front_matter("## Card\n"), None);
        assert_eq!(split_front_matter("+++\nid = 1\n"), None);
    }
}
