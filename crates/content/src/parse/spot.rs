//! Spot the problem: a mock email, text message or screen cut into tappable segments.

use super::fields::{Fields, list};
use crate::error::ErrorKind;
use crate::model::{Answer, Mock, Segment};
use crate::source::Report;

const MOCKS: [&str; 3] = ["email", "sms", "screen"];

pub(crate) fn parse_spot(
    f: &Fields<'_, '_>,
    base: Option<&Answer>,
    r: &mut Report,
) -> Option<Answer> {
    let inherited = match base {
        Some(Answer::Spot {
            mock,
            from,
            to,
            subject,
            segments,
        }) => Some((*mock, from, to, subject, segments)),
        _ => None,
    };
    let mock = match inherited {
        Some((mock, ..)) if !f.has("mock") => Some(mock),
        _ => read_mock(f, r),
    };
    let text = |key: &str, r: &mut Report| f.text(key, r).map(|v| v.value);
    let from = text("from", r).or_else(|| inherited.and_then(|i| i.1.clone()));
    let to = text("to", r).or_else(|| inherited.and_then(|i| i.2.clone()));
    let subject = text("subject", r).or_else(|| inherited.and_then(|i| i.3.clone()));
    if mock == Some(Mock::Email) {
        if from.is_none() {
            f.missing("from", "from = \"NHS Payroll <payroll@nhs-pay.co>\"", r);
        }
        if subject.is_none() {
            f.missing("subject", "subject = \"...\"", r);
        }
    }
    let segments = match inherited {
        Some((.., segments)) if !f.has("segments") => Some(segments.clone()),
        _ => read_segments(f, r),
    };
    Some(Answer::Spot {
        mock: mock?,
        from,
        to,
        subject,
        segments: segments?,
    })
}

fn read_mock(f: &Fields<'_, '_>, r: &mut Report) -> Option<Mock> {
    let mock = f.required_text("mock", r)?;
    let parsed = match mock.value.as_str() {
        "email" => Some(Mock::Email),
        "sms" => Some(Mock::Sms),
        "screen" => Some(Mock::Screen),
        _ => None,
    };
    if parsed.is_none() {
        let what = format!("unknown mock `{}`", mock.value);
        r.add(
            &f.loc,
            mock.at,
            ErrorKind::InvalidValue,
            what,
            format!("Use {}.", list(&MOCKS)),
        );
    }
    parsed
}

fn read_segments(f: &Fields<'_, '_>, r: &mut Report) -> Option<Vec<Segment>> {
    if !f.has("segments") {
        let example = "[[segments]] text = \"...\" suspicious = true why = \"...\"";
        f.missing_as(ErrorKind::Spot, "segments", example, r);
        return None;
    }
    let (at, _) = f.entry("segments")?;
    let tables = f.tables("segments", "a segment", r)?;
    let segments: Vec<Segment> = tables.iter().filter_map(|s| read_segment(s, r)).collect();
    if !segments.iter().any(|s| s.suspicious) {
        let fix = "Mark the parts the learner should spot with `suspicious = true` and a `why`.";
        r.add(&f.loc, at, ErrorKind::Spot, "no segment is suspicious", fix);
    }
    if !segments.iter().any(|s| !s.suspicious) {
        let fix = "Add the ordinary parts of the message too, so there is something not to tap.";
        r.add(
            &f.loc,
            at,
            ErrorKind::Spot,
            "every segment is suspicious",
            fix,
        );
    }
    Some(segments)
}

fn read_segment(f: &Fields<'_, '_>, r: &mut Report) -> Option<Segment> {
    f.check_keys(&["text", "suspicious", "why"], r);
    let text = f.required_text("text", r)?;
    if text.value.trim().is_empty() {
        r.add(
            &f.loc,
            text.at,
            ErrorKind::EmptyText,
            "a segment has no text",
            "Write the segment's text.",
        );
    }
    let suspicious = f.boolean("suspicious", r).is_some_and(|s| s.value);
    let why = f
        .text("why", r)
        .map(|w| w.value)
        .filter(|w| !w.trim().is_empty());
    if suspicious && why.is_none() {
        let what = format!("suspicious segment `{}` has no `why`", text.value.trim());
        let fix = "Add `why = \"...\"`: what gives it away, shown after answering.";
        r.add(&f.loc, f.at, ErrorKind::Spot, what, fix);
    }
    Some(Segment {
        text: text.value,
        suspicious,
        why,
    })
}
