//! The image explorer's History tab: one row per history entry, newest first (as `docker history`
//! lists them) with the full instruction, size and the build step that made it, and the exact
//! `docker history --no-trunc` table the terminal prints.
use drydock_engine::output::{history, units::human_size};
use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::state::use_store;
use crate::views::image_layers::layer_rows;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The image's id.
    pub id: String,
}

#[component(ImageHistory)]
pub fn image_history(props: &Props) -> Html {
    let store = use_store();
    let session = store.session();
    let engine = session.engine();
    let Some(img) = engine.images().into_iter().find(|i| i.id == props.id) else {
        return html! {};
    };
    let rows = layer_rows(img, session.last_build());
    let now = engine.now_ms();
    let table = history::render(img, now, true);
    html! {
        <div class="ix-history">
            <table class="data-table history-table">
                <thead>
                    <tr>
                        <th scope="col">{ t("image.fact.created") }</th>
                        <th scope="col">{ t("image.history.created_by") }</th>
                        <th scope="col">{ t("image.fact.size") }</th>
                        <th scope="col">{ t("image.history.step") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().rev().map(|r| {
                        let created = img.history.get(r.index).map(|h| drydock_engine::timefmt::human_ago(now, h.created_ms)).unwrap_or_default();
                        html! {
                            <tr class={classes!("history-row", r.empty().then_some("empty"))} data-step={r.step.map(|s| s.to_string())}>
                                <td class="nowrap">{ created }</td>
                                <td><code>{ r.created_by.clone() }</code></td>
                                <td class="num">{ if r.empty() { "0B".to_owned() } else { human_size(r.size) } }</td>
                                <td class="nowrap">{ r.step.map(|s| tf("image.step", &[("n", &(s + 1).to_string())])).unwrap_or_default() }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <details class="ix-raw">
                <summary>{ t("image.history.raw_before") }<code>{ "docker history --no-trunc" }</code>{ t("image.history.raw_after") }</summary>
                <pre class="console" tabindex="0">{ table }</pre>
            </details>
        </div>
    }
}
