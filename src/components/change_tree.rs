//! A file tree with change marks (added, modified, deleted) and sizes, as the Build view's step
//! tree and the Image view's layer tree show it: folders open and close (click, Enter, arrow
//! keys), and the first change scrolls into view when `focus_key` changes.
use std::rc::Rc;

use drydock_engine::output::units::human_size;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{tf, tn};
use crate::views::step_files::{FileRow, Mark, StepFiles};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub files: Rc<StepFiles>,
    /// The tree's accessible name.
    pub label: AttrValue,
    /// A folder's path: open or close it.
    pub on_toggle: Callback<String>,
    /// Changing it scrolls the first change into view.
    pub focus_key: u64,
}

#[component(ChangeTree)]
pub fn change_tree(props: &Props) -> Html {
    let list = use_node_ref();
    {
        let list = list.clone();
        // Measured in the next frame, so a step forces no layout of its own.
        use_effect_with(props.focus_key, move |_| {
            crate::interop::frame::next_frame(move || {
                let Some(list) = list.cast::<web_sys::HtmlElement>() else {
                    return;
                };
                let first = list
                    .query_selector(".st-added, .st-modified, .st-deleted")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                list.set_scroll_top(first.map_or(0, |e| (e.offset_top() - 40).max(0)));
            });
        });
    }
    let files = &props.files;
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        let Some(item) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let next = match e.key().as_str() {
            "ArrowDown" => item.next_element_sibling(),
            "ArrowUp" => item.previous_element_sibling(),
            _ => return,
        };
        e.prevent_default();
        if let Some(el) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
    let row = |i: usize, r: &FileRow| {
        let folder = r.dir.is_some();
        let (onclick, onkeydown) = if folder && r.mark != Mark::Deleted {
            let (a, b) = (props.on_toggle.clone(), props.on_toggle.clone());
            let (p1, p2) = (r.path.clone(), r.path.clone());
            let open = r.open;
            (
                Some(Callback::from(move |_: MouseEvent| a.emit(p1.clone()))),
                Some(Callback::from(move |e: KeyboardEvent| {
                    let k = e.key();
                    if k == "Enter"
                        || k == " "
                        || (k == "ArrowRight" && !open)
                        || (k == "ArrowLeft" && open)
                    {
                        e.prevent_default();
                        b.emit(p2.clone());
                    }
                })),
            )
        } else {
            (None, None)
        };
        let detail = match (&r.link, r.dir) {
            (Some(target), _) => format!("→ {target}"),
            (None, Some(n)) => tn("steptree.items_one", "steptree.items", n),
            (None, None) => human_size(r.size),
        };
        let mark = r.mark.label();
        html! {
            // Keyed by path: between steps only the rows that differ are touched in the page.
            <li key={r.path.as_str()} role="treeitem" class={classes!("st-row", (!mark.is_empty()).then(|| format!("st-{mark}")), r.changed_inside.then_some("st-inside"))}
                aria-level={(r.depth + 1).to_string()}
                aria-expanded={folder.then(|| r.open.to_string())}
                tabindex={if i == 0 { "0" } else { "-1" }}
                data-path={r.path.clone()}
                style={format!("--depth: {}", r.depth)} {onclick} {onkeydown}>
                <span class={classes!("st-caret", folder.then_some("folder"), r.open.then_some("open"))} aria-hidden="true"></span>
                <span class="st-name">{ if folder { format!("{}/", r.name) } else { r.name.clone() } }</span>
                if !mark.is_empty() {
                    <span class="st-mark">{ r.mark.text() }</span>
                }
                <span class="st-detail">{ detail }</span>
            </li>
        }
    };
    html! {
        <div class="step-tree">
            <p class="st-summary">
                { tf("steptree.summary", &[("added", &files.added.to_string()), ("modified", &files.modified.to_string()), ("deleted", &files.deleted.to_string())]) }
            </p>
            <ul class="st-list" ref={list} role="tree" aria-label={props.label.clone()} {onkeydown}>
                { for files.rows.iter().enumerate().map(|(i, r)| row(i, r)) }
            </ul>
            if files.more > 0 {
                <p class="st-more">{ tn("steptree.more_one", "steptree.more", files.more) }</p>
            }
        </div>
    }
}
