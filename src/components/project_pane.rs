//! The project pane: the host project (the build context) as a keyboard-operable tree with sizes,
//! Dockerfile and `.dockerignore` marks; a toolbar to upload files or a folder, download the
//! project as a .zip, open an example or reset; files and folders can be dropped on it.
use std::rc::Rc;

use drydock_engine::output::units::human_size;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{DragEvent, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use super::icons;
use crate::i18n::{t, tf, tn};
use crate::interop::{download, files};
use crate::project_state::{Dialog, Tone};
use crate::state::{Action, Store, use_store};
use crate::views::file_kind::ContentKind;
use crate::views::file_tree::{ProjectTree, RowKind, TreeRow};
use crate::views::ignore_marks::Mark;
use crate::views::zip;

/// Sends files read from disk to the store (or says why they could not be read).
fn upload(store: &Store, read: Result<Vec<files::Picked>, String>) {
    match read {
        Ok(picked) if !picked.is_empty() => store.dispatch(Action::Upload(
            picked.into_iter().map(|p| (p.path, p.bytes)).collect(),
        )),
        Ok(_) => {}
        Err(why) => store.dispatch(Action::Notify(Tone::Error, why, None)),
    }
}

/// Downloads the project as a .zip.
fn download_zip(store: &Store) {
    let result = {
        let s = store.session();
        zip::project_zip(s.host())
    };
    match result {
        Ok((bytes, notes)) => {
            let name = format!(
                "{}.zip",
                if store.example.is_empty() {
                    "project"
                } else {
                    store.example
                }
            );
            if !download::save(&name, &bytes, "application/zip") {
                store.dispatch(Action::Notify(
                    Tone::Error,
                    t("project.download_refused").into(),
                    None,
                ));
            } else if !notes.is_empty() {
                store.dispatch(Action::Notify(
                    Tone::Info,
                    tf(
                        "project.downloaded",
                        &[
                            ("name", &name),
                            (
                                "notes",
                                &tn("project.notes_one", "project.notes", notes.len()),
                            ),
                        ],
                    ),
                    None,
                ));
            }
        }
        Err(e) => store.dispatch(Action::Notify(
            Tone::Error,
            tf("project.download_failed", &[("error", &e.to_string())]),
            None,
        )),
    }
}

/// Focuses the tree row at visible index `i`.
fn focus_row(i: usize) {
    let el = gloo::utils::document().get_element_by_id(&format!("tree-row-{i}"));
    if let Some(el) = el.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The small marks after a row's name.
fn marks(r: &TreeRow) -> Html {
    // Left-out rows are struck through (the row's title says by which line); only a `!` line
    // that puts a file back gets a mark.
    let ignored = match &r.mark {
        Mark::Reincluded(line) => html! {
            <span class="file-mark kept" title={tf("project.reincluded", &[("line", line)])}>{ t("project.kept") }</span>
        },
        Mark::Kept | Mark::Excluded(_) => html! {},
    };
    let kind = match &r.kind {
        RowKind::File(ContentKind::Binary) => {
            html! { <span class="file-mark" title={t("project.binary")}>{ "bin" }</span> }
        }
        RowKind::File(ContentKind::Data) => html! {
            <span class="file-mark" title={t("project.data")}>{ "data" }</span>
        },
        RowKind::Symlink(t) => {
            html! { <span class="file-mark" title={tf("project.symlink", &[("target", t)])}>{ "→" }</span> }
        }
        _ => html! {},
    };
    html! { <>{ kind }{ ignored }</> }
}

#[component(ProjectPane)]
pub fn project_pane() -> Html {
    let store = use_store();
    let tree: Rc<ProjectTree> = use_memo(
        (
            store.rev,
            store.build_form.file.clone(),
            store.session.clone(),
        ),
        |(_, file, session)| ProjectTree::build(session.0.borrow().host(), file),
    );
    let collapsed = use_state(|| tree.initially_collapsed());
    let focused = use_state(|| None::<String>);
    let dragging = use_state(|| false);
    let files_input = use_node_ref();
    // The "New file" form and the "Delete?" confirmation (the path asked about).
    let creating = use_state(|| false);
    let deleting = use_state(|| None::<String>);
    let new_name = use_node_ref();
    let folder_input = use_node_ref();
    // A new project (example, restore, share link): fold its big and hidden folders again.
    {
        let (collapsed, tree) = (collapsed.clone(), tree.clone());
        use_effect_with(store.session.clone(), move |_| {
            collapsed.set(tree.initially_collapsed())
        });
    }

    let visible: Vec<TreeRow> = tree.visible(&collapsed).cloned().collect();
    let focus_index = focused
        .as_ref()
        .and_then(|p| visible.iter().position(|r| &r.path == p))
        .or_else(|| visible.iter().position(|r| r.path == store.file_name))
        .unwrap_or(0);

    let toggle = {
        let collapsed = collapsed.clone();
        move |path: &str, open: Option<bool>| {
            let mut c = (*collapsed).clone();
            let is_open = !c.contains(path);
            match open {
                Some(true) | None if !is_open => c.remove(path),
                Some(false) | None if is_open => c.insert(path.to_owned()),
                _ => return,
            };
            collapsed.set(c);
        }
    };
    let activate = {
        let (store, toggle) = (store.clone(), toggle.clone());
        move |r: &TreeRow| {
            if r.is_dir() {
                toggle(&r.path, None);
            } else if r.is_text() {
                store.dispatch(Action::Open(r.path.clone()));
            }
        }
    };
    let onkeydown = {
        let (visible, focused, toggle, activate) = (
            visible.clone(),
            focused.clone(),
            toggle.clone(),
            activate.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let Some(cur) = visible.get(focus_index) else {
                return;
            };
            let n = visible.len();
            let go = |i: usize| {
                if let Some(r) = visible.get(i) {
                    focused.set(Some(r.path.clone()));
                    focus_row(i);
                }
            };
            match e.key().as_str() {
                "ArrowDown" => go((focus_index + 1).min(n.saturating_sub(1))),
                "ArrowUp" => go(focus_index.saturating_sub(1)),
                "Home" => go(0),
                "End" => go(n.saturating_sub(1)),
                "ArrowRight" if cur.is_dir() => {
                    if collapsed_has(&visible, focus_index) {
                        toggle(&cur.path, Some(true));
                    } else {
                        go(focus_index + 1);
                    }
                }
                "ArrowLeft" => {
                    if cur.is_dir() && !collapsed_has(&visible, focus_index) {
                        toggle(&cur.path, Some(false));
                    } else if let Some(p) = visible.iter().position(|r| r.path == cur.parent()) {
                        go(p);
                    }
                }
                "Enter" | " " => activate(cur),
                _ => return,
            }
            e.prevent_default();
        })
    };

    let on_files = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            let store = store.clone();
            spawn_local(async move {
                let read = files::read_list(list).await;
                input.set_value("");
                upload(&store, read);
            });
        })
    };
    let click = |r: &NodeRef| {
        let r = r.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = r.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let dialog = |d: Dialog| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowDialog(Some(d))))
    };
    let on_download = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| download_zip(&store))
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            let has_files = e.data_transfer().is_some_and(|dt| {
                dt.types()
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("Files"))
            });
            if has_files {
                e.prevent_default();
                if !*dragging {
                    dragging.set(true);
                }
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            let pane: Option<web_sys::Node> = e.current_target().and_then(|t| t.dyn_into().ok());
            let to: Option<web_sys::Node> = e.related_target().and_then(|t| t.dyn_into().ok());
            if !pane.is_some_and(|p| p.contains(to.as_ref())) {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let (store, dragging) = (store.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let Some(dt) = e.data_transfer() else { return };
            let entries = files::dropped_entries(&dt);
            let list = dt.files();
            let store = store.clone();
            spawn_local(async move {
                let read = if entries.is_empty() {
                    match list {
                        Some(l) => files::read_list(l).await,
                        None => Ok(Vec::new()),
                    }
                } else {
                    files::read_entries(entries).await
                };
                upload(&store, read);
            });
        })
    };

    let new_file = {
        let creating = creating.clone();
        let deleting = deleting.clone();
        Callback::from(move |_: MouseEvent| {
            deleting.set(None);
            creating.set(!*creating);
        })
    };
    let ask_delete = {
        let (deleting, creating, store) = (deleting.clone(), creating.clone(), store.clone());
        Callback::from(move |_: MouseEvent| {
            creating.set(false);
            if !store.file_name.is_empty() {
                deleting.set(Some(store.file_name.clone()));
            }
        })
    };
    let on_create = {
        let (store, creating, new_name) = (store.clone(), creating.clone(), new_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = new_name.cast::<HtmlInputElement>() else {
                return;
            };
            let path = input
                .value()
                .trim()
                .trim_start_matches("./")
                .trim_start_matches('/')
                .trim_end_matches('/')
                .to_owned();
            if path.is_empty() {
                return;
            }
            let exists = store.session().host().lstat(&format!("/{path}")).is_ok();
            if exists {
                store.dispatch(Action::Notify(
                    Tone::Error,
                    tf("project.exists", &[("path", &path)]),
                    None,
                ));
                return;
            }
            store.dispatch(Action::Files(drydock_session::Action::WriteFile {
                path: path.clone(),
                content: String::new(),
            }));
            store.dispatch(Action::Open(path));
            creating.set(false);
        })
    };
    let on_create_key = {
        let creating = creating.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                creating.set(false);
            }
        })
    };
    let cancel_create = {
        let creating = creating.clone();
        Callback::from(move |_: MouseEvent| creating.set(false))
    };
    let confirm_delete = {
        let (store, deleting) = (store.clone(), deleting.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(path) = (*deleting).clone() {
                store.dispatch(Action::Files(drydock_session::Action::Delete { path }));
            }
            deleting.set(None);
        })
    };
    let cancel_delete = {
        let deleting = deleting.clone();
        Callback::from(move |_: MouseEvent| deleting.set(None))
    };
    // Focus the new file's name field when the form opens.
    {
        let new_name = new_name.clone();
        use_effect_with(*creating, move |open| {
            if *open && let Some(i) = new_name.cast::<HtmlInputElement>() {
                let _ = i.focus();
            }
        });
    }

    let ignore_file = tree.rules.file.clone();
    let rows = visible.iter().enumerate().map(|(i, r)| {
        let open = r.is_dir() && !collapsed.contains(&r.path);
        let current = r.path == store.file_name;
        let onclick = {
            let (activate, focused, r) = (activate.clone(), focused.clone(), r.clone());
            Callback::from(move |_: MouseEvent| {
                focused.set(Some(r.path.clone()));
                activate(&r);
            })
        };
        let mut title = match &r.kind {
            RowKind::File(ContentKind::Text) => tf("project.open_file", &[("path", &r.path)]),
            RowKind::Dir { children } => tf("project.dir", &[("path", &r.path), ("entries", &tn("project.entries_one", "project.entries", *children))]),
            _ => r.path.clone(),
        };
        if let Mark::Excluded(line) = &r.mark {
            let by = ignore_file.as_deref().unwrap_or(".dockerignore");
            title.push_str(&tf("project.excluded_by", &[("file", by)]));
            if !line.is_empty() {
                title.push_str(&tf("project.excluded_line", &[("line", line)]));
            }
        }
        let icon = if r.is_dir() {
            html! { <span class="tree-chevron">{ icons::chevron() }</span> }
        } else {
            html! { <span class="tree-chevron spacer"></span> }
        };
        html! {
            <li role="treeitem" id={format!("tree-row-{i}")}
                aria-level={(r.depth + 1).to_string()}
                aria-expanded={r.is_dir().then(|| open.to_string())}
                aria-selected={current.to_string()}
                tabindex={if i == focus_index { "0" } else { "-1" }}
                class={classes!(
                    "file-row",
                    r.is_dir().then_some("dir"),
                    open.then_some("open"),
                    current.then_some("current"),
                    r.excluded().then_some("excluded"),
                    (!r.is_dir() && !r.is_text()).then_some("not-text"),
                    (r.path == store.build_form.file).then_some("build-file"),
                )}
                style={format!("--depth: {}", r.depth)} data-path={r.path.clone()} {title} {onclick}>
                { icon }
                if r.is_dir() { { icons::folder() } } else if r.dockerfile { { icons::layers() } } else { { icons::file() } }
                <span class="file-label">{ r.name.clone() }</span>
                { marks(r) }
                <span class="file-size">{ human_size(r.size) }</span>
            </li>
        }
    });

    let summary = {
        let mut s = format!(
            "{} · {}",
            tn("share.files_one", "share.files", tree.files),
            human_size(tree.total_size)
        );
        if tree.excluded_files > 0 {
            s.push_str(" · ");
            s.push_str(&tf(
                "project.ignored",
                &[
                    ("n", &tree.excluded_files.to_string()),
                    ("file", ignore_file.as_deref().unwrap_or(".dockerignore")),
                ],
            ));
        }
        s
    };

    html! {
        <nav class={classes!("pane", "project-pane", dragging.then_some("dragging"))} aria-label={t("project.files")}
            {ondragover} {ondragleave} {ondrop}>
            <div class="pane-head">
                <span class="pane-title">{ t("project.title") }</span>
                <span class="pane-hint project-example" title={t("project.example_title")}>
                    <span class="project-example-name">{ drydock_session::examples::get(store.example).map_or("", crate::views::example_text::title) }</span>
                    if store.modified { <span class="modified-dot" title={t("project.modified_title")} aria-label={t("project.modified")}></span> }
                </span>
            </div>
            <div class="project-toolbar" role="toolbar" aria-label={t("project.actions")}>
                <button class="tool-button" onclick={click(&files_input)} aria-label={t("project.upload_files")} title={t("project.upload_files")}>
                    { icons::upload() }
                </button>
                <button class="tool-button" onclick={click(&folder_input)} aria-label={t("project.upload_folder")} title={t("project.upload_folder")}>
                    { icons::folder_upload() }
                </button>
                <button class="tool-button" id="download-zip" onclick={on_download} aria-label={t("project.download")} title={t("project.download_title")}>
                    { icons::download() }
                </button>
                <span class="toolbar-sep" aria-hidden="true"></span>
                <button class="tool-button" id="new-file" onclick={new_file} aria-label={t("project.new_file")} title={t("project.new_file")}
                    aria-expanded={creating.to_string()}>
                    { icons::plus() }
                </button>
                <button class="tool-button" id="delete-file" onclick={ask_delete} disabled={store.file_name.is_empty()}
                    aria-label={t("project.delete_open")} title={tf("project.delete_title", &[("path", &store.file_name)])}>
                    { icons::trash() }
                </button>
                <span class="toolbar-sep" aria-hidden="true"></span>
                <button class="tool-button" id="open-examples" onclick={dialog(Dialog::Examples)} aria-label={t("project.examples")} title={t("examples.title")}>
                    { icons::gallery() }
                </button>
                <button class="tool-button" id="open-reset" onclick={dialog(Dialog::Reset)} aria-label={t("reset.confirm")} title={t("project.reset_title")}>
                    { icons::reset() }
                </button>
                <input type="file" multiple=true class="visually-hidden" id="upload-files" ref={files_input}
                    tabindex="-1" aria-hidden="true" onchange={on_files.clone()} />
                <input type="file" multiple=true webkitdirectory=true class="visually-hidden" id="upload-folder"
                    ref={folder_input} tabindex="-1" aria-hidden="true" onchange={on_files} />
            </div>
            if *creating {
                <form class="new-file-form" onsubmit={on_create}>
                    <input id="new-file-name" ref={new_name} type="text" class="new-file-input" spellcheck="false"
                        autocomplete="off" autocapitalize="off" placeholder={t("project.new_file_placeholder")} aria-label={t("project.new_file_name")}
                        onkeydown={on_create_key} />
                    <div class="new-file-actions">
                        <button type="submit" class="primary-button small" id="new-file-create">{ t("project.create") }</button>
                        <button type="button" class="ghost-button small" onclick={cancel_create}>{ t("common.cancel") }</button>
                    </div>
                </form>
            }
            if let Some(path) = &*deleting {
                <div class="delete-confirm" role="alertdialog" aria-labelledby="delete-confirm-text">
                    <p id="delete-confirm-text">{ tf("project.delete_confirm", &[("path", path)]) }</p>
                    <div class="new-file-actions">
                        <button class="danger-button small" id="delete-file-confirm" onclick={confirm_delete}>{ t("project.delete") }</button>
                        <button class="ghost-button small" onclick={cancel_delete}>{ t("common.cancel") }</button>
                    </div>
                </div>
            }
            if visible.is_empty() {
                <div class="tree-empty">
                    <p>{ t("project.empty") }</p>
                    <p>{ t("project.empty_hint") }</p>
                </div>
            } else {
                <ul class="file-tree" role="tree" aria-label={t("project.files")} {onkeydown}>
                    { for rows }
                </ul>
            }
            <p class="tree-summary">{ summary }</p>
            if *dragging {
                <div class="drop-hint" aria-hidden="true">
                    { icons::folder_upload() }
                    <span>{ t("project.drop") }</span>
                </div>
            }
        </nav>
    }
}

/// Whether the folder at visible index `i` is closed (its next visible row is not below it).
fn collapsed_has(visible: &[TreeRow], i: usize) -> bool {
    let Some(r) = visible.get(i) else {
        return false;
    };
    let below = format!("{}/", r.path);
    !visible
        .get(i + 1)
        .is_some_and(|n| n.path.starts_with(&below))
}
