//! Tells other tabs of the app about new answers (BroadcastChannel), and hands their answers to
//! this tab. Messages that arrive before the app registers its callback are buffered, so an
//! answer given in another tab while this one was loading is not missed.

use engine::ReviewEvent;
use js_sys::{Array, JsString};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{BroadcastChannel, MessageEvent};
use yew::Callback;

const CHANNEL: &str = "microlearn-events";

/// The answers that arrived before anyone listened, or the listener.
#[derive(Default)]
enum Listener {
    #[default]
    None,
    Buffering(Vec<ReviewEvent>),
    Ready(Callback<Vec<ReviewEvent>>),
}

/// This tab's end of the channel.
pub struct Channel {
    channel: Option<BroadcastChannel>,
    listener: Rc<RefCell<Listener>>,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl std::fmt::Debug for Channel {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Channel")
    }
}

impl Channel {
    /// Opens the channel and starts buffering. Without BroadcastChannel (very old browsers)
    /// tabs simply see each other's answers after a reload.
    pub fn open() -> Self {
        let listener = Rc::new(RefCell::new(Listener::Buffering(Vec::new())));
        let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
            return Self {
                channel: None,
                listener,
                _on_message: None,
            };
        };
        let receiving = listener.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
            let events = message.data().as_string().map(|text| read_events(&text));
            if let Some(events) = events.filter(|events| !events.is_empty()) {
                deliver(&receiving, events);
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Self {
            channel: Some(channel),
            listener,
            _on_message: Some(on_message),
        }
    }

    /// Sends answers saved in this tab to the others, as one JSON array. Each answer's text goes
    /// to JavaScript on its own and the array is joined there: an import announces every answer
    /// it adds, 17 MB of text for 100,000, which this wasm's memory would keep for good. (Not
    /// `crate::pieces`: its writer would add a second copy of the answers' serialiser to the
    /// first screen's wasm.)
    pub fn announce(&self, events: &[ReviewEvent]) {
        let Some(channel) = &self.channel else {
            return;
        };
        let texts = Array::new();
        for text in events
            .iter()
            .filter_map(|event| serde_json::to_string(event).ok())
        {
            texts.push(&text.into());
        }
        let message = JsString::from("[")
            .concat(&texts.join(","))
            .concat(&"]".into());
        let _ = channel.post_message(&message);
    }

    /// Registers the callback. Answers buffered so far are delivered just after the current
    /// task, so an app that registers and then records what `open` loaded sees them last and
    /// merges them, rather than having them overwritten by the older snapshot.
    pub fn listen(&self, callback: Callback<Vec<ReviewEvent>>) {
        let previous = self.listener.replace(Listener::Ready(callback.clone()));
        if let Listener::Buffering(events) = previous
            && !events.is_empty()
        {
            wasm_bindgen_futures::spawn_local(async move { callback.emit(events) });
        }
    }

    /// Hands answers to this tab's listener as if another tab had sent them (used by import).
    pub fn deliver_locally(&self, events: Vec<ReviewEvent>) {
        if !events.is_empty() {
            deliver(&self.listener, events);
        }
    }

    /// Stops listening and sending (the store was dropped).
    pub fn close(&self) {
        self.listener.replace(Listener::None);
        if let Some(channel) = &self.channel {
            channel.set_onmessage(None);
            channel.close();
        }
    }
}

fn deliver(listener: &RefCell<Listener>, events: Vec<ReviewEvent>) {
    let callback = match &mut *listener.borrow_mut() {
        Listener::Ready(callback) => callback.clone(),
        Listener::Buffering(buffer) => return buffer.extend(events),
        Listener::None => return,
    };
    callback.emit(events);
}

/// A message's events; anything unusable (another program on the channel) is ignored here and
/// the events reach this tab from the database on its next load instead.
fn read_events(text: &str) -> Vec<ReviewEvent> {
    serde_json::from_str::<Vec<ReviewEvent>>(text)
        .map(|events| {
            events
                .into_iter()
                .filter(|event| persist::validate::event_problem(event).is_none())
                .collect()
        })
        .unwrap_or_default()
}
