//! Loads `content/catalogue.json` and the learner's saved data once, when the app starts.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, AppContext};
use crate::store::Store;

/// Starts loading the catalogue and opening storage; results arrive as actions.
#[hook]
pub fn use_catalogue(app: AppContext) {
    use_effect_with((), move |_| {
        let dispatcher = app.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            match crate::fetch::fetch_json("content/catalogue.json").await {
                Ok(catalogue) => dispatcher.dispatch(Action::CatalogueLoaded(Rc::new(catalogue))),
                Err(message) => dispatcher.dispatch(Action::CatalogueFailed(message)),
            }
        });
        let dispatcher = app.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            match Store::open().await {
                Ok((store, loaded)) => {
                    let remote = dispatcher.clone();
                    store.on_remote_events(Callback::from(move |events| {
                        remote.dispatch(Action::RemoteEvents(events));
                    }));
                    dispatcher.dispatch(Action::StoreOpened(store, Box::new(loaded)));
                }
                Err(error) => {
                    web_sys::console::warn_1(&format!("storage: {error:?}").into());
                    dispatcher.dispatch(Action::StoreFailed(
                        "This browser is not letting Microlearn save your progress, so it will be lost when you close the page. Export it before you go (Settings, Export my progress).".into(),
                    ));
                }
            }
        });
    });
}
