//! Microlearn's browser app: mounts the Yew root component over the loading shell in index.html.

fn main() {
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
