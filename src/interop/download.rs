//! Saving bytes as a download (a Blob behind a temporary object URL and a clicked link), and the
//! page's address pieces the project area needs (path, query, hash).
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `bytes` as a file named `name`; `false` when the browser refused.
pub fn save(name: &str, bytes: &[u8], mime: &str) -> bool {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return false;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let doc = gloo::utils::document();
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    let _ = a.set_attribute("hidden", "");
    let appended = doc.body().and_then(|b| b.append_child(&a).ok()).is_some();
    a.click();
    if appended {
        a.remove();
    }
    // The download has started from the link; the URL can go once the click is handled.
    let revoke = url.clone();
    gloo::timers::callback::Timeout::new(1_000, move || {
        let _ = Url::revoke_object_url(&revoke);
    })
    .forget();
    true
}

/// The page's `location.pathname`, `location.search` and `location.hash`.
pub fn location() -> (String, String, String) {
    let loc = gloo::utils::window().location();
    (
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default(),
        loc.hash().unwrap_or_default(),
    )
}

/// The page's address without its hash.
pub fn address_without_hash() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Drops the hash from the address bar without reloading or adding a history entry.
pub fn clear_hash() {
    let w = gloo::utils::window();
    let (path, search, _) = location();
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}
