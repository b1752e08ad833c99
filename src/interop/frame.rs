//! Work deferred to the next animation frame: layout reads (scroll positions) batched with the
//! browser's own layout instead of forcing one in the middle of a render.
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Runs `f` before the next paint (`requestAnimationFrame`), or now where there is no window.
pub fn next_frame(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let callback = Closure::once_into_js(f);
    if let Some(callback) = callback.dyn_ref::<js_sys::Function>() {
        let _ = window.request_animation_frame(callback);
    }
}
