//! Bindings to `web/platform.js`, the thin browser glue for the service worker, the host page
//! and the SCORM API. wasm-bindgen copies the file into the bundle as a same-origin module.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/web/platform.js")]
extern "C" {
    #[wasm_bindgen(js_name = registerServiceWorker)]
    pub fn register_service_worker(on_update_ready: &Closure<dyn FnMut()>);
    #[wasm_bindgen(js_name = activateUpdate)]
    pub fn activate_update();

    #[wasm_bindgen(js_name = isFramed)]
    pub fn is_framed() -> bool;
    #[wasm_bindgen(js_name = hostParameter)]
    pub fn host_parameter() -> String;
    #[wasm_bindgen(js_name = postToHost)]
    pub fn post_to_host(json: &str, target_origin: &str);

    #[wasm_bindgen(js_name = scormLaunchModule)]
    pub fn scorm_launch_module() -> Option<String>;
    #[wasm_bindgen(js_name = scormFind)]
    pub fn scorm_find() -> bool;
    #[wasm_bindgen(js_name = scormCall)]
    pub fn scorm_call(name: &str, key: &str, value: &str) -> String;
    #[wasm_bindgen(js_name = onPageHide)]
    pub fn on_page_hide(callback: &Closure<dyn FnMut()>);
    #[wasm_bindgen(js_name = nowMs)]
    pub fn now_ms() -> f64;
}
