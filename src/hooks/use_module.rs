//! Loads module files (teaching cards and full questions) on demand; a failure is recorded in
//! the state so the screen can say so and offer to try again.

use std::rc::Rc;

use content::model as cm;
use yew::prelude::*;

use crate::state::{Action, AppContext};

/// The module file for `module_id`, fetched the first time it is needed.
#[hook]
pub fn use_module(app: AppContext, module_id: String) -> Option<Rc<cm::ModuleFile>> {
    use_modules(app.clone(), vec![module_id.clone()]);
    app.modules.get(&module_id).cloned()
}

/// Fetches every listed module file that is not loaded yet.
#[hook]
pub fn use_modules(app: AppContext, module_ids: Vec<String>) {
    let catalogue = app.catalogue.clone();
    // A module that failed waits for the learner's "Try again" (which clears the error and so
    // changes this list), instead of being fetched again on every render.
    let missing: Vec<String> = module_ids
        .into_iter()
        .filter(|id| !app.modules.contains_key(id) && !app.failed_modules.contains(id))
        .collect();
    let requested = use_mut_ref(Vec::<String>::new);
    use_effect_with((missing, catalogue.is_some()), move |(missing, _)| {
        let Some(catalogue) = catalogue else {
            return;
        };
        for module_id in missing {
            if requested.borrow().contains(module_id) {
                continue;
            }
            let Some(summary) = catalogue.modules.iter().find(|m| &m.id == module_id) else {
                continue;
            };
            requested.borrow_mut().push(module_id.clone());
            let path = format!("content/{}", summary.file);
            let dispatcher = app.dispatcher();
            let requested = requested.clone();
            let module_id = module_id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::fetch::fetch_json::<cm::ModuleFile>(&path).await {
                    Ok(module) => dispatcher.dispatch(Action::ModuleLoaded(Rc::new(module))),
                    Err(message) => {
                        web_sys::console::warn_1(&message.into());
                        requested.borrow_mut().retain(|id| id != &module_id);
                        dispatcher.dispatch(Action::ModuleFailed(module_id));
                    }
                }
            });
        }
    });
}
