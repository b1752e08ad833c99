//! The filesystem at the selected build step as a tree: entries added, modified or deleted by
//! the step are marked (drawn by `ChangeTree`). The rows of every step are computed once per
//! build, so moving between steps only selects them.
use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use super::change_tree::ChangeTree;
use crate::i18n::tf;
use crate::state::use_store;
use crate::views::step_files::{StepFiles, step_files};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The selected step.
    pub at: usize,
}

#[component(StepTree)]
pub fn step_tree(props: &Props) -> Html {
    let store = use_store();
    // Folders the user opened or closed.
    let toggled = use_state(|| Rc::new(HashSet::<String>::new()));
    let steps: Rc<Vec<Rc<StepFiles>>> = use_memo((store.rev, (*toggled).clone()), |(_, open)| {
        let session = store.session();
        session.last_build().map_or_else(Vec::new, |t| {
            t.steps
                .iter()
                .map(|s| Rc::new(step_files(&s.before.0, &s.after.0, &s.workdir, open)))
                .collect()
        })
    });
    let Some(files) = steps.get(props.at) else {
        return html! {};
    };
    let on_toggle = {
        let toggled = toggled.clone();
        Callback::from(move |path: String| {
            let mut set = (**toggled).clone();
            if !set.remove(&path) {
                set.insert(path);
            }
            toggled.set(Rc::new(set));
        })
    };
    html! {
        <ChangeTree files={files.clone()} label={tf("steptree.label", &[("n", &(props.at + 1).to_string())])}
            {on_toggle} focus_key={props.at as u64} />
    }
}
