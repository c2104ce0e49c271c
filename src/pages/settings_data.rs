//! The "Your data" part of Settings: export to a file, import a file, and delete everything
//! after a confirmation dialog.

use wasm_bindgen_futures::{JsFuture, spawn_local};
use yew::prelude::*;

use crate::browser::download;
use crate::clock::now_ms;
use crate::insights::iso_date;
use crate::state::use_app;
use crate::storage::{StorageError, export_file_pieces};

/// The browser could not hand over the chosen file's contents (it was moved or deleted after
/// being chosen, or the browser refused to read it).
const UNREADABLE_FILE: &str = "The file could not be read. Nothing on this device was changed.";

/// Starts the app again, on Today when `to_today` (the welcome after a reset), so every screen
/// reads fresh data.
fn reload(to_today: bool) {
    if to_today {
        crate::route::Route::Today.go();
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

#[function_component(DataSection)]
pub fn data_section() -> Html {
    let app = use_app();
    let message = use_state(|| None::<String>);
    let dialog = use_node_ref();
    let store = app.store.clone();

    let export = {
        let (store, message, app) = (store.clone(), message.clone(), app.clone());
        Callback::from(move |_: MouseEvent| {
            let (store, message) = (store.clone(), message.clone());
            // Where the browser refuses storage, the answers live only in this page: export them
            // from memory, so closing the page loses nothing the learner saved to a file.
            let in_memory = store
                .is_none()
                .then(|| export_file_pieces(&app.log.read(), &app.settings, &[]));
            spawn_local(async move {
                let exported = match (store, in_memory) {
                    (Some(store), _) => store.export_pieces().await,
                    (None, pieces) => pieces.unwrap_or_else(|| Ok(js_sys::Array::new())),
                };
                match exported {
                    Ok(pieces) => {
                        let name = format!("microlearn-progress-{}.json", iso_date(now_ms()));
                        let result = download(&name, &pieces, "application/json");
                        message.set(Some(result.map_or_else(
                            |e| e,
                            |()| format!("Your progress was saved as {name}."),
                        )));
                    }
                    Err(error) => message.set(Some(error.export_message())),
                }
            });
        })
    };
    let import = {
        let (store, message) = (store.clone(), message.clone());
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // The size is known without reading the file: an oversized one (a video chosen by
            // mistake) is refused before any of it is loaded into memory. `as` saturates.
            if let Err(error) = persist::check_import_size(file.size() as u64) {
                message.set(Some(error.to_string()));
                return;
            }
            let (store, message) = (store.clone(), message.clone());
            spawn_local(async move {
                let Some(store) = store else {
                    message.set(Some(StorageError::Unavailable.import_message()));
                    return;
                };
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|value| value.as_string());
                let Some(text) = text else {
                    message.set(Some(UNREADABLE_FILE.into()));
                    return;
                };
                match store.import_json(&text).await {
                    // Reloading replays the merged log, so every screen shows the imported progress.
                    Ok(_) => reload(false),
                    Err(error) => message.set(Some(error.import_message())),
                }
            });
        })
    };
    let open_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        })
    };
    let close_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let reset = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let store = store.clone();
            spawn_local(async move {
                if let Some(store) = store {
                    let _ = store.reset().await;
                }
                reload(true);
            });
        })
    };
    html! {
        <>
            <h2>{ "Your data" }</h2>
            <p>{ "Your progress is kept only in this browser. Save a copy to move it to another device or keep it safe." }</p>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" onclick={export}>{ "Export my progress" }</button>
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="import-file">{ "Import progress from a file" }</label>
                <div class="nhsuk-hint" id="import-hint">{ "Choose a file you exported before. It is merged with what is here; nothing is lost." }</div>
                <input class="nhsuk-file-upload app-file" id="import-file" type="file" accept="application/json,.json" aria-describedby="import-hint" onchange={import} />
            </div>
            if let Some(text) = &*message { <p class="nhsuk-inset-text" role="status">{ text }</p> }
            <button type="button" class="nhsuk-button nhsuk-button--warning" onclick={open_dialog}>{ "Delete all my progress" }</button>
            <dialog ref={dialog} class="app-dialog" aria-labelledby="reset-title">
                <h2 id="reset-title">{ "Delete all your progress?" }</h2>
                <p>{ "This removes every answer, setting and certificate name from this device. It cannot be undone. Export first if you may want it back." }</p>
                <div class="app-actions">
                    <button type="button" class="nhsuk-button nhsuk-button--warning" onclick={reset}>{ "Yes, delete everything" }</button>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" onclick={close_dialog}>{ "Cancel" }</button>
                </div>
            </dialog>
        </>
    }
}
