//! A file tree with change marks (added, modified, deleted) and sizes, as the Build view's step
//! tree and the Image view's layer tree show it: folders open and close (click, Enter, arrow
//! keys), and the first change scrolls into view when `focus_key` changes.
//!
//! The rows go into the page as one HTML string (a step can bring hundreds): the browser parses
//! them in one call instead of the app creating each element, attribute and listener one by
//! one. The list handles clicks and keys for all rows, and a focused row keeps focus when the
//! rows are replaced.
use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;

use drydock_engine::output::units::human_size;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{tf, tn};
use crate::views::step_files::{FileRow, StepFiles};

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

/// The rows of one `StepFiles`, compared by identity (they are computed once and shared).
#[derive(Clone)]
struct Same(Rc<StepFiles>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[component(ChangeTree)]
pub fn change_tree(props: &Props) -> Html {
    let list = use_node_ref();
    let rows = use_memo(Same(props.files.clone()), |files| {
        Html::from_html_unchecked(AttrValue::from(rows_html(&files.0.rows)))
    });
    {
        let list = list.clone();
        // Measured in the next frame, so a step forces no layout of its own.
        use_effect_with(props.focus_key, move |_| scroll_to_first_change(list, 3));
    }
    // The path of the row that has focus while the rows are replaced (read before they are).
    let refocus = use_mut_ref(|| None::<String>);
    *refocus.borrow_mut() = focused_path(&list);
    {
        let (list, refocus) = (list.clone(), refocus.clone());
        use_effect_with(Same(props.files.clone()), move |_| {
            restore_focus(&list, &refocus)
        });
    }
    let files = &props.files;
    let on_toggle = props.on_toggle.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some(path) = e.target().and_then(|t| toggles(&t)) {
            on_toggle.emit(path);
        }
    });
    let on_toggle = props.on_toggle.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let Some(item) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let key = e.key();
        let next = match key.as_str() {
            "ArrowDown" => item.next_element_sibling(),
            "ArrowUp" => item.previous_element_sibling(),
            "Enter" | " " | "ArrowRight" | "ArrowLeft" => {
                let open = item.get_attribute("aria-expanded").as_deref() == Some("true");
                let wanted = match key.as_str() {
                    "ArrowRight" => !open,
                    "ArrowLeft" => open,
                    _ => true,
                };
                if let Some(path) = toggles(&item).filter(|_| wanted) {
                    e.prevent_default();
                    on_toggle.emit(path);
                }
                return;
            }
            _ => return,
        };
        e.prevent_default();
        if let Some(el) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
    html! {
        <div class="step-tree">
            <p class="st-summary">
                { tf("steptree.summary", &[("added", &files.added.to_string()), ("modified", &files.modified.to_string()), ("deleted", &files.deleted.to_string())]) }
            </p>
            <ul class="st-list" ref={list} role="tree" aria-label={props.label.clone()} {onclick} {onkeydown}>
                { (*rows).clone() }
            </ul>
            if files.more > 0 {
                <p class="st-more">{ tn("steptree.more_one", "steptree.more", files.more) }</p>
            }
        </div>
    }
}

/// Scrolls the first change of `list` to 40px below its top, in the next frame. Rows out of
/// sight are laid out at an estimated height (`content-visibility`) until the browser decides
/// which are near the view, so the position is checked again in the following frames
/// (`tries` in all) until it holds.
fn scroll_to_first_change(list: NodeRef, tries: u32) {
    crate::interop::frame::next_frame(move || {
        let Some(el) = list.cast::<web_sys::HtmlElement>() else {
            return;
        };
        let first = el
            .query_selector(".st-added, .st-modified, .st-deleted")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        let to = first.map_or(0, |e| (e.offset_top() - 40).max(0));
        if (el.scroll_top() - to).abs() > 1 {
            el.set_scroll_top(to);
            if tries > 1 {
                scroll_to_first_change(list, tries - 1);
            }
        }
    });
}

/// The path of the folder row at or above `target` that opens and closes (not a deleted one).
fn toggles(target: &web_sys::EventTarget) -> Option<String> {
    let row = target
        .dyn_ref::<web_sys::Element>()?
        .closest(".st-row")
        .ok()??;
    let folder = row.has_attribute("aria-expanded") && !row.matches(".st-deleted").unwrap_or(false);
    folder.then(|| row.get_attribute("data-path")).flatten()
}

/// The `data-path` of the row in `list` that has focus.
fn focused_path(list: &NodeRef) -> Option<String> {
    let list = list.cast::<web_sys::Element>()?;
    let active = gloo::utils::document().active_element()?;
    if !list.contains(Some(&active)) {
        return None;
    }
    active.get_attribute("data-path")
}

/// Gives focus back to the row with the path that had it, when replacing the rows took it away.
fn restore_focus(list: &NodeRef, refocus: &Rc<RefCell<Option<String>>>) {
    let Some(path) = refocus.borrow_mut().take() else {
        return;
    };
    let Some(list) = list.cast::<web_sys::Element>() else {
        return;
    };
    let document = gloo::utils::document();
    if document
        .active_element()
        .is_some_and(|a| list.contains(Some(&a)))
    {
        return;
    }
    let row = list.query_selector_all(".st-row").ok().and_then(|rows| {
        (0..rows.length())
            .filter_map(|i| rows.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|r| r.get_attribute("data-path").as_deref() == Some(path.as_str()))
    });
    if let Some(row) = row {
        let _ = row.focus();
    }
}

/// The rows as HTML: the same elements a `html!` row would make, every text escaped.
fn rows_html(rows: &[FileRow]) -> String {
    let mut out = String::with_capacity(rows.len() * 260);
    for (i, r) in rows.iter().enumerate() {
        let folder = r.dir.is_some();
        let mark = r.mark.label();
        out.push_str("<li role=\"treeitem\" class=\"st-row");
        if !mark.is_empty() {
            let _ = write!(out, " st-{mark}");
        }
        if r.changed_inside {
            out.push_str(" st-inside");
        }
        let _ = write!(out, "\" aria-level=\"{}\"", r.depth + 1);
        if folder {
            let _ = write!(out, " aria-expanded=\"{}\"", r.open);
        }
        let _ = write!(
            out,
            " tabindex=\"{}\" data-path=\"",
            if i == 0 { "0" } else { "-1" }
        );
        escape(&mut out, &r.path);
        let _ = write!(
            out,
            "\" style=\"--depth: {}\"><span class=\"st-caret{}{}\" aria-hidden=\"true\"></span><span class=\"st-name\">",
            r.depth,
            if folder { " folder" } else { "" },
            if r.open { " open" } else { "" }
        );
        escape(&mut out, &r.name);
        if folder {
            out.push('/');
        }
        out.push_str("</span>");
        if !mark.is_empty() {
            out.push_str("<span class=\"st-mark\">");
            escape(&mut out, r.mark.text());
            out.push_str("</span>");
        }
        out.push_str("<span class=\"st-detail\">");
        let detail = match (&r.link, r.dir) {
            (Some(target), _) => format!("→ {target}"),
            (None, Some(n)) => tn("steptree.items_one", "steptree.items", n),
            (None, None) => human_size(r.size),
        };
        escape(&mut out, &detail);
        out.push_str("</span></li>");
    }
    out
}

/// Appends `text` with the characters HTML gives a meaning escaped (for text and quoted values).
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::step_files::Mark;

    #[test]
    fn rows_are_escaped_and_marked() {
        let row = FileRow {
            path: "/app/<b>\"x\"&'y'".into(),
            name: "<b>\"x\"&'y'".into(),
            depth: 1,
            dir: None,
            open: false,
            size: 3,
            link: None,
            mark: Mark::Added,
            changed_inside: false,
        };
        let folder = FileRow {
            path: "/app".into(),
            name: "app".into(),
            depth: 0,
            dir: Some(1),
            open: true,
            size: 0,
            link: None,
            mark: Mark::Same,
            changed_inside: true,
        };
        let html = rows_html(&[folder, row]);
        assert_eq!(
            html,
            "<li role=\"treeitem\" class=\"st-row st-inside\" aria-level=\"1\" aria-expanded=\"true\" tabindex=\"0\" data-path=\"/app\" style=\"--depth: 0\"><span class=\"st-caret folder open\" aria-hidden=\"true\"></span><span class=\"st-name\">app/</span><span class=\"st-detail\">1 item</span></li>\
             <li role=\"treeitem\" class=\"st-row st-added\" aria-level=\"2\" tabindex=\"-1\" data-path=\"/app/&lt;b&gt;&quot;x&quot;&amp;&#39;y&#39;\" style=\"--depth: 1\"><span class=\"st-caret\" aria-hidden=\"true\"></span><span class=\"st-name\">&lt;b&gt;&quot;x&quot;&amp;&#39;y&#39;</span><span class=\"st-mark\">added</span><span class=\"st-detail\">3B</span></li>"
        );
    }
}
