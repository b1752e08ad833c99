//! The list of containers as `docker ps -a` knows them: name, state, exit code, command, image,
//! ports; a listbox (arrow keys, Home/End) that selects the container shown in detail.
use drydock_session::view::lists::ContainerView;
use yew::prelude::*;

use crate::i18n::t;
use crate::state::{Action, use_store};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub containers: Vec<ContainerView>,
    pub selected: Option<String>,
}

/// The DOM id of a container's row.
fn row_id(short_id: &str) -> String {
    format!("container-row-{short_id}")
}

#[component(ContainersList)]
pub fn containers_list(props: &Props) -> Html {
    let store = use_store();
    let ids: Vec<(String, String)> = props
        .containers
        .iter()
        .map(|c| (c.id.clone(), c.short_id.clone()))
        .collect();
    let select = |i: usize| {
        let store = store.clone();
        let ids = ids.clone();
        move || {
            if let Some((id, short)) = ids.get(i) {
                store.dispatch(Action::SelectContainer(Some(id.clone())));
                focus(&row_id(short));
            }
        }
    };
    let rows = props.containers.iter().enumerate().map(|(i, c)| {
        let selected = props.selected.as_deref() == Some(c.id.as_str());
        let onclick = {
            let s = select(i);
            Callback::from(move |_: MouseEvent| s())
        };
        let onkeydown = {
            let n = ids.len();
            let (up, down, home, end) = (
                select(i.saturating_sub(1)),
                select((i + 1).min(n.saturating_sub(1))),
                select(0),
                select(n.saturating_sub(1)),
            );
            let this = select(i);
            Callback::from(move |e: KeyboardEvent| {
                match e.key().as_str() {
                    "ArrowUp" => up(),
                    "ArrowDown" => down(),
                    "Home" => home(),
                    "End" => end(),
                    "Enter" | " " => this(),
                    _ => return,
                }
                e.prevent_default();
            })
        };
        let state_text = match c.exit_code {
            Some(code) if c.state != "running" => format!("{} ({code})", c.state),
            _ => c.state.clone(),
        };
        html! {
            <li role="option" id={row_id(&c.short_id)} class={classes!("container-row", selected.then_some("selected"))}
                aria-selected={selected.to_string()} tabindex={if selected { "0" } else { "-1" }}
                data-name={c.name.clone()} data-state={c.state.clone()} {onclick} {onkeydown}>
                <span class={classes!("state-dot", c.state.clone())} aria-hidden="true"></span>
                <span class="row-main">
                    <span class="row-line">
                        <span class="container-name">{ c.name.clone() }</span>
                        <span class={classes!("badge", "state-badge", c.state.clone())}>{ state_text }</span>
                        if let Some(code) = c.exit_code {
                            <span class={classes!("exit-code", (code != 0).then_some("failed"))}>{ format!("exit {code}") }</span>
                        }
                    </span>
                    <span class="row-line row-sub">
                        <code class="row-command" title={c.command.clone()}>{ c.command.clone() }</code>
                    </span>
                    <span class="row-line row-meta">
                        <span class="row-image">{ c.image.clone() }</span>
                        <span class="row-status">{ c.status.clone() }</span>
                        if !c.ports.is_empty() {
                            <span class="row-ports">{ c.ports.clone() }</span>
                        }
                    </span>
                </span>
            </li>
        }
    });
    let n = props.containers.len();
    html! {
        <section class="containers-list" aria-labelledby="containers-list-title">
            <h3 id="containers-list-title" class="section-title">
                { t("view.containers") }<span class="count">{ n }</span>
            </h3>
            <ul role="listbox" aria-labelledby="containers-list-title" class="container-rows">
                { for rows }
            </ul>
        </section>
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let el = gloo::utils::document().get_element_by_id(id);
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
