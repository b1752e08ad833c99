//! The build options form: Dockerfile (`-f`), tag, build arguments, target stage and `--no-cache`,
//! the equivalent `docker build` command shown live, and the Build button that runs it through the
//! session as the terminal would.
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::state::{Action, BuildForm, use_store};
use crate::views::file_tree::ProjectTree;

/// The `value` of the form control an event came from.
fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Whether the checkbox an event came from is checked.
fn checked_of(e: &Event) -> bool {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("checked")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

#[component(BuildOptions)]
pub fn build_options() -> Html {
    let store = use_store();
    let form = store.build_form.clone();
    let dockerfiles = use_memo(store.rev, |_| {
        let tree = ProjectTree::build(store.session().host(), "");
        tree.dockerfiles()
            .map(|r| r.path.clone())
            .collect::<Vec<_>>()
    });
    let source = store.dockerfile_text();
    let stages = use_memo(source, |text| {
        let parse = drydock_syntax::parse(text);
        parse
            .dockerfile
            .stages
            .iter()
            .filter_map(|s| s.name.as_ref().map(|n| n.as_str().to_owned()))
            .collect::<Vec<_>>()
    });

    // Every field edits a copy of the form and stores it.
    let update = {
        let store = store.clone();
        let form = form.clone();
        Rc::new(move |f: &dyn Fn(&mut BuildForm)| {
            let mut next = form.clone();
            f(&mut next);
            store.dispatch(Action::SetBuildForm(next));
        })
    };
    let on = |f: fn(&mut BuildForm, String)| {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let v = value_of(&e);
            update(&|form: &mut BuildForm| f(form, v.clone()));
        })
    };
    let on_input = |f: fn(&mut BuildForm, String)| {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let v = value_of(&e);
            update(&|form: &mut BuildForm| f(form, v.clone()));
        })
    };
    let on_no_cache = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let v = checked_of(&e);
            update(&|form: &mut BuildForm| form.no_cache = v);
        })
    };
    let add_arg = {
        let update = update.clone();
        Callback::from(move |_: MouseEvent| {
            update(&|form: &mut BuildForm| form.build_args.push((String::new(), String::new())))
        })
    };
    let arg_row = |i: usize, (name, value): &(String, String)| {
        let set = |value_side: bool| {
            let update = update.clone();
            Callback::from(move |e: InputEvent| {
                let v = value_of(&e);
                update(&|form: &mut BuildForm| {
                    if let Some(arg) = form.build_args.get_mut(i) {
                        if value_side {
                            arg.1 = v.clone();
                        } else {
                            arg.0 = v.clone();
                        }
                    }
                })
            })
        };
        let remove = {
            let update = update.clone();
            Callback::from(move |_: MouseEvent| {
                update(&|form: &mut BuildForm| {
                    if i < form.build_args.len() {
                        form.build_args.remove(i);
                    }
                })
            })
        };
        html! {
            <li class="build-arg">
                <input class="field" type="text" value={name.clone()} placeholder={t("build.arg_name_placeholder")}
                    spellcheck="false" aria-label={tf("build.arg_name", &[("n", &(i + 1).to_string())])}
                    oninput={set(false)} />
                <span class="build-arg-eq" aria-hidden="true">{ "=" }</span>
                <input class="field" type="text" value={value.clone()} placeholder={t("build.arg_value_placeholder")}
                    spellcheck="false" aria-label={tf("build.arg_value", &[("n", &(i + 1).to_string())])}
                    oninput={set(true)} />
                <button type="button" class="icon-button" onclick={remove}
                    aria-label={tf("build.arg_remove", &[("n", &(i + 1).to_string())])} title={t("build.remove")}>{ "×" }</button>
            </li>
        }
    };
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            store.dispatch(Action::Build);
        })
    };
    let mut files = (*dockerfiles).clone();
    if !files.contains(&form.file) {
        files.insert(0, form.file.clone());
    }
    let target_known = form.target.is_empty() || stages.contains(&form.target);
    html! {
        <form class="build-options" {onsubmit} aria-label={t("build.options")}>
            <div class="build-bar">
                <code class="command-preview" id="build-command" title={form.command()}
                    aria-label={t("build.command")}>{ form.command() }</code>
                <button type="submit" class="primary-button" id="build-button">{ t("build.run") }</button>
            </div>
            <details class="build-fields">
                <summary>{ t("build.options") }</summary>
                <div class="build-grid">
                    <label for="build-file">{ "Dockerfile" }<span class="flag">{ "-f" }</span></label>
                    <select id="build-file" class="field" onchange={on(|f, v| f.file = v)}>
                        { for files.iter().map(|p| html! {
                            <option value={p.clone()} selected={*p == form.file}>{ p.clone() }</option>
                        }) }
                    </select>
                    <label for="build-tag">{ t("build.tag") }<span class="flag">{ "-t" }</span></label>
                    <input id="build-tag" class="field" type="text" value={form.tag.clone()}
                        placeholder={t("build.tag_placeholder")} spellcheck="false" oninput={on_input(|f, v| f.tag = v)} />
                    <label for="build-target">{ t("build.target") }<span class="flag">{ "--target" }</span></label>
                    <select id="build-target" class="field" onchange={on(|f, v| f.target = v)}>
                        <option value="" selected={form.target.is_empty()}>{ t("build.last_stage") }</option>
                        { for stages.iter().map(|s| html! {
                            <option value={s.clone()} selected={*s == form.target}>{ s.clone() }</option>
                        }) }
                        if !target_known {
                            <option value={form.target.clone()} selected=true>{ form.target.clone() }</option>
                        }
                    </select>
                    <span class="build-grid-label" id="build-args-label">
                        { t("build.args") }<span class="flag">{ "--build-arg" }</span>
                    </span>
                    <div class="build-args" role="group" aria-labelledby="build-args-label">
                        <ul>
                            { for form.build_args.iter().enumerate().map(|(i, a)| arg_row(i, a)) }
                        </ul>
                        <button type="button" class="link-button" onclick={add_arg}>{ t("build.add_arg") }</button>
                    </div>
                    <span class="build-grid-label">{ t("build.cache") }</span>
                    <label class="check">
                        <input type="checkbox" id="build-no-cache" checked={form.no_cache}
                            onchange={on_no_cache} />
                        { t("build.no_cache") }<span class="flag">{ "--no-cache" }</span>
                    </label>
                </div>
            </details>
        </form>
    }
}
