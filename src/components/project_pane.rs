//! The project pane: the host project (the build context) as a file tree; clicking a file opens it.
use drydock_engine::output::units::human_size;
use yew::prelude::*;

use crate::state::{Action, use_store};

/// One row of the tree.
struct Row {
    path: String,
    name: String,
    depth: usize,
    dir: bool,
    size: u64,
}

#[component(ProjectPane)]
pub fn project_pane() -> Html {
    let store = use_store();
    let rows: Vec<Row> = {
        let session = store.session();
        session
            .host()
            .walk()
            .map(|(path, node)| {
                let rel = path.as_str().trim_start_matches('/').to_owned();
                Row {
                    depth: rel.matches('/').count(),
                    name: rel.rsplit('/').next().unwrap_or("").to_owned(),
                    dir: node.is_dir(),
                    size: node.size(),
                    path: rel,
                }
            })
            .collect()
    };
    html! {
        <nav class="pane project-pane" aria-label="Project files">
            <div class="pane-head"><span class="pane-title">{ "Project" }</span></div>
            <ul class="file-tree" role="tree" aria-label="Project files">
                { for rows.iter().map(|r| {
                    let open = {
                        let (store, path, dir) = (store.clone(), r.path.clone(), r.dir);
                        Callback::from(move |_: MouseEvent| if !dir { store.dispatch(Action::Open(path.clone())) })
                    };
                    let current = r.path == store.file_name;
                    html! {
                        <li role="treeitem" aria-selected={current.to_string()}
                            class={classes!("file-row", r.dir.then_some("dir"), current.then_some("current"))}
                            style={format!("--depth: {}", r.depth)}>
                            <button class="file-button" onclick={open} title={r.path.clone()}>
                                <span class="file-label">{ r.name.clone() }</span>
                                if !r.dir { <span class="file-size">{ human_size(r.size) }</span> }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
