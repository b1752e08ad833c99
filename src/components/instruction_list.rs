//! The instruction list: every instruction of the Dockerfile as BuildKit reads it (continuations joined).
use yew::prelude::*;

use crate::i18n::{t, tf, tn};
use crate::outline::{Outline, Row};
use crate::state::{Action, use_store};

#[component(InstructionList)]
pub fn instruction_list() -> Html {
    let store = use_store();
    // The Dockerfile the build uses; a row opens it when another file is in the editor.
    let outline = Outline::of(&store.dockerfile_text());
    let other_open = store.file_name != store.build_form.file;
    if outline.rows.is_empty() {
        return html! {
            <div class="empty-state compact">
                <h3>{ t("instructions.empty_title") }</h3>
                <p>{ t("instructions.empty_text") }<code>{ "FROM python:3.11-slim" }</code>{ "." }</p>
            </div>
        };
    }
    let row = |r: &Row| {
        let (start, end) = (r.start_line, r.end_line);
        let onclick = {
            let store = store.clone();
            let file = store.build_form.file.clone();
            Callback::from(move |_: MouseEvent| {
                if other_open {
                    store.dispatch(Action::Open(file.clone()));
                }
                store.dispatch(Action::Reveal(start, end));
            })
        };
        let lines = if start == end {
            format!("{start}")
        } else {
            format!("{start}–{end}")
        };
        html! {
            <li class={classes!("instr", r.error.is_some().then_some("has-error"))}>
                <button class="instr-button" {onclick}
                    title={tf("instructions.show_line", &[("lines", &lines)])}>
                    <span class="instr-lines">{ lines }</span>
                    <span class={classes!("kw", format!("kw-{}", r.family))}>{ r.keyword.clone() }</span>
                    <span class="instr-args">{ r.args.clone() }</span>
                </button>
                if let Some(err) = &r.error {
                    <p class="instr-error" role="note">{ err.clone() }</p>
                }
            </li>
        }
    };
    html! {
        <div class="instructions">
            <p class="summary">
                { tn("lifecycle.instructions_one", "lifecycle.instructions", outline.rows.len()) }
                { " · " }{ tn("instructions.stages_one", "instructions.stages", outline.stages) }
            </p>
            <ol class="instr-list" aria-label={t("view.instructions")}>
                { for outline.rows.iter().map(row) }
            </ol>
        </div>
    }
}
