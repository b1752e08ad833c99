//! The image explorer's Inspect JSON tab: exactly what `docker inspect IMAGE` prints in the
//! terminal (the same engine function renders both).
use drydock_engine::output::inspect;
use yew::prelude::*;

use crate::i18n::t;
use crate::state::use_store;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The image's id.
    pub id: String,
}

#[component(ImageInspect)]
pub fn image_inspect(props: &Props) -> Html {
    let store = use_store();
    let json = use_memo((store.rev, props.id.clone()), |(_, id)| {
        let session = store.session();
        let engine = session.engine();
        engine
            .images()
            .into_iter()
            .find(|i| &i.id == id)
            .map(|img| inspect::render(&[inspect::object(engine, img)]))
            .unwrap_or_default()
    });
    html! {
        <div class="ix-inspect">
            <p class="layer-note">
                { t("image.inspect.before") }<code>{ "docker inspect" }</code>{ t("image.inspect.after") }
            </p>
            <pre class="console ix-json" tabindex="0" aria-label={t("image.inspect.aria")}>{ (*json).clone() }</pre>
        </div>
    }
}
