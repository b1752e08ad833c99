//! Wasted bytes of an image: files a layer adds that a later layer deletes or overwrites — they
//! still ship in the earlier layer. Grouped by folder, with the layers that added and removed them.
use std::rc::Rc;

use drydock_engine::output::units::human_size;
use yew::prelude::*;

use super::image_layers::Explored;
use crate::i18n::{t, tf};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub explored: Rc<Explored>,
}

#[component(ImageWaste)]
pub fn image_waste(props: &Props) -> Html {
    let ex = &props.explored;
    let total: u64 = ex.waste.iter().map(|w| w.bytes).sum();
    let files: usize = ex.waste.iter().map(|w| w.files).sum();
    // Filesystem layer index → history entry number (1-based, as the layer list shows it).
    let entry = |layer: usize| {
        ex.rows
            .iter()
            .position(|r| r.layer == Some(layer))
            .map_or_else(|| "?".to_owned(), |i| (i + 1).to_string())
    };
    let how = |h: &str| {
        if h == "deleted" {
            t("image.waste.deleted")
        } else {
            t("image.waste.overwritten")
        }
    };
    html! {
        <section class="image-waste" aria-labelledby="image-waste-title">
            <h3 id="image-waste-title" class="section-title">
                { t("image.waste.title") }
                <span class={classes!("waste-total", (total > 0).then_some("some"))}>{ human_size(total) }</span>
            </h3>
            if ex.waste.is_empty() {
                <p class="layer-note">{ t("image.waste.none") }</p>
            } else {
                <p class="layer-note">
                    { tf(if files == 1 { "image.waste.note_one" } else { "image.waste.note_many" }, &[("files", &files.to_string())]) }
                </p>
                <table class="data-table waste-table">
                    <thead>
                        <tr><th scope="col">{ t("image.waste.path") }</th><th scope="col">{ t("image.waste.files") }</th><th scope="col">{ t("image.fact.size") }</th><th scope="col">{ t("image.waste.how") }</th></tr>
                    </thead>
                    <tbody>
                        { for ex.waste.iter().map(|w| html! {
                            <tr class="waste-row">
                                <td><code>{ w.path.clone() }</code></td>
                                <td class="num">{ w.files }</td>
                                <td class="num">{ human_size(w.bytes) }</td>
                                <td>{ tf("image.waste.row", &[("how", how(&w.how)), ("from", &entry(w.added_by)), ("to", &entry(w.removed_by))]) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
