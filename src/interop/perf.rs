//! Performance marks for the benchmarks (`performance.mark(name)`), a no-op where unavailable.
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Records `performance.mark(name)`.
pub fn mark(name: &str) {
    let global = js_sys::global();
    let Ok(perf) = Reflect::get(&global, &JsValue::from_str("performance")) else {
        return;
    };
    let Ok(mark) = Reflect::get(&perf, &JsValue::from_str("mark")) else {
        return;
    };
    if let Some(f) = mark.dyn_ref::<Function>() {
        let _ = f.call1(&perf, &JsValue::from_str(name));
    }
}
