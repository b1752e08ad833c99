//! The workspace pane: tabs for the instruction list and the insights, build, image, containers and
//! terminal views.
use yew::prelude::*;

use super::{
    build_view::BuildView, containers_view::ContainersView, image_view::ImageView,
    insights_view::InsightsView, instruction_list::InstructionList, terminal::Terminal,
};
use crate::i18n::t;
use crate::state::{Action, View, use_store_with};

#[component(Workspace)]
pub fn workspace() -> Html {
    // The tabs and which panel shows; the panels read the store themselves.
    let store = use_store_with(|s| (s.embed.clone(), s.view));
    // An embed shows only the views its URL names (the first one when the one asked is not there).
    let views: std::rc::Rc<Vec<View>> = std::rc::Rc::new(match &store.embed {
        Some(e) => e.views(),
        None => View::ALL.to_vec(),
    });
    let shown = if views.contains(&store.view) {
        store.view
    } else {
        views.first().copied().unwrap_or(store.view)
    };
    let tab = |view: View| {
        let selected = shown == view;
        let onclick = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::Show(view)))
        };
        let onkeydown = {
            let (store, views) = (store.clone(), views.clone());
            Callback::from(move |e: KeyboardEvent| {
                let i = views.iter().position(|v| *v == view).unwrap_or(0);
                let n = views.len().max(1);
                let at = match e.key().as_str() {
                    "ArrowRight" => (i + 1) % n,
                    "ArrowLeft" => (i + n - 1) % n,
                    "Home" => 0,
                    "End" => n - 1,
                    _ => return,
                };
                let Some(next) = views.get(at).copied() else {
                    return;
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
    let panel = match shown {
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
                { for views.iter().map(|v| tab(*v)) }
            </div>
            <div class="panel" role="tabpanel" id={format!("panel-{}", shown.id())}
                aria-labelledby={format!("tab-{}", shown.id())} tabindex="0">
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
