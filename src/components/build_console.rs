//! The last build's console output in BuildKit's plain progress format, with the lines of the
//! selected step's progress vertex (`#N`) highlighted and scrolled into view.
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::t;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The console's lines with their vertex.
    pub lines: Rc<Vec<(Option<u32>, String)>>,
    /// The selected step's vertex.
    pub vertex: Option<u32>,
}

#[component(BuildConsole)]
pub fn build_console(props: &Props) -> Html {
    let pre = use_node_ref();
    {
        let pre = pre.clone();
        // Measured in the next frame, so a step forces no layout of its own.
        use_effect_with(props.vertex, move |_| {
            crate::interop::frame::next_frame(move || {
                let Some(pre) = pre.cast::<web_sys::HtmlElement>() else {
                    return;
                };
                let first = pre
                    .query_selector(".console-line.current")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(line) = first {
                    pre.set_scroll_top((line.offset_top() - 24).max(0));
                }
            });
        });
    }
    html! {
        <pre class="console build-console" ref={pre} tabindex="0" aria-label={t("build.output")}>
            { for props.lines.iter().map(|(v, text)| {
                let current = v.is_some() && *v == props.vertex;
                html! {
                    <span class={classes!("console-line", current.then_some("current"))}>
                        { text.clone() }{ "\n" }
                    </span>
                }
            }) }
        </pre>
    }
}
