//! The containers view: the list of containers (state, command, ports, exit code) with the
//! selected one in detail, or — before any container exists — an empty state with the process
//! calculator over the images built so far.
use yew::prelude::*;

use super::{
    container_detail::ContainerDetail, containers_list::ContainersList, empty_state::EmptyState,
    icons, process_calculator::ProcessCalculator,
};
use crate::i18n::t;
use crate::state::use_store;

#[component(ContainersView)]
pub fn containers_view() -> Html {
    let store = use_store();
    let (list, images) = {
        let s = store.session();
        let images: Vec<(String, String)> = s
            .images_view()
            .into_iter()
            .map(|i| {
                let label = i
                    .tags
                    .first()
                    .cloned()
                    .unwrap_or_else(|| i.short_id.clone());
                (i.id, label)
            })
            .collect();
        (s.containers_view(), images)
    };
    if list.is_empty() {
        return html! {
            <div class="containers-view empty">
                <EmptyState icon={icons::container()} title={t("containers.empty_title")}>
                    <p>{ t("containers.empty_before") }<code>{ "docker run …" }</code>
                        { t("containers.empty_after") }</p>
                </EmptyState>
                if let Some((id, label)) = images.first() {
                    <section class="calc-card" aria-labelledby="calc-try-title">
                        <h3 id="calc-try-title" class="section-title">{ t("containers.calc_title") }</h3>
                        <p class="calc-intro">{ t("containers.calc_intro") }</p>
                        <ProcessCalculator image={id.clone()} label={label.clone()} images={images.clone()} />
                    </section>
                }
            </div>
        };
    }
    let selected = store
        .container
        .clone()
        .filter(|id| list.iter().any(|c| &c.id == id))
        .or_else(|| list.first().map(|c| c.id.clone()));
    html! {
        <div class="containers-view">
            <ContainersList containers={list} selected={selected.clone()} />
            if let Some(id) = selected {
                <ContainerDetail key={id.as_str()} id={id.clone()} />
            }
        </div>
    }
}
