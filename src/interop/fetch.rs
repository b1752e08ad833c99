//! Fetching a text file by URL (a lesson from `?lesson_url=`), through `window.fetch` called via
//! `Reflect` so no extra web-sys features are needed. Errors are sentences for the learner.
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn get(v: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(v, &JsValue::from_str(key)).ok()
}

/// The text at `url`, or why it could not be fetched.
pub async fn text(url: &str) -> Result<String, String> {
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("{url} could not be fetched (network error or not allowed)"))?;
    let ok = get(&response, "ok")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !ok {
        let status = get(&response, "status")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        return Err(format!("{url} answered with HTTP status {status}"));
    }
    let text_fn = get(&response, "text")
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| format!("{url}: the response has no text"))?;
    let promise = text_fn
        .call0(&response)
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .ok_or_else(|| format!("{url}: the response has no text"))?;
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| format!("{url}: the response is not text"))
}
