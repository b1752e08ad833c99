//! The Dockerfile editor pane: CodeMirror (through `interop::editor`) with semantic highlighting and
//! inline diagnostics from the core; a plain text area where the editor bundle is not loaded.
use std::cell::RefCell;
use std::rc::Rc;

use drydock_text::LineIndex;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::insights_view::is_dockerfile;
use crate::i18n::{t, tf};
use crate::interop::editor as cm;
use crate::interop::utf16::Utf16Map;
use crate::state::{Action, use_step, use_store};

#[component(Editor)]
pub fn editor() -> Html {
    let store = use_store();
    // Re-rendered by a time-travel step: the step's lines are highlighted.
    let step = use_step();
    let host = use_node_ref();
    let rich = use_state(cm::available);
    let instance: Rc<RefCell<Option<cm::Editor>>> = use_mut_ref(|| None);
    // The text the editor's hover and completion callbacks read (kept current by the sync effect).
    let current: Rc<RefCell<Rc<str>>> = use_mut_ref(|| store.text.clone());
    // Whether the open file is a Dockerfile: other files get no Dockerfile hover or completion.
    let dockerfile: Rc<RefCell<bool>> = use_mut_ref(|| is_dockerfile(&store.file_name));
    // The text CodeMirror holds: what it last reported as typed, or what was last given to it.
    // When the store's text is that, it need not cross to JavaScript again (a long file is
    // 100 KB per keystroke).
    let shown: Rc<RefCell<Rc<str>>> = use_mut_ref(|| store.text.clone());

    // Create CodeMirror once, on mount.
    {
        let (host, instance, store) = (host.clone(), instance.clone(), store.clone());
        let (current, dockerfile, shown) = (current.clone(), dockerfile.clone(), shown.clone());
        let rich = *rich;
        use_effect_with((), move |_| {
            if let (true, Some(el)) = (rich, host.cast::<HtmlElement>()) {
                let label = tf("editor.contents", &[("file", &store.file_name)]);
                let dispatcher = store.dispatcher();
                let (hover_text, complete_text) = (current.clone(), current.clone());
                let (hover_df, complete_df) = (dockerfile.clone(), dockerfile);
                let callbacks = cm::Callbacks {
                    change: Box::new(move |text| {
                        *shown.borrow_mut() = Rc::from(text.as_str());
                        dispatcher.dispatch(Action::Edit(text));
                    }),
                    hover: Box::new(move |pos| {
                        if *hover_df.borrow() {
                            hover_at(&hover_text.borrow(), pos)
                        } else {
                            None
                        }
                    }),
                    complete: Box::new(move |pos| {
                        if *complete_df.borrow() {
                            complete_at(&complete_text.borrow(), pos)
                        } else {
                            None
                        }
                    }),
                };
                let ed = cm::Editor::new(&el, &store.text, &label, callbacks);
                *instance.borrow_mut() = Some(ed);
            }
            move || drop(instance.borrow_mut().take())
        });
    }

    // A read-only embed: the editor shows the project but takes no edits.
    {
        let instance = instance.clone();
        use_effect_with(store.read_only(), move |read_only| {
            if let Some(ed) = instance.borrow().as_ref() {
                ed.set_read_only(*read_only);
            }
        });
    }

    // Keep text, highlighting and diagnostics in sync with the store.
    // The lint's facts come from the project files, so any project change re-lints.
    {
        let instance = instance.clone();
        let (current, dockerfile, shown) = (current.clone(), dockerfile.clone(), shown.clone());
        let store = store.clone();
        use_effect_with((store.text.clone(), store.rev), move |(text, _)| {
            *current.borrow_mut() = text.clone();
            let is_df = is_dockerfile(&store.file_name);
            *dockerfile.borrow_mut() = is_df;
            if let Some(ed) = instance.borrow().as_ref() {
                // The text first, unless CodeMirror already holds it (the keystroke made it).
                let known = {
                    let mut shown = shown.borrow_mut();
                    let known = Rc::ptr_eq(&shown, text) || **shown == **text;
                    *shown = text.clone();
                    known
                };
                if !known {
                    ed.set_text(text);
                }
                if is_df {
                    // One parse serves the outline, the highlighting, the parser's diagnostics
                    // and the lint (usually already made while the lifecycle strip rendered).
                    let data = {
                        let session = store.session();
                        let lint = crate::analysis::LintAs {
                            path: &store.file_name,
                            project: session.host(),
                            rev: store.rev,
                        };
                        crate::analysis::editor(text, lint)
                    };
                    ed.set_tokens_and_diagnostics(&data.tokens, &data.marks);
                    // For `cargo xtask bench ui`: keystroke → updated diagnostics.
                    crate::interop::perf::mark("drydock-diagnostics");
                } else {
                    // Not a Dockerfile: plain text, no Dockerfile tokens or diagnostics.
                    ed.set_tokens(&[]);
                    ed.set_diagnostics(&[]);
                }
            }
        });
    }

    // Time travel: highlight the instruction of the build step shown.
    {
        let instance = instance.clone();
        let lines = step_lines(&store, step);
        use_effect_with(lines, move |lines| {
            if let Some(ed) = instance.borrow().as_ref() {
                ed.set_current(*lines);
            }
        });
    }

    // Select an instruction's lines when the instruction list asks for it.
    {
        let (instance, host) = (instance.clone(), host.clone());
        let text = store.text.clone();
        let reveal = store.reveal_line;
        use_effect_with(store.reveal_seq(), move |_| {
            let Some((start, end)) = reveal else { return };
            let index = LineIndex::new(&text);
            let from = index.line_start(start.saturating_sub(1) as usize);
            let to = index.line_start(end as usize).saturating_sub(1).max(from);
            let map = Utf16Map::new(&text);
            let (a, b) = (map.to_utf16(from), map.to_utf16(to));
            if let Some(ed) = instance.borrow().as_ref() {
                ed.select(a, b);
            } else if let Some(ta) = host.cast::<HtmlTextAreaElement>() {
                let _ = ta.focus();
                let _ = ta.set_selection_range(a, b);
            }
        });
    }

    let head = html! {
        <div class="pane-head">
            <div class="file-tab" role="presentation">
                <span class="file-dot" aria-hidden="true"></span>
                <span class="file-name">{ store.file_name.clone() }</span>
            </div>
            if store.read_only() {
                <span class="read-only-badge" id="read-only-badge">{ t("embed.read_only") }</span>
            } else {
                <span class="pane-hint">{ t("editor.hint") }</span>
            }
        </div>
    };
    let body = if *rich {
        html! { <div class="editor cm-host" ref={host}></div> }
    } else {
        let oninput = {
            let store = store.clone();
            Callback::from(move |e: InputEvent| {
                let ta: HtmlTextAreaElement = e.target_unchecked_into();
                store.dispatch(Action::Edit(ta.value()));
            })
        };
        html! {
            <div class="editor">
                <textarea id="dockerfile-editor" ref={host} class="code" spellcheck="false"
                    autocapitalize="off" autocomplete="off" wrap="off"
                    aria-label={tf("editor.contents", &[("file", &store.file_name)])}
                    readonly={store.read_only()} value={store.text.to_string()} {oninput} />
            </div>
        }
    };
    html! {
        <section class="pane editor-pane" aria-label={t("editor.label")}>
            { head }
            { body }
        </section>
    }
}

/// The 1-based lines of the build step shown (in the Build view or while time travelling), when
/// the open file is the Dockerfile of the last build as it was built.
fn step_lines(store: &crate::state::AppState, step: Option<usize>) -> Option<(u32, u32)> {
    if store.view != crate::state::View::Build && step.is_none() {
        return None;
    }
    let session = store.session();
    let trace = session.last_build()?;
    if trace.dockerfile_name.trim_start_matches("./") != store.file_name
        || *trace.dockerfile != *store.text
    {
        return None;
    }
    let n = trace.steps.len();
    let step = trace
        .steps
        .get(step.unwrap_or(n.saturating_sub(1)).min(n.saturating_sub(1)))?;
    Some((step.line, step.end_line.max(step.line)))
}

/// Hover documentation at UTF-16 offset `pos` of `text`: a RUN line's word explained (explain
/// mode), else the instruction's or flag's docs.
fn hover_at(text: &str, pos: u32) -> Option<cm::HoverInfo> {
    let map = Utf16Map::new(text);
    let byte = map.to_byte(pos);
    if let Some(w) = drydock_session::explain_word::explain_in_dockerfile(text, byte) {
        return Some(cm::HoverInfo {
            from: map.to_utf16(w.range.start),
            to: map.to_utf16(w.range.end),
            title: w.title,
            body: w.body,
        });
    }
    let parse = drydock_syntax::parse(text);
    let h = drydock_syntax::docs::hover(&parse, byte)?;
    Some(cm::HoverInfo {
        from: map.to_utf16(h.range.start),
        to: map.to_utf16(h.range.end),
        title: h.title,
        body: h.body,
    })
}

/// Completions at UTF-16 offset `pos` of `text`.
fn complete_at(text: &str, pos: u32) -> Option<cm::CompletionList> {
    let map = Utf16Map::new(text);
    let parse = drydock_syntax::parse(text);
    let c = drydock_session::complete::complete(&parse, map.to_byte(pos))?;
    Some(cm::CompletionList {
        from: map.to_utf16(c.from),
        options: c
            .items
            .into_iter()
            .map(|i| (i.label, i.kind, i.detail))
            .collect(),
    })
}
