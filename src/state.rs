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

/// The colour theme the user picked (`System` follows the OS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
    Contrast,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::System, Theme::Light, Theme::Dark, Theme::Contrast];

    /// The value stored and put on `<html data-theme>` (`None` for System).
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::Contrast => Some("contrast"),
        }
    }

    pub fn from_attr(s: &str) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|t| t.attr() == Some(s))
            .unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::Contrast => "High contrast",
        }
    }

    /// The next theme in the cycle the theme button walks.
    pub fn next(self) -> Theme {
        let i = Theme::ALL.iter().position(|t| *t == self).unwrap_or(0);
        Theme::ALL[(i + 1) % Theme::ALL.len()]
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
    pub theme: Theme,
    pub help_open: bool,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            file_name: example::TRAINER_NAME.to_owned(),
            text: Rc::from(example::TRAINER_DOCKERFILE),
            view: View::Instructions,
            reveal_line: None,
            reveal_seq: 0,
            theme: Theme::System,
            help_open: false,
        }
    }
}

/// What the user did.
pub enum Action {
    Edit(String),
    Show(View),
    /// Select the given 1-based line range in the editor.
    Reveal(u32, u32),
    SetTheme(Theme),
    CycleTheme,
    ShowHelp(bool),
    ToggleHelp,
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
            Action::SetTheme(theme) => next.theme = theme,
            Action::CycleTheme => next.theme = next.theme.next(),
            Action::ShowHelp(open) => next.help_open = open,
            Action::ToggleHelp => next.help_open = !next.help_open,
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
