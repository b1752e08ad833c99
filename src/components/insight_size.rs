//! The size insight panel of the Insights tab: on request, the image's efficiency (dive's score),
//! the wasted bytes with the step that added and the step that removed them, and suggested
//! rewrites with their diff, predicted saving and the saving measured by building them; "Apply"
//! puts a rewrite in the editor. The analysis is the session's (scratch builds); this only shows it.
use std::rc::Rc;

use drydock_session::insights::{Rewrite, SizeInsight, words};
use yew::prelude::*;

use crate::i18n::{t, tf, tn};
use crate::state::{Action, use_store};

fn rewrite_item(r: &Rewrite, apply: Callback<String>) -> Html {
    let verified = match &r.verified {
        Ok(b) if *b > 0 => html! {
            <span class="size-verified ok">{ tf("size.verified", &[("size", &words::size(b.unsigned_abs()))]) }</span>
        },
        Ok(b) => html! {
            <span class="size-verified">{ tf("size.no_saving", &[("size", &words::size(b.unsigned_abs()))]) }</span>
        },
        Err(e) => {
            html! { <span class="size-verified">{ tf("size.rewrite_fails", &[("error", &e.to_string())]) }</span> }
        }
    };
    let text = r.dockerfile.clone();
    let onclick = Callback::from(move |_: MouseEvent| apply.emit(text.clone()));
    html! {
        <li class="size-rewrite">
            <h4 class="size-rewrite-title">{ r.title.clone() }</h4>
            <p class="size-rewrite-why">{ r.explanation.clone() }</p>
            <pre class="size-diff" aria-label={tf("size.diff", &[("title", &r.title)])}>
                { for r.diff.iter().filter(|d| d.op != ' ').map(|d| html! {
                    <span class={if d.op == '+' { "add" } else { "del" }}>{ format!("{} {}\n", d.op, d.text) }</span>
                }) }
            </pre>
            <p class="size-rewrite-foot">
                <span>{ tf("size.predicted", &[("size", &words::size(r.predicted_bytes))]) }</span>
                { verified }
                <button type="button" class="insight-showme-btn size-apply" {onclick}>{ t("size.apply") }</button>
            </p>
        </li>
    }
}

fn report(s: &SizeInsight, apply: &Callback<String>) -> Html {
    if let Some(e) = &s.error {
        return html! { <p class="size-summary">{ tf("size.build_fails", &[("error", &e.to_string())]) }</p> };
    }
    let pct = f64::from(s.efficiency_permille) / 10.0;
    html! {
        <>
            <p class="size-summary" role="status">
                { tf("size.summary", &[("pct", &format!("{pct:.1}")), ("image", &words::size(s.image_bytes)), ("wasted", &words::size(s.wasted_bytes))]) }
            </p>
            if s.waste.is_empty() {
                <p class="size-note">{ t("size.no_waste") }</p>
            } else {
                <table class="size-table">
                    <caption class="visually-hidden">{ t("size.wasted_bytes") }</caption>
                    <thead><tr>
                        <th scope="col">{ t("container.path") }</th><th scope="col">{ t("size.wasted") }</th>
                        <th scope="col">{ t("size.added_by") }</th><th scope="col">{ t("size.removed_by") }</th>
                    </tr></thead>
                    <tbody>
                        { for s.waste.iter().take(12).map(|w| html! {
                            <tr>
                                <td><code>{ w.row.path.clone() }</code>{ tf("size.files_how", &[("files", &tn("share.files_one", "share.files", w.row.files)), ("how", &w.row.how)]) }</td>
                                <td class="num">{ words::size(w.row.bytes) }</td>
                                <td><code>{ w.added_by.clone() }</code></td>
                                <td><code>{ w.removed_by.clone() }</code></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if !s.rewrites.is_empty() {
                <h4 class="size-subtitle">{ t("size.try_rewrite") }</h4>
                <ul class="size-rewrites">{ for s.rewrites.iter().map(|r| rewrite_item(r, apply.clone())) }</ul>
            }
        </>
    }
}

#[component(InsightSize)]
pub fn insight_size() -> Html {
    let store = use_store();
    let result = use_state(|| None::<(u64, Rc<SizeInsight>)>);
    let analyse = {
        let (store, result) = (store.clone(), result.clone());
        Callback::from(move |_: MouseEvent| {
            let req = crate::components::insight_forecast::request(&store.build_form);
            if let Ok(mut s) = store.session.0.try_borrow_mut() {
                result.set(Some((store.rev, Rc::new(s.size_insight(&req)))));
            }
        })
    };
    let apply = {
        let store = store.clone();
        Callback::from(move |text: String| {
            let file = store.build_form.file.clone();
            if !file.is_empty() {
                store.dispatch(Action::Open(file));
            }
            store.dispatch(Action::Edit(text));
        })
    };
    let stale = result.as_ref().is_some_and(|(rev, _)| *rev != store.rev);
    html! {
        <section class="size-insight" aria-labelledby="size-title">
            <div class="size-head">
                <h3 class="size-title" id="size-title">{ t("size.title") }</h3>
                <button type="button" class="insight-showme-btn size-analyse" onclick={analyse}>
                    { if result.is_some() { t("size.analyse_again") } else { t("size.analyse") } }
                </button>
            </div>
            if stale {
                <p class="size-note">{ t("size.stale") }</p>
            }
            if let Some((_, s)) = result.as_ref() {
                { report(s, &apply) }
            } else {
                <p class="size-note">{ t("size.intro") }</p>
            }
        </section>
    }
}
