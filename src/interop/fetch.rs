//! Fetching a text file by URL (a lesson from `?lesson_url=`), through `window.fetch` called via
//! `Reflect` so no extra web-sys features are needed. Errors are sentences for the learner.
use crate::i18n::tf;
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
        .map_err(|_| tf("fetch.failed", &[("url", url)]))?;
    let ok = get(&response, "ok")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !ok {
        let status = get(&response, "status")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        return Err(tf(
            "fetch.status",
            &[("url", url), ("status", &status.to_string())],
        ));
    }
    let text_fn = get(&response, "text")
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| tf("fetch.no_text", &[("url", url)]))?;
    let promise = text_fn
        .call0(&response)
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .ok_or_else(|| tf("fetch.no_text", &[("url", url)]))?;
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| tf("fetch.not_text", &[("url", url)]))
}
