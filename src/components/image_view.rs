//! The image explorer: the images built so far, their layers, files and configuration.
use yew::prelude::*;

use super::{empty_state::EmptyState, icons};
use crate::state::use_store;

#[component(ImageView)]
pub fn image_view() -> Html {
    let store = use_store();
    let session = store.session();
    let images = session.engine().images();
    if images.is_empty() {
        return html! {
            <EmptyState icon={icons::layers()} title="No image yet">
                <p>{ "After a build, explore the image here: its layers, the files each one added, and its configuration." }</p>
            </EmptyState>
        };
    }
    let table = drydock_engine::output::images::render(session.engine());
    html! {
        <>
            <pre class="console">{ table }</pre>
            <p class="view-note">
                { "Sizes are simulated: base images and packages carry sizes close to their registries' figures, not byte-exact ones." }
            </p>
        </>
    }
}
