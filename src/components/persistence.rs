//! Keeps the project between visits (renders nothing): on start it opens a share link from the
//! URL hash, else the save from IndexedDB, with notices for restored, damaged or newer saves;
//! afterwards it saves the project a moment after every change (debounced) and reports full or
//! blocked storage. Also the helpers that keep a project aside before something replaces it.
use gloo::timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::interop::download;
use crate::interop::idb::{self, IdbError};
use crate::persist::{namespace, save, share};
use crate::project_state::{NoticeAction, SaveStatus, Tone};
use crate::state::{Action, AppState, Store, use_store};
use crate::views::example_text;

/// Quiet time before a change is saved.
const SAVE_DELAY_MS: u32 = 500;

/// The storage namespace of this page (path plus `?instance=`; an embed's own namespace, so it
/// never touches the main app's project).
pub fn current_namespace() -> String {
    let (path, search, hash) = download::location();
    match crate::views::embed_options::EmbedOptions::parse(&search, &hash) {
        Some(embed) => embed.namespace(),
        None => namespace::namespace(&path, &search),
    }
}

/// What a failed save means for the user.
fn save_failure(e: &IdbError) -> SaveStatus {
    match e {
        IdbError::Unavailable(_) => SaveStatus::Off(t("persist.off").to_owned()),
        IdbError::Full => SaveStatus::Failed(t("persist.full").to_owned()),
        IdbError::Failed(why) => SaveStatus::Failed(tf("persist.failed", &[("why", why)])),
    }
}

/// Keeps the save text `text` aside (the backup) so a notice can bring it back.
pub async fn keep_aside(text: &str) -> bool {
    idb::put(&namespace::backup_key(&current_namespace()), text)
        .await
        .is_ok()
}

/// Keeps the current project aside, then replaces it with an example (`id`); the notice says
/// `verb` (translated text such as "Reset to") and the example's title.
pub fn replace_with_example(store: &Store, id: &'static str, verb: &'static str) {
    let store = store.clone();
    let text = save::of_state(&store);
    let modified = store.modified;
    spawn_local(async move {
        let kept = modified && keep_aside(&text).await;
        let title = drydock_session::examples::get(id).map_or(id, example_text::title);
        store.dispatch(Action::LoadExample(id));
        let mut msg = format!("{verb} {title}.");
        if kept {
            msg.push(' ');
            msg.push_str(t("persist.kept_aside"));
        }
        store.dispatch(Action::Notify(
            Tone::Info,
            msg,
            kept.then_some(NoticeAction::RestoreBackup),
        ));
    });
}

/// Swaps the current project with the one kept aside.
pub fn restore_backup(store: &Store, notice: u32) {
    let store = store.clone();
    let current = save::of_state(&store);
    spawn_local(async move {
        let key = namespace::backup_key(&current_namespace());
        store.dispatch(Action::Dismiss(notice));
        let Ok(Some(text)) = idb::get(&key).await else {
            store.dispatch(Action::Notify(
                Tone::Error,
                t("persist.backup_gone").to_owned(),
                None,
            ));
            return;
        };
        match save::read(&text) {
            Ok(loaded) => {
                let _ = idb::put(&key, &current).await;
                store.dispatch(Action::Restore(Box::new(loaded.restored)));
                store.dispatch(Action::Notify(
                    Tone::Info,
                    t("persist.backup_back").to_owned(),
                    Some(NoticeAction::RestoreBackup),
                ));
            }
            Err(e) => store.dispatch(Action::Notify(Tone::Error, e.message(), None)),
        }
    });
}

/// Opens the share link or the save, if there is one.
async fn load(store: &Store) {
    let ns = current_namespace();
    let save_key = namespace::save_key(&ns);
    let (_, _, hash) = download::location();
    if let Some(payload) = share::payload(&hash) {
        let decoded = share::decode(payload);
        download::clear_hash();
        match decoded {
            Ok(project) => {
                let kept = match idb::get(&save_key).await {
                    Ok(Some(text)) => keep_aside(&text).await,
                    _ => false,
                };
                store.dispatch(Action::Restore(Box::new(project)));
                let msg = if kept {
                    t("persist.shared_kept")
                } else {
                    t("persist.shared")
                };
                store.dispatch(Action::Notify(
                    Tone::Info,
                    msg.to_owned(),
                    kept.then_some(NoticeAction::RestoreBackup),
                ));
                return;
            }
            Err(msg) => store.dispatch(Action::Notify(Tone::Error, msg, None)),
        }
    }
    match idb::get(&save_key).await {
        Ok(None) => {}
        Ok(Some(text)) => match save::read(&text) {
            Ok(loaded) => {
                store.dispatch(Action::Restore(Box::new(loaded.restored)));
                store.dispatch(Action::Notify(
                    Tone::Info,
                    t("persist.restored").to_owned(),
                    None,
                ));
                if let Some(w) = loaded.warning {
                    store.dispatch(Action::Notify(Tone::Warning, w, None));
                }
            }
            Err(e) => {
                let _ = idb::put(&namespace::unreadable_key(&ns), &text).await;
                store.dispatch(Action::Notify(Tone::Warning, e.message(), None));
            }
        },
        Err(e) => store.dispatch(Action::SetSaveStatus(save_failure(&e))),
    }
}

/// Saves `state` now.
fn save_now(store: &Store, state: &AppState) {
    let store = store.clone();
    let text = save::of_state(state);
    let mark = state.save_mark();
    spawn_local(async move {
        let key = namespace::save_key(&current_namespace());
        let status = match idb::put(&key, &text).await {
            Ok(()) => SaveStatus::Saved,
            Err(e) => save_failure(&e),
        };
        let was_failing = matches!(store.save_status, SaveStatus::Failed(_));
        if let (SaveStatus::Failed(msg), false) = (&status, was_failing) {
            store.dispatch(Action::Notify(Tone::Error, msg.clone(), None));
        }
        store.dispatch(Action::SaveFinished(status, mark));
    });
}

#[component(Persistence)]
pub fn persistence() -> Html {
    let store = use_store();
    let loaded = use_state(|| false);
    {
        let (store, loaded) = (store.clone(), loaded.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                load(&store).await;
                loaded.set(true);
                store.dispatch(Action::ProjectLoaded);
            });
        });
    }
    {
        let store = store.clone();
        let off = matches!(store.save_status, SaveStatus::Off(_));
        let deps = (
            store.rev,
            store.file_name.clone(),
            store.build_form.clone(),
            store.modified,
            store.example,
            *loaded && !off,
        );
        use_effect_with(deps, move |deps| {
            let timer = deps.5.then(|| {
                Timeout::new(SAVE_DELAY_MS, move || {
                    let state: &AppState = &store;
                    save_now(&store, state);
                })
            });
            move || drop(timer)
        });
    }
    html! {}
}
