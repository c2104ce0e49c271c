//! Draws its children one task after it is itself first drawn, so a screen that changes a lot
//! at once (the session player's question and its feedback) is drawn in two shorter tasks.
//!
//! On a slow phone, building and attaching the whole of a question's markup after a tap was one
//! task of 15 to 30 ms (at 4x CPU slowdown in `tests/e2e/perf-jank.spec.mjs`): a frame or two
//! in which the page cannot respond. The part drawn at once (the heading, the verdict) is what
//! the learner and a screen reader need first; the rest follows a task later, usually in the
//! same frame. Give each use a `key` that changes with the content, so new content waits again.

use yew::prelude::*;

use crate::browser::{cancel_task, in_next_task};

/// What to draw a task later.
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
            let handle = in_next_task(move || shown.set(true));
            move || {
                if let Some(handle) = handle {
                    cancel_task(handle);
                }
            }
        });
    }
    if *shown {
        props.children.clone()
    } else {
        Html::default()
    }
}
