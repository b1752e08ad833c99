//! Lecture mode's keyboard legend: a card in the corner listing the stepping keys (K hides it;
//! a small "Keys" button brings it back), and the step the room is looking at.
use yew::prelude::*;

use crate::i18n::t;
use crate::shortcuts::LECTURE_KEYS;
use crate::state::{Action, use_store_with};

#[component(LectureLegend)]
pub fn lecture_legend() -> Html {
    let store = use_store_with(|s| (s.lecture, s.legend));
    if !store.lecture {
        return html! {};
    }
    let set = |on: bool| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::SetLegend(on)))
    };
    if !store.legend {
        return html! {
            <button type="button" class="lecture-keys-button" id="lecture-legend-show" onclick={set(true)}
                title={t("lecture.show_title")}>
                { t("lecture.keys_button") }<kbd>{ "K" }</kbd>
            </button>
        };
    }
    html! {
        <aside class="lecture-legend" id="lecture-legend" aria-labelledby="lecture-legend-title">
            <div class="lecture-legend-head">
                <h2 id="lecture-legend-title">{ t("lecture.legend_title") }</h2>
                <button type="button" class="icon-button" onclick={set(false)}
                    aria-label={t("lecture.hide_aria")} title={t("lecture.hide_title")}>{ "×" }</button>
            </div>
            <dl>
                { for LECTURE_KEYS.iter().map(|k| html! {
                    <div class="lecture-key"><dt><kbd>{ k.keys }</kbd></dt><dd>{ t(k.action) }</dd></div>
                }) }
            </dl>
        </aside>
    }
}
