//! "Show solution": a step's reference solution in a disclosure, in the order it applies — files
//! removed, written, appended to and edited, then the lines to type in the terminal.
use std::rc::Rc;

use drydock_session::lesson::Solution;
use yew::prelude::*;

use crate::i18n::t;
#[derive(Properties, PartialEq)]
pub struct Props {
    pub solution: Rc<Solution>,
}

fn file_action(kind: &'static str, verb: &'static str, path: &str, body: Html) -> Html {
    html! {
        <li class="sol-action" data-kind={kind} data-path={path.to_owned()}>
            <span class="sol-verb">{ verb }</span>{ " " }<code class="sol-path">{ path.to_owned() }</code>
            { body }
        </li>
    }
}

#[component(LessonSolution)]
pub fn lesson_solution(props: &Props) -> Html {
    let s = &props.solution;
    let empty = s.remove.is_empty()
        && s.write.is_empty()
        && s.append.is_empty()
        && s.replace.is_empty()
        && s.commands.is_empty();
    if empty {
        return html! {};
    }
    let removes = s
        .remove
        .iter()
        .map(|p| file_action("remove", t("lessons.sol_remove"), p, html! {}));
    let writes = s.write.iter().map(|(p, text)| {
        file_action(
            "write",
            t("lessons.sol_write"),
            p,
            html! { <pre class="sol-text">{ text.clone() }</pre> },
        )
    });
    let appends = s.append.iter().map(|(p, text)| {
        file_action(
            "append",
            t("lessons.sol_append"),
            p,
            html! { <pre class="sol-text">{ text.clone() }</pre> },
        )
    });
    let replaces = s.replace.iter().map(|r| {
        file_action(
            "replace",
            t("lessons.sol_in"),
            &r.path,
            html! {
                <>
                    <span class="sol-sub">{ t("lessons.sol_replace") }</span>
                    <pre class="sol-from">{ r.from.clone() }</pre>
                    <span class="sol-sub">{ t("lessons.sol_with") }</span>
                    <pre class="sol-to">{ r.to.clone() }</pre>
                </>
            },
        )
    });
    let files: Vec<Html> = removes
        .chain(writes)
        .chain(appends)
        .chain(replaces)
        .collect();
    html! {
        <details class="lesson-solution">
            <summary>{ t("lessons.show_solution") }</summary>
            <div class="sol-body">
                if !files.is_empty() {
                    <p class="sol-head">{ t("lessons.sol_files") }</p>
                    <ol class="sol-files">{ for files }</ol>
                }
                if !s.commands.is_empty() {
                    <p class="sol-head">{ t("lessons.sol_terminal") }</p>
                    <ol class="sol-commands">
                        { for s.commands.iter().map(|c| html! {
                            <li class="sol-action" data-kind="command"><code class="sol-command">{ c.clone() }</code></li>
                        }) }
                    </ol>
                }
            </div>
        </details>
    }
}
