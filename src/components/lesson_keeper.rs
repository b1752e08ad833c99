//! Keeps the lessons going (renders nothing): opens the lesson named by `?lesson=<id>` or fetched
//! from `?lesson_url=<address>` (asking first, then dropping the parameter from the address), and
//! saves the progress to local storage after every change.
use std::rc::Rc;

use drydock_session::lesson;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::lesson_start_dialog;
use super::persistence::current_namespace;
use crate::i18n::tf;
use crate::interop::{download, fetch};
use crate::lesson_state::{self, LessonRef};
use crate::project_state::Tone;
use crate::state::{Action, use_store_with};
use crate::storage;

/// The value of the query parameter `name` (percent-decoded) and the query without it.
fn take_param(search: &str, name: &str) -> (Option<String>, String) {
    let mut value = None;
    let mut rest = Vec::new();
    for kv in search
        .trim_start_matches('?')
        .split('&')
        .filter(|s| !s.is_empty())
    {
        match kv.split_once('=') {
            Some((k, v)) if k == name => {
                let v = v.replace('+', " ");
                value = Some(if v.contains('%') {
                    js_sys::decode_uri_component(&v)
                        .ok()
                        .and_then(|s| s.as_string())
                        .unwrap_or(v)
                } else {
                    v
                });
            }
            _ => rest.push(kv),
        }
    }
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!("?{}", rest.join("&"))
    };
    (value, rest)
}

/// Replaces the address's query without reloading.
fn set_search(search: &str) {
    let (path, _, hash) = download::location();
    if let Ok(h) = gloo::utils::window().history() {
        let _ = h.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}{hash}")),
        );
    }
}

#[component(LessonKeeper)]
pub fn lesson_keeper() -> Html {
    // Its effects follow the saved project being read and what of the lessons is saved (the
    // lesson by id: comparing whole lessons on every change would cost more than the render).
    let store = use_store_with(|s| {
        let l = &s.lessons;
        let active = l
            .active
            .as_ref()
            .map(|a| (a.lesson.id.clone(), a.source.clone()));
        (s.project_loaded, l.progress.clone(), active, l.collapsed)
    });
    // `?lesson=` and `?lesson_url=`, once the saved project was read (so it cannot replace the
    // lesson's project afterwards).
    {
        let store = store.clone();
        use_effect_with(store.project_loaded, move |loaded| {
            if !*loaded {
                return;
            }
            let (_, search, _) = download::location();
            let (id, search) = take_param(&search, "lesson");
            let (url, search) = take_param(&search, "lesson_url");
            if id.is_some() || url.is_some() {
                set_search(&search);
            }
            if let Some(id) = id {
                match lesson::pack::get(&id) {
                    Some(l) => lesson_start_dialog::request(
                        &store,
                        LessonRef {
                            lesson: Rc::new(l),
                            source: None,
                        },
                        true,
                    ),
                    None => store.dispatch(Action::Notify(
                        Tone::Error,
                        tf("lessons.unknown", &[("id", &id)]),
                        None,
                    )),
                }
            } else if let Some(url) = url {
                spawn_local(async move {
                    let loaded = fetch::text(&url).await.and_then(|text| {
                        lesson::load(&text)
                            .map(|l| LessonRef {
                                lesson: Rc::new(l),
                                source: Some(Rc::from(text)),
                            })
                            .map_err(|e| {
                                tf(
                                    "lessons.invalid",
                                    &[("file", &url), ("error", &e.to_string())],
                                )
                            })
                    });
                    match loaded {
                        Ok(r) => lesson_start_dialog::request(&store, r, true),
                        Err(why) => store.dispatch(Action::Notify(
                            Tone::Error,
                            tf("lessons.url_failed", &[("error", &why)]),
                            None,
                        )),
                    }
                });
            }
        });
    }
    // Save the progress.
    {
        let l = &store.lessons;
        let deps = (
            l.progress.clone(),
            l.active.as_ref().map(|a| a.lesson.id.clone()),
            l.collapsed,
        );
        let lessons = l.clone();
        use_effect_with(deps, move |_| {
            storage::set(
                &lesson_state::storage_key(&current_namespace()),
                &lessons.to_json(),
            );
        });
    }
    html! {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn params_are_split_off() {
        // Percent-decoding needs JavaScript; plain values need none.
        assert_eq!(
            super::take_param("?instance=a&lesson=volumes", "lesson"),
            (Some("volumes".to_owned()), "?instance=a".to_owned())
        );
        assert_eq!(super::take_param("", "lesson"), (None, String::new()));
    }
}
