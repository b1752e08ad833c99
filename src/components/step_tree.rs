//! The filesystem at the selected build step as a tree: entries added, modified or deleted by
//! the step are marked; folders open and close (click, Enter, arrow keys). The rows of every step
//! are computed once per build, so moving between steps only selects them.
use std::collections::HashSet;
use std::rc::Rc;

use drydock_engine::output::units::human_size;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{tf, tn};
use crate::state::use_store;
use crate::views::step_files::{Mark, StepFiles, step_files};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The selected step.
    pub at: usize,
}

#[component(StepTree)]
pub fn step_tree(props: &Props) -> Html {
    let store = use_store();
    // Folders the user opened or closed.
    let toggled = use_state(|| Rc::new(HashSet::<String>::new()));
    let steps: Rc<Vec<StepFiles>> = use_memo((store.rev, (*toggled).clone()), |(_, open)| {
        let session = store.session();
        session.last_build().map_or_else(Vec::new, |t| {
            t.steps
                .iter()
                .map(|s| step_files(&s.before.0, &s.after.0, &s.workdir, open))
                .collect()
        })
    });
    // Show the step's first change.
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(props.at, move |_| {
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
    }
    let Some(files) = steps.get(props.at) else {
        return html! {};
    };
    let toggle = |path: String| {
        let toggled = toggled.clone();
        move || {
            let mut set = (**toggled).clone();
            if !set.remove(&path) {
                set.insert(path.clone());
            }
            toggled.set(Rc::new(set));
        }
    };
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
    let row = |i: usize, r: &crate::views::step_files::FileRow| {
        let folder = r.dir.is_some();
        let (onclick, onkeydown) = if folder && r.mark != Mark::Deleted {
            let (a, b) = (toggle(r.path.clone()), toggle(r.path.clone()));
            let open = r.open;
            (
                Some(Callback::from(move |_: MouseEvent| a())),
                Some(Callback::from(move |e: KeyboardEvent| {
                    let k = e.key();
                    if k == "Enter"
                        || k == " "
                        || (k == "ArrowRight" && !open)
                        || (k == "ArrowLeft" && open)
                    {
                        e.prevent_default();
                        b();
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
            <li role="treeitem" class={classes!("st-row", (!mark.is_empty()).then(|| format!("st-{mark}")), r.changed_inside.then_some("st-inside"))}
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
            <ul class="st-list" ref={list} role="tree" aria-label={tf("steptree.label", &[("n", &(props.at + 1).to_string())])} {onkeydown}>
                { for files.rows.iter().enumerate().map(|(i, r)| row(i, r)) }
            </ul>
            if files.more > 0 {
                <p class="st-more">{ tn("steptree.more_one", "steptree.more", files.more) }</p>
            }
        </div>
    }
}
