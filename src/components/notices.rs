//! The notices stack (bottom left, over the project pane): restored project, damaged save, full
//! storage, uploads, share links; each dismissible, some with an action button.
use yew::prelude::*;

use super::persistence;
use crate::i18n::t;
use crate::project_state::{Dialog, NoticeAction, Tone};
use crate::state::{Action, use_hub, use_store_with};

/// How long an information notice stays.
const AUTO_DISMISS_MS: u32 = 9_000;

#[component(Notices)]
pub fn notices() -> Html {
    let store = use_store_with(|s| s.notices.clone());
    // Restoring the backup saves the project as it is when clicked, not as it was rendered.
    let hub = use_hub();
    // Plain information fades after a while; warnings, errors and notices with a button stay.
    {
        let store = store.clone();
        let newest = store
            .notices
            .last()
            .filter(|n| n.tone == Tone::Info && n.action.is_none())
            .map(|n| n.id);
        use_effect_with(newest, move |id| {
            let timer = id.map(|id| {
                gloo::timers::callback::Timeout::new(AUTO_DISMISS_MS, move || {
                    store.dispatch(Action::Dismiss(id))
                })
            });
            move || drop(timer)
        });
    }
    html! {
        <div class="notices" role="status" aria-live="polite" aria-label={t("notices.label")}>
            { for store.notices.iter().map(|n| {
                let id = n.id;
                let dismiss = {
                    let store = store.clone();
                    Callback::from(move |_: MouseEvent| store.dispatch(Action::Dismiss(id)))
                };
                let action = n.action.map(|a| {
                    let (store, hub) = (store.clone(), hub.clone());
                    let (label, onclick) = match a {
                        NoticeAction::RestoreBackup => (
                            t("notices.restore_backup"),
                            Callback::from(move |_: MouseEvent| persistence::restore_backup(&hub.store(), id)),
                        ),
                        NoticeAction::Explain(topic) => (
                            t("notices.explain"),
                            Callback::from(move |_: MouseEvent| {
                                store.dispatch(Action::ShowDialog(Some(Dialog::Explain(topic))));
                            }),
                        ),
                    };
                    html! { <button class="notice-action" {onclick}>{ label }</button> }
                });
                let tone = match n.tone {
                    Tone::Info => "info",
                    Tone::Warning => "warning",
                    Tone::Error => "error",
                };
                html! {
                    <div class={classes!("notice", tone)} key={id}>
                        <span class="notice-mark" aria-hidden="true"></span>
                        <div class="notice-body">
                            <p class="notice-text">{ n.text.clone() }</p>
                            { for action }
                        </div>
                        <button class="icon-button notice-close" onclick={dismiss}
                            aria-label={t("notices.dismiss_aria")} title={t("notices.dismiss")}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
