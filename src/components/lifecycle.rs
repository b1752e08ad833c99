//! The lifecycle strip: Dockerfile → (build) → Image → (run) → Container(s), each node opening its view.
use drydock_engine::output::units::human_size;
use yew::prelude::*;

use super::icons;
use crate::i18n::{t, tf, tn};
use crate::state::{Action, View, use_store};
use crate::views::container_counts::Counts;

#[component(Lifecycle)]
pub fn lifecycle() -> Html {
    let store = use_store();
    // The Dockerfile the build uses, whichever file is open in the editor.
    let outline = crate::analysis::build_outline(&store);
    let show = |view: View| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Show(view)))
    };
    let node = |view: View, icon: Html, title: &str, detail: String| {
        let current = store.view == view;
        html! {
            <button class={classes!("stage", current.then_some("current"))} onclick={show(view)}
                aria-pressed={current.to_string()}>
                { icon }
                <span class="stage-text">
                    <span class="stage-title">{ title.to_owned() }</span>
                    <span class="stage-detail">{ detail }</span>
                </span>
            </button>
        }
    };
    let n = outline.rows.len();
    let dockerfile_detail = match (n, outline.errors) {
        (_, e) if e > 0 => tn("lifecycle.errors_one", "lifecycle.errors", e),
        (n, _) => tn("lifecycle.instructions_one", "lifecycle.instructions", n),
    };
    let (images_detail, containers_detail) = {
        let session = store.session();
        let engine = session.engine();
        let images = engine.images();
        let images_detail = match images.len() {
            0 => t("lifecycle.not_built").to_owned(),
            n => {
                let newest = images.iter().max_by_key(|i| i.created_ms);
                let size = newest.map_or(0, |i| i.layer_sizes.iter().sum::<u64>());
                let count = tn("lifecycle.images_one", "lifecycle.images", n);
                tf(
                    "lifecycle.images_detail",
                    &[("count", &count), ("size", &human_size(size))],
                )
            }
        };
        let containers_detail = Counts::of(&session.containers_view()).text();
        (images_detail, containers_detail)
    };
    html! {
        <nav class="lifecycle" aria-label={t("lifecycle.label")}>
            { node(View::Instructions, icons::file(), &store.build_form.file, dockerfile_detail) }
            <span class="verb">{ icons::arrow() }<span>{ "docker build" }</span></span>
            { node(View::Image, icons::layers(), t("lifecycle.images_title"), images_detail) }
            <span class="verb">{ icons::arrow() }<span>{ "docker run" }</span></span>
            { node(View::Containers, icons::container(), t("view.containers"), containers_detail) }
        </nav>
    }
}
