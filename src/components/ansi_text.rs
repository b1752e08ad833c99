//! Text that may hold ANSI escapes (program output in the terminal and a container's logs),
//! shown with its colours and styles; plain text stays one text node.
use yew::prelude::*;

use crate::views::ansi;

/// The children of an output element for `text`.
pub fn ansi_html(text: &str) -> Html {
    if !text.contains('\u{1b}') {
        return html! { { text.to_owned() } };
    }
    html! {
        { for ansi::runs(text).into_iter().map(|r| if r.class.is_empty() {
            html! { { r.text } }
        } else {
            html! { <span class={r.class}>{ r.text }</span> }
        }) }
    }
}
