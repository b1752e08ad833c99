//! Browser tests (wasm-bindgen-test in headless Chromium): components render and react in a real DOM.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element and waits for it to render.
async fn mount() -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<drydock::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn keywords(root: &Element) -> Vec<String> {
    let list = root.query_selector_all(".instr-list .kw").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn app_lists_the_trainer_instructions() {
    let root = mount().await;
    assert_eq!(
        keywords(&root),
        [
            "FROM",
            "RUN",
            "COPY",
            "COPY",
            "COPY",
            "COPY",
            "WORKDIR",
            "RUN",
            "RUN",
            "ENTRYPOINT"
        ]
    );
    let heading = root.query_selector(".brand-name").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "Drydock");
    root.remove();
}

#[wasm_bindgen_test]
async fn editing_the_text_updates_the_list() {
    let root = mount().await;
    let area: HtmlTextAreaElement = root
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .unchecked_into();
    area.set_value("FROM alpine\nRUN echo hi \\\n  there\n");
    let init = InputEventInit::new();
    init.set_bubbles(true);
    let ev = InputEvent::new_with_event_init_dict("input", &init).unwrap();
    area.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(keywords(&root), ["FROM", "RUN"]);
    let lines = root.query_selector_all(".instr-lines").unwrap();
    assert_eq!(lines.item(1).unwrap().text_content().unwrap(), "2–3");
    root.remove();
}

#[wasm_bindgen_test]
async fn workspace_tabs_switch_views() {
    let root = mount().await;
    let tab: HtmlElement = root
        .query_selector("#tab-build")
        .unwrap()
        .unwrap()
        .unchecked_into();
    tab.click();
    yew::scheduler::flush().await;
    let title = root.query_selector(".empty-state h3").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "No build yet");
    root.remove();
}
