//! Spot-the-problem items: a mock email, text message or screen whose parts are toggle buttons
//! (`aria-pressed`) the learner taps to mark as suspicious.

use content::model::{Mock, Segment};
use yew::prelude::*;

use super::draft::{Draft, toggle};
use crate::components::marks::{flag_icon, mark};

/// What the mock shows (a plain function's arguments, like the other question inputs).
#[derive(Debug)]
pub struct SpotProps<'a> {
    pub id: AttrValue,
    pub mock: Mock,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub segments: &'a [Segment],
    pub draft: Draft,
    pub on_change: Callback<Draft>,
    pub marked: bool,
}

/// The mock message with tappable segments, then the marks after answering.
pub fn spot_mock(props: &SpotProps<'_>) -> Html {
    let Draft::Spot(tapped) = &props.draft else {
        return Html::default();
    };
    let (class, label) = match props.mock {
        Mock::Email => ("app-mock app-mock--email", "Email"),
        Mock::Sms => ("app-mock app-mock--sms", "Text message"),
        Mock::Screen => ("app-mock app-mock--screen", "Screen"),
    };
    let header_line = |name: &str, value: Option<&str>| {
        value.map(|value| {
            html! { <p class="app-mock__header"><span class="app-mock__field">{ format!("{name}: ") }</span>{ value }</p> }
        })
    };
    let segments = props.segments.iter().enumerate().map(|(index, segment)| {
        let pressed = tapped.contains(&index);
        let tapped = tapped.clone();
        let on_change = props.on_change.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut tapped = tapped.clone();
            toggle(&mut tapped, index);
            on_change.emit(Draft::Spot(tapped));
        });
        let mark = props.marked.then(|| segment_mark(segment, pressed));
        html! {
            <li class="app-mock__segment-row">
                <button type="button" class="app-mock__segment" aria-pressed={pressed.to_string()}
                    disabled={props.marked} {onclick} id={format!("{}-{}", props.id, index)}>
                    { &segment.text }
                    if pressed { { flag_icon() } }
                </button>
                { mark }
            </li>
        }
    });
    html! {
        <section class={class} aria-label={format!("{label} to check")}>
            { header_line("From", props.from) }
            { header_line("To", props.to) }
            { header_line("Subject", props.subject) }
            <ul class="app-mock__body">{ for segments }</ul>
        </section>
    }
}

fn segment_mark(segment: &Segment, pressed: bool) -> Html {
    let (right, text) = match (segment.suspicious, pressed) {
        (true, true) => (true, "You spotted this"),
        (true, false) => (false, "Missed: this is suspicious"),
        (false, true) => (false, "This part is fine"),
        (false, false) => return Html::default(),
    };
    html! {
        <>
            { mark(right, text) }
            if let Some(why) = &segment.why { <p class="app-choice-feedback">{ why }</p> }
        </>
    }
}
