//! Small wrappers around browser APIs used in several places (localStorage, the document root,
//! downloads), so pages do not repeat web-sys plumbing.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// A value from localStorage, or `None` when storage is unavailable (private mode) or empty.
pub fn local_storage_get(key: &str) -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item(key).ok()?
}

/// Writes a value to localStorage; returns whether it was stored.
pub fn local_storage_set(key: &str, value: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// The `<html>` element, whose classes carry the learner's display choices.
pub fn document_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Adds or removes one class on the `<html>` element.
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = document_element() {
        let list = root.class_list();
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

/// Sets a CSS custom property on the `<html>` element through the CSSOM, which the strict
/// Content-Security-Policy allows (inline `style` attributes it does not).
pub fn set_root_property(name: &str, value: &str) {
    if let Some(root) =
        document_element().and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = root.style().set_property(name, value);
    }
}

/// Offers a file made of `parts` (strings, joined in order: see `crate::pieces`) to the learner
/// as a download through a Blob URL.
pub fn download(file_name: &str, parts: &js_sys::Array, mime: &str) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(parts, &options)
        .map_err(|_| "The browser could not prepare the file.".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "The browser could not prepare the file.".to_string())?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("No document.")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "No link.")?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Moves keyboard focus to the element with this id, if it exists (after a screen change, so
/// screen-reader and keyboard users start at the new content).
///
/// The move waits until the new screen has been painted: focusing at once would make the browser
/// lay out the page inside the same task as the render, one long task on a slow phone instead of
/// two short ones. A frame later that layout is done. A [`crate::components::deferred`] part
/// waits for the same paint and may draw in the task just before this one; focusing then lays
/// that part out (a task of a few ms at 4x in `tests/e2e/perf-jank.spec.mjs`), work the next frame
/// is spared.
pub fn focus_by_id(id: &str) {
    let id = id.to_string();
    after_next_paint(move || {
        if let Some(element) = html_element_by_id(&id) {
            let _ = element.focus();
        }
    });
}

/// Takes keyboard focus off the focused element (it goes to the page's body), before the part of
/// the screen that holds it is replaced. Chromium does costly work when a focused element is
/// removed from the page: at 4x CPU slowdown, removing the answered question's form took 4 ms
/// with focus inside it and 0.4 ms without. The new screen's heading takes focus once it has
/// been painted ([`focus_by_id`]), as it would after the removal.
pub fn release_focus() {
    let focused = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = focused {
        element.blur().ok();
    }
}

/// Runs `callback` in a task of its own once the next frame has been painted: the browser's
/// style, layout and paint of what is on screen now are done by then, and what `callback`
/// changes is drawn in the frame after.
pub fn after_next_paint(callback: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // requestAnimationFrame runs before the frame's style and layout; the zero timeout from
    // there runs after them.
    let after_paint = Closure::once_into_js(move || in_next_task(callback));
    let _ = window.request_animation_frame(after_paint.unchecked_ref());
}

/// Runs `callback` in a task of its own after the current one (a zero timeout). Work split this
/// way is two shorter tasks on a slow phone instead of one long one, and a tap or a key press
/// that arrives in between is handled first.
pub fn in_next_task(callback: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(callback);
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Scrolls the element with this id into view, if it exists.
pub fn scroll_into_view_by_id(id: &str) {
    if let Some(element) = html_element_by_id(id) {
        element.scroll_into_view();
    }
}

fn html_element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Opens the browser's print dialog (for certificates).
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// A random identifier fragment for event ids (not for security).
pub fn random_token() -> String {
    format!("{:x}", (js_sys::Math::random() * 4_294_967_296.0) as u64)
}

/// This browser's device id, created once and kept in localStorage, so event ids from two
/// devices never collide when logs are merged.
pub fn device_id() -> String {
    const KEY: &str = "microlearn.device-id";
    if let Some(id) = local_storage_get(KEY) {
        return id;
    }
    let id = format!("d{}{}", random_token(), random_token());
    local_storage_set(KEY, &id);
    id
}

/// A keydown listener on the whole document, for keyboard shortcuts.
pub type KeyListener = wasm_bindgen::closure::Closure<dyn Fn(web_sys::KeyboardEvent)>;

/// Listens for keydown on the document while the returned cleanup is alive; hand the cleanup to
/// `use_effect_with` so the listener is removed when the effect ends. `None` listens to nothing.
pub fn listen_for_keys(listener: Option<KeyListener>) -> impl FnOnce() {
    let document = web_sys::window().and_then(|window| window.document());
    if let (Some(document), Some(listener)) = (&document, &listener) {
        let _ =
            document.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
    }
    move || {
        if let (Some(document), Some(listener)) = (document, listener) {
            let _ = document
                .remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
    }
}
