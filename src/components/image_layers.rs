//! The image explorer's Layers tab: the layer stack (size, instruction, the build step that made
//! it, empty layers marked) as a listbox, the filesystem at the selected layer, and the bytes later
//! layers waste. When the image is the last build's result, the selection follows time travel.
use std::rc::Rc;

use drydock_engine::output::units::human_size;
use drydock_session::insights::waste::{self, WasteRow};
use drydock_vfs::Tree;
use yew::prelude::*;

use super::image_waste::ImageWaste;
use super::layer_tree::LayerTree;
use crate::i18n::{t, tf};
use crate::state::{Action, use_step, use_store};
use crate::views::image_layers::{LayerRow, layer_rows, layer_trees};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The image's id.
    pub id: String,
}

/// Everything the tab shows of one image, computed once per session change.
pub struct Explored {
    /// `(rev, image id)`: what it was computed from (equality is by this key).
    pub key: (u64, String),
    pub rows: Vec<LayerRow>,
    /// The filesystem after each layer.
    pub trees: Vec<Tree>,
    pub waste: Vec<WasteRow>,
    pub workdir: String,
    /// The image is the last build's result.
    pub built: bool,
}

impl PartialEq for Explored {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Explored {
    /// The filesystem before and after history entry `row`.
    pub fn trees_at(&self, row: usize) -> (Tree, Tree) {
        let below = self
            .rows
            .iter()
            .take(row + 1)
            .filter(|r| !r.empty())
            .count();
        let at = |n: usize| {
            n.checked_sub(1)
                .and_then(|i| self.trees.get(i))
                .cloned()
                .unwrap_or_default()
        };
        let empty = self.rows.get(row).is_none_or(LayerRow::empty);
        let after = at(below);
        let before = if empty { after.clone() } else { at(below - 1) };
        (before, after)
    }
}

#[component(ImageLayers)]
pub fn image_layers(props: &Props) -> Html {
    let store = use_store();
    // Time travel selects the step's layer.
    let step = use_step();
    let picked = use_state(|| None::<usize>);
    let explored: Rc<Explored> = use_memo((store.rev, props.id.clone()), |(rev, id)| {
        let session = store.session();
        let engine = session.engine();
        let trace = session.last_build();
        let img = engine.images().into_iter().find(|i| &i.id == id);
        let (rows, trees, waste) = match img {
            Some(img) => {
                let stack = engine.stack_of(img);
                (
                    layer_rows(img, trace),
                    layer_trees(&stack),
                    waste::analyse(stack.layers()).0,
                )
            }
            None => Default::default(),
        };
        Explored {
            key: (*rev, id.clone()),
            rows,
            trees,
            waste,
            workdir: img.map_or_else(String::new, |i| i.config.working_dir.clone()),
            built: trace.and_then(|t| t.image_id()) == Some(id.as_str()),
        }
    });
    let rows = &explored.rows;
    let n = rows.len();
    // Time travel picks the layer of the step shown; else the user's pick; else the top.
    let from_step = explored
        .built
        .then_some(step)
        .flatten()
        .and_then(|st| rows.iter().rposition(|r| r.step.is_some_and(|s| s <= st)));
    let selected = from_step
        .or(*picked)
        .filter(|i| *i < n)
        .unwrap_or(n.saturating_sub(1));
    // Keep the selected layer in view inside the list.
    // Measured in the next frame, so a step forces no layout of its own.
    use_effect_with(selected, |at| {
        let at = *at;
        crate::interop::frame::next_frame(move || {
            use wasm_bindgen::JsCast;
            let row = gloo::utils::document()
                .get_element_by_id(&format!("layer-row-{at}"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            let list = row
                .as_ref()
                .and_then(|r| r.parent_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let (Some(row), Some(list)) = (row, list) {
                let (top, h) = (row.offset_top(), list.client_height());
                if top < list.scroll_top() || top + row.offset_height() > list.scroll_top() + h {
                    list.set_scroll_top((top - h / 2).max(0));
                }
            }
        });
    });
    let select = |i: usize| {
        let store = store.clone();
        let picked = picked.clone();
        let step = rows.get(i).and_then(|r| r.step);
        let built = explored.built;
        move || {
            picked.set(Some(i));
            if built {
                store.dispatch(Action::Step(step));
            }
            focus(&format!("layer-row-{i}"));
        }
    };
    let last = n.saturating_sub(1);
    // Entries below the build's first step come from the base image.
    let first_own = rows.iter().position(|r| r.step.is_some());
    let row_html = |i: usize, r: &LayerRow| {
        let is_sel = i == selected;
        let onclick = {
            let s = select(i);
            Callback::from(move |_: MouseEvent| s())
        };
        let onkeydown = {
            let (up, down, home, end) = (
                select(i.saturating_sub(1)),
                select((i + 1).min(last)),
                select(0),
                select(last),
            );
            Callback::from(move |e: KeyboardEvent| {
                match e.key().as_str() {
                    "ArrowUp" => up(),
                    "ArrowDown" => down(),
                    "Home" => home(),
                    "End" => end(),
                    _ => return,
                }
                e.prevent_default();
            })
        };
        let size = if r.empty() {
            t("image.layer_empty").to_owned()
        } else {
            human_size(r.size)
        };
        html! {
            <li role="option" id={format!("layer-row-{i}")}
                class={classes!("layer-row", is_sel.then_some("selected"), r.empty().then_some("empty"))}
                aria-selected={is_sel.to_string()} tabindex={if is_sel { "0" } else { "-1" }}
                data-step={r.step.map(|s| s.to_string())} {onclick} {onkeydown}>
                <span class="layer-index" aria-hidden="true">{ i + 1 }</span>
                <span class="layer-main">
                    <code class="layer-by" title={r.created_by.clone()}>{ r.created_by.clone() }</code>
                    <span class="layer-meta">
                        if let Some(s) = r.step {
                            <span class="layer-step">{ tf("image.step", &[("n", &(s + 1).to_string())]) }</span>
                        } else if first_own.is_some_and(|f| i < f) {
                            <span class="layer-step base">{ t("image.base") }</span>
                        }
                        if let Some(d) = &r.diff_id {
                            <span class="layer-digest">{ d.trim_start_matches("sha256:").get(..12).unwrap_or_default().to_owned() }</span>
                        }
                    </span>
                </span>
                <span class={classes!("layer-size", r.empty().then_some("muted"))}>{ size }</span>
            </li>
        }
    };
    let total: u64 = rows.iter().map(|r| r.size).sum();
    let layers = rows.iter().filter(|r| !r.empty()).count();
    html! {
        <div class="ix-layers">
            <section class="layer-stack" aria-labelledby="layer-stack-title">
                <h3 id="layer-stack-title" class="section-title">
                    { t("image.tab.layers") }<span class="count">{ layers }</span>
                    <span class="section-sub">{ tf("image.layers_sub", &[("entries", &n.to_string()), ("size", &human_size(total))]) }</span>
                </h3>
                <ul role="listbox" aria-labelledby="layer-stack-title" class="layer-rows">
                    { for rows.iter().enumerate().map(|(i, r)| row_html(i, r)) }
                </ul>
            </section>
            <div class="ix-side">
                <LayerTree explored={explored.clone()} row={selected} />
                <ImageWaste explored={explored.clone()} />
            </div>
        </div>
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let el = gloo::utils::document().get_element_by_id(id);
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
