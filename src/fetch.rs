//! Fetching the compiled content (same origin, relative to the page so sub-paths work).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches a file relative to the page and parses it as JSON.
pub async fn fetch_json<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, String> {
    let text = fetch_text(path).await?;
    serde_json::from_str(&text).map_err(|error| format!("{path} could not be read: {error}"))
}

async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let offline = || format!("{path} could not be loaded. Check your connection and try again.");
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| offline())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| offline())?;
    if !response.ok() {
        return Err(offline());
    }
    let text = JsFuture::from(response.text().map_err(|_| offline())?)
        .await
        .map_err(|_| offline())?;
    text.as_string().ok_or_else(offline)
}
