//! Draws its children once the frame after it was first drawn has been painted, so a screen
//! that changes a lot at once (the session player's question and its feedback) is built and
//! drawn in shorter tasks.
//!
//! On a slow phone, building, attaching, styling and laying out the whole of a question's
//! markup after a tap took tasks of 15 to 30 ms (at 4x CPU slowdown in
//! `tests/e2e/perf-jank.spec.mjs`): a frame or two in which the page cannot respond. The part
//! drawn at once (the heading, the verdict) is what the learner and a screen reader need first;
//! the rest follows a frame later. Nested, each level waits for one more frame. Give each use a
//! `key` that changes with the content, so new content waits again.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::after_next_paint;

/// What to draw once the next frame has been painted.
#[derive(Properties, PartialEq, Debug)]
pub struct DeferredProps {
    pub children: Html,
}

#[function_component(Deferred)]
pub fn deferred(props: &DeferredProps) -> Html {
    let shown = use_state(|| false);
    {
        let shown = shown.clone();
        use_effect_with((), move |()| {
            // Unmounted before its turn (the learner moved on): nothing to draw.
            let unmounted = Rc::new(Cell::new(false));
            let gone = unmounted.clone();
            after_next_paint(move || {
                if !gone.get() {
                    shown.set(true);
                }
            });
            move || unmounted.set(true)
        });
    }
    if *shown {
        props.children.clone()
    } else {
        Html::default()
    }
}
