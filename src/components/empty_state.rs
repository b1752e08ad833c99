//! A friendly placeholder for a view that has nothing to show yet.
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub icon: Html,
    pub title: AttrValue,
    pub children: Children,
}

#[component(EmptyState)]
pub fn empty_state(props: &Props) -> Html {
    html! {
        <div class="empty-state">
            <div class="empty-icon">{ props.icon.clone() }</div>
            <h3>{ props.title.clone() }</h3>
            <div class="empty-body">{ props.children.clone() }</div>
        </div>
    }
}
