//! wasm-bindgen tests of the app in headless Chromium: mounting, routing, the navigation, and drawing after a paint.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<microlearn::App>::with_root(root.clone()).render();
    root
}

/// Lets Yew finish rendering: it schedules work on the microtask queue.
async fn settle() {
    gloo_timers_sleep(20).await;
}

async fn gloo_timers_sleep(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn app_renders_heading_and_four_navigation_links() {
    // The tests share one page, so each one sets the route it needs.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/today")
        .unwrap();
    let root = mount();
    settle().await;
    let heading = root.query_selector("h1").unwrap().expect("a heading");
    assert_eq!(heading.text_content().unwrap(), "Microlearn");
    let links = root.query_selector_all("nav a").unwrap();
    let names: Vec<String> = (0..links.length())
        .map(|index| {
            links
                .item(index)
                .unwrap()
                .text_content()
                .unwrap()
                .trim()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["Today", "Modules", "Progress", "Settings"]);
}

#[wasm_bindgen_test]
async fn navigation_marks_the_current_screen() {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/modules")
        .unwrap();
    let root = mount();
    settle().await;
    let current = root
        .query_selector("nav a[aria-current='page']")
        .unwrap()
        .expect("a current link");
    assert_eq!(current.text_content().unwrap().trim(), "Modules");
    let heading = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "Modules");
}

#[wasm_bindgen_test]
fn the_test_clock_offset_is_read_from_storage_and_garbage_means_none() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item(microlearn::clock::OFFSET_KEY, "86400000")
        .unwrap();
    assert_eq!(microlearn::clock::read_offset_ms(), 86_400_000);
    storage
        .set_item(microlearn::clock::OFFSET_KEY, "tomorrow")
        .unwrap();
    assert_eq!(microlearn::clock::read_offset_ms(), 0);
    storage.remove_item(microlearn::clock::OFFSET_KEY).unwrap();
    assert_eq!(microlearn::clock::read_offset_ms(), 0);
    // `now_ms` adds the offset this page loaded with; this test page loaded with none.
    let plain = microlearn::clock::now_ms() - js_sys::Date::now() as i64;
    assert!(plain.abs() < 1_000, "no offset gives {plain}");
}

#[yew::function_component(DeferredStep)]
fn deferred_step() -> yew::Html {
    yew::html! {
        <>
            <h1>{ "Verdict" }</h1>
            <microlearn::Deferred><p class="later">{ "Explanation" }</p></microlearn::Deferred>
        </>
    }
}

#[wasm_bindgen_test]
async fn deferred_children_are_drawn_after_the_next_paint() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<DeferredStep>::with_root(root.clone()).render();
    // Yew draws in a microtask; once it has, the heading is there and the deferred part is not:
    // it waits for the next frame to be painted.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
    assert!(root.query_selector("h1").unwrap().is_some());
    assert!(root.query_selector("p.later").unwrap().is_none());
    gloo_timers_sleep(200).await;
    let later = root.query_selector("p.later").unwrap().expect("drawn");
    assert_eq!(later.text_content().unwrap(), "Explanation");
}

/// Long texts reach JavaScript in pieces (`src/pieces.rs`); joined there they must be exactly
/// the JSON text, for a log of several pieces and for an empty one.
#[wasm_bindgen_test]
fn json_written_in_pieces_joins_into_the_whole_text() {
    for reviews in [0, 5_000] {
        let log = engine::synthetic::benchmark_log(40, reviews);
        let pieces = microlearn::pieces::json_pieces(&log, true).expect("a log is written");
        assert_eq!(pieces.length() > 1, reviews > 0, "{reviews} reviews");
        let text: String = microlearn::pieces::json_text(&log).unwrap().into();
        assert_eq!(
            text,
            serde_json::to_string(&log).unwrap(),
            "{reviews} reviews"
        );
    }
}
