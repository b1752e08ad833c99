//! The filesystem at the selected layer as a tree (drawn by `ChangeTree`): what the layer added,
//! modified and deleted is marked, with sizes; "Changes only" hides the unchanged entries.
use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use super::change_tree::ChangeTree;
use super::image_layers::Explored;
use crate::i18n::{t, tf};
use crate::views::step_files::{StepFiles, changes_only, step_files};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub explored: Rc<Explored>,
    /// The selected history entry.
    pub row: usize,
}

#[component(LayerTree)]
pub fn layer_tree(props: &Props) -> Html {
    let toggled = use_state(|| Rc::new(HashSet::<String>::new()));
    let only = use_state(|| false);
    let files: Rc<StepFiles> = use_memo(
        (props.explored.clone(), props.row, (*toggled).clone(), *only),
        |(explored, row, open, only)| {
            let (before, after) = explored.trees_at(*row);
            let files = step_files(&before, &after, &explored.workdir, open);
            if *only { changes_only(&files) } else { files }
        },
    );
    let on_toggle = {
        let toggled = toggled.clone();
        Callback::from(move |path: String| {
            let mut set = (**toggled).clone();
            if !set.remove(&path) {
                set.insert(path);
            }
            toggled.set(Rc::new(set));
        })
    };
    let onchange = {
        let only = only.clone();
        Callback::from(move |_: Event| only.set(!*only))
    };
    let empty = props.explored.rows.get(props.row).is_none_or(|r| r.empty());
    let title = tf("image.files_at", &[("n", &(props.row + 1).to_string())]);
    html! {
        <section class="layer-tree" aria-labelledby="layer-tree-title">
            <div class="section-head">
                <h3 id="layer-tree-title" class="section-title">{ title.clone() }</h3>
                <label class="check">
                    <input type="checkbox" class="changes-only" checked={*only} {onchange} />
                    { t("image.changes_only") }
                </label>
            </div>
            if empty {
                <p class="layer-note">{ t("image.empty_layer_note") }</p>
            }
            <ChangeTree files={files.clone()} label={title}
                {on_toggle} focus_key={props.row as u64} />
        </section>
    }
}
