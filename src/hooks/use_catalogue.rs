//! Loads `content/catalogue.json` and the learner's saved data once, when the app starts. A
//! SCORM package built for one module shows that module only.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, AppContext};
use crate::store::Store;
use crate::{adapter, platform};

/// Starts loading the catalogue and opening storage; results arrive as actions.
#[hook]
pub fn use_catalogue(app: AppContext) {
    use_effect_with((), move |_| {
        let dispatcher = app.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            match crate::fetch::fetch_json("content/catalogue.json").await {
                Ok(catalogue) => {
                    let catalogue = match platform::launched_module() {
                        Some(module) => adapter::only_module(catalogue, &module),
                        None => catalogue,
                    };
                    dispatcher.dispatch(Action::CatalogueLoaded(Rc::new(catalogue)));
                }
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
