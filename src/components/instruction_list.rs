//! The instruction list: every instruction of the Dockerfile as BuildKit reads it (continuations joined).
use yew::prelude::*;

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
                <h3>{ "No instructions yet" }</h3>
                <p>{ "Start with a base image, for example " }<code>{ "FROM python:3.11-slim" }</code>{ "." }</p>
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
                    title={format!("Show line {lines} in the editor")}>
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
                { format!("{} instruction{}", outline.rows.len(), if outline.rows.len() == 1 { "" } else { "s" }) }
                { format!(" · {} stage{}", outline.stages, if outline.stages == 1 { "" } else { "s" }) }
            </p>
            <ol class="instr-list" aria-label="Instructions">
                { for outline.rows.iter().map(row) }
            </ol>
        </div>
    }
}
