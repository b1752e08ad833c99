//! The instruction list: every instruction of the Dockerfile as BuildKit reads it (continuations joined).
use std::rc::Rc;
use yew::prelude::*;

use crate::i18n::{t, tf, tn};
use crate::outline::Outline;
use crate::state::{Action, AppState, use_store};

#[component(InstructionList)]
pub fn instruction_list() -> Html {
    let store = use_store();
    // The Dockerfile the build uses; a row opens it when another file is in the editor.
    // One outline per text (shared with the lifecycle strip): a time-travel step re-renders no row.
    let outline = crate::analysis::build_outline(&store);
    let other_open = store.file_name != store.build_form.file;
    if outline.rows.is_empty() {
        return html! {
            <div class="empty-state compact">
                <h3>{ t("instructions.empty_title") }</h3>
                <p>{ t("instructions.empty_text") }<code>{ "FROM python:3.11-slim" }</code>{ "." }</p>
            </div>
        };
    }
    html! {
        <div class="instructions">
            <p class="summary">
                { tn("lifecycle.instructions_one", "lifecycle.instructions", outline.rows.len()) }
                { " · " }{ tn("instructions.stages_one", "instructions.stages", outline.stages) }
            </p>
            <Rows outline={outline.clone()} {other_open} file={store.build_form.file.clone()}
                dispatcher={store.dispatcher()} />
        </div>
    }
}

/// How many rows are rendered before "Show all" (a long file stays fast to edit).
const FIRST_ROWS: usize = 300;

#[derive(Properties)]
struct RowsProps {
    outline: Rc<Outline>,
    other_open: bool,
    /// The Dockerfile the rows belong to (opened first when another file is in the editor).
    file: String,
    dispatcher: UseReducerDispatcher<AppState>,
}

impl PartialEq for RowsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.outline, &other.outline)
            && self.other_open == other.other_open
            && self.file == other.file
            && self.dispatcher == other.dispatcher
    }
}

/// The rows; re-rendered only when the outline changes.
#[component(Rows)]
fn rows(props: &RowsProps) -> Html {
    let all = use_state(|| false);
    let outline = &props.outline;
    let shown = if *all { outline.rows.len() } else { FIRST_ROWS };
    let hidden = outline.rows.len().saturating_sub(shown);
    let show_all = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(true))
    };
    html! {
        <>
            <ol class="instr-list" aria-label={t("view.instructions")}>
                { for (0..shown.min(outline.rows.len())).map(|index| html! {
                    <InstrRow outline={outline.clone()} {index} other_open={props.other_open}
                        file={props.file.clone()} dispatcher={props.dispatcher.clone()} />
                }) }
            </ol>
            if hidden > 0 {
                <button class="btn show-all" onclick={show_all}>
                    { tf("instructions.show_all", &[("n", &outline.rows.len().to_string()), ("more", &hidden.to_string())]) }
                </button>
            }
        </>
    }
}

#[derive(Properties)]
struct RowProps {
    outline: Rc<Outline>,
    index: usize,
    other_open: bool,
    file: String,
    dispatcher: UseReducerDispatcher<AppState>,
}

impl PartialEq for RowProps {
    /// Equal when the row reads the same: a keystroke re-renders only the rows it changed.
    fn eq(&self, other: &Self) -> bool {
        self.outline.rows.get(self.index) == other.outline.rows.get(other.index)
            && self.other_open == other.other_open
            && self.file == other.file
            && self.dispatcher == other.dispatcher
    }
}

/// One instruction.
#[component(InstrRow)]
fn instr_row(props: &RowProps) -> Html {
    let Some(r) = props.outline.rows.get(props.index) else {
        return Html::default();
    };
    let (start, end) = (r.start_line, r.end_line);
    let onclick = {
        let store = props.dispatcher.clone();
        let file = props.file.clone();
        let other_open = props.other_open;
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
}
