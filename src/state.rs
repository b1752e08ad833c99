//! App state: the open Dockerfile and UI selections, as a Yew reducer provided through a context.
use std::rc::Rc;
use yew::prelude::*;

use crate::example;

/// The views of the lower-right workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Instructions,
    Build,
    Image,
    Containers,
    Terminal,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Instructions,
        View::Build,
        View::Image,
        View::Containers,
        View::Terminal,
    ];

    pub fn label(self) -> &'static str {
        match self {
            View::Instructions => "Instructions",
            View::Build => "Build",
            View::Image => "Image",
            View::Containers => "Containers",
            View::Terminal => "Terminal",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            View::Instructions => "instructions",
            View::Build => "build",
            View::Image => "image",
            View::Containers => "containers",
            View::Terminal => "terminal",
        }
    }
}

/// Everything the UI shows, owned in one place.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub file_name: String,
    pub text: Rc<str>,
    pub view: View,
    /// 1-based line the editor should reveal (set by clicking an instruction).
    pub reveal_line: Option<(u32, u32)>,
    reveal_seq: u32,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            file_name: example::TRAINER_NAME.to_owned(),
            text: Rc::from(example::TRAINER_DOCKERFILE),
            view: View::Instructions,
            reveal_line: None,
            reveal_seq: 0,
        }
    }
}

/// What the user did.
pub enum Action {
    Edit(String),
    Show(View),
    /// Select the given 1-based line range in the editor.
    Reveal(u32, u32),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(text) => next.text = Rc::from(text),
            Action::Show(view) => next.view = view,
            Action::Reveal(start, end) => {
                next.reveal_seq = next.reveal_seq.wrapping_add(1);
                next.reveal_line = Some((start, end));
            }
        }
        Rc::new(next)
    }
}

impl AppState {
    /// Changes every time a reveal is requested, so the editor reacts even to the same line twice.
    pub fn reveal_seq(&self) -> u32 {
        self.reveal_seq
    }
}

/// The state handle components read and dispatch to.
pub type Store = UseReducerHandle<AppState>;

/// Reads the app store from the context.
#[hook]
pub fn use_store() -> Store {
    use_context::<Store>().unwrap_or_else(|| unreachable!("the App component provides the store"))
}
