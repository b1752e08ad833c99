//! The workspace pane: tabs for the instruction list and the insights, build, image, containers and
//! terminal views.
use yew::prelude::*;

use super::{
    build_view::BuildView, containers_view::ContainersView, image_view::ImageView,
    insights_view::InsightsView, instruction_list::InstructionList, terminal::Terminal,
};
use crate::i18n::t;
use crate::state::{Action, View, use_store};

#[component(Workspace)]
pub fn workspace() -> Html {
    let store = use_store();
    let tab = |view: View| {
        let selected = store.view == view;
        let onclick = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::Show(view)))
        };
        let onkeydown = {
            let store = store.clone();
            Callback::from(move |e: KeyboardEvent| {
                let i = View::ALL.iter().position(|v| *v == view).unwrap_or(0);
                let n = View::ALL.len();
                let next = match e.key().as_str() {
                    "ArrowRight" => View::ALL[(i + 1) % n],
                    "ArrowLeft" => View::ALL[(i + n - 1) % n],
                    "Home" => View::ALL[0],
                    "End" => View::ALL[n - 1],
                    _ => return,
                };
                e.prevent_default();
                store.dispatch(Action::Show(next));
                focus_tab(next);
            })
        };
        html! {
            <button role="tab" id={format!("tab-{}", view.id())} class="tab"
                aria-selected={selected.to_string()} aria-controls={format!("panel-{}", view.id())}
                tabindex={if selected { "0" } else { "-1" }} {onclick} {onkeydown}>
                { view.label() }
            </button>
        }
    };
    let panel = match store.view {
        View::Instructions => html! { <InstructionList /> },
        View::Insights => {
            html! { <><super::insight_forecast::InsightForecast /><InsightsView /><super::insight_size::InsightSize /></> }
        }
        View::Build => html! { <BuildView /> },
        View::Image => html! { <ImageView /> },
        View::Containers => html! { <ContainersView /> },
        View::Terminal => html! { <Terminal /> },
    };
    html! {
        <section class="pane workspace-pane" aria-label={t("workspace.label")}>
            <div class="pane-head tabs" role="tablist" aria-label={t("workspace.views")}>
                { for View::ALL.iter().map(|v| tab(*v)) }
            </div>
            <div class="panel" role="tabpanel" id={format!("panel-{}", store.view.id())}
                aria-labelledby={format!("tab-{}", store.view.id())} tabindex="0">
                { panel }
            </div>
        </section>
    }
}

fn focus_tab(view: View) {
    use wasm_bindgen::JsCast;
    let el = gloo::utils::document().get_element_by_id(&format!("tab-{}", view.id()));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
