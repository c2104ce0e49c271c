//! Microlearn's browser app: mounts the Yew root component over the loading shell in index.html.

use wasm_bindgen::{JsCast, closure::Closure};

fn main() {
    let window = web_sys::window().expect("the app runs in a browser window");
    // The first render runs in a task of its own, after the one that instantiated the wasm, so
    // neither blocks the main thread for as long as both together (Total Blocking Time).
    let mount = Closure::once_into_js(mount);
    window
        .set_timeout_with_callback(mount.unchecked_ref())
        .expect("a zero timeout can be set");
}

fn mount() {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("the app runs in a browser document");
    let root = document
        .get_element_by_id("app")
        .expect("index.html has an element with id `app`");
    // The static first screen from index.html is replaced, not duplicated, once the app starts.
    root.set_inner_html("");
    yew::Renderer::<microlearn::App>::with_root(root.clone()).render();
    // The static shell shows the same header and navigation, so this attribute is how a page (and
    // the browser tests) can tell that the app itself is running.
    let _ = root.set_attribute("data-app", "running");
}
