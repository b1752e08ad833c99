//! The Share dialog: a link that holds the project (files, open file, build options) compressed
//! into the URL hash, with a copy button and what the link leaves out.
use drydock_engine::output::units::human_size;
use yew::prelude::*;

use super::modal::Modal;
use crate::i18n::{t, tf, tn};
use crate::interop::download;
use crate::persist::share;
use crate::project_state::Dialog;
use crate::state::use_store_while;

#[component(ShareDialog)]
pub fn share_dialog() -> Html {
    // Closed, it shows nothing: it follows the state only while open.
    let store = use_store_while(|s| s.dialog == Some(Dialog::Share));
    let copied = use_state(|| false);
    let open = store.dialog == Some(Dialog::Share);
    {
        let copied = copied.clone();
        use_effect_with(open, move |_| copied.set(false));
    }
    if !open {
        return html! {};
    }
    let encoded = {
        let s = store.session();
        share::encode(s.host(), store.example, &store.file_name, &store.build_form)
    };
    let link = format!("{}#{}", download::address_without_hash(), encoded.fragment);
    let copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let clipboard = gloo::utils::window().navigator().clipboard();
            let promise = clipboard.write_text(&link);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                    copied.set(true);
                }
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    let files = store
        .session()
        .host()
        .walk()
        .filter(|(_, n)| !n.is_dir())
        .count();
    html! {
        <Modal id="share" title={t("share.title")}>
            <p class="dialog-lead">
                { tf("share.lead_before", &[("files", &tn("share.files_one", "share.files", files))]) }
                <strong>{ store.file_name.clone() }</strong>
                { t("share.lead_after") }
            </p>
            <div class="share-row">
                <input id="share-link" class="share-link" readonly=true value={link.clone()}
                    aria-label={t("share.link")} onfocus={select_all} data-autofocus="" />
                <button class="primary-button" id="share-copy" onclick={copy}>
                    { if *copied { t("share.copied") } else { t("share.copy") } }
                </button>
            </div>
            <p class="share-meta">{ tf("share.length", &[("size", &human_size(link.len() as u64))]) }</p>
            <ul class="share-notes">
                <li>{ t("share.no_images") }</li>
                if encoded.data_files > 0 {
                    <li>{ tn("share.data_files_one", "share.data_files", encoded.data_files) }</li>
                }
                if !encoded.by_size.is_empty() {
                    <li class="warn">{ tf("share.by_size", &[("files", &encoded.by_size.join(", "))]) }</li>
                }
                if encoded.is_long() {
                    <li class="warn">{ t("share.long") }</li>
                }
            </ul>
            <super::embed_code::EmbedCode />
        </Modal>
    }
}
