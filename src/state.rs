//! App state: the session (project files, images, containers) and the UI's selections, as a Yew
//! reducer provided through a context. Session changes happen here, in the reducer; side effects
//! (storage, URL, timers) live in effects of the components.
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

use drydock_session::{
    Action as SessionAction, Chunk, Output, Prompt, Session, SessionConfig, examples,
};

/// The views of the lower-right workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Instructions,
    Insights,
    Build,
    Image,
    Containers,
    Terminal,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Instructions,
        View::Insights,
        View::Build,
        View::Image,
        View::Containers,
        View::Terminal,
    ];

    pub fn label(self) -> &'static str {
        match self {
            View::Instructions => "Instructions",
            View::Insights => "Insights",
            View::Build => "Build",
            View::Image => "Image",
            View::Containers => "Containers",
            View::Terminal => "Terminal",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            View::Instructions => "instructions",
            View::Insights => "insights",
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

/// The session behind the app, shared by reference; `AppState::rev` tells views it changed.
#[derive(Clone)]
pub struct SessionCell(pub Rc<RefCell<Session>>);

impl PartialEq for SessionCell {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for SessionCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionCell")
    }
}

/// One command typed in the terminal and what it printed.
#[derive(Debug, Clone, PartialEq)]
pub struct TermEntry {
    /// The prompt shown before the input (`$ ` at the docker prompt, the shell's inside a container).
    pub prompt: String,
    pub input: String,
    pub chunks: Vec<Chunk>,
    pub exit_code: i32,
}

/// The build options form (what `docker build` is given).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BuildForm {
    /// The Dockerfile (`-f`), relative to the project folder.
    pub file: String,
    pub tag: String,
    /// `--build-arg NAME=VALUE` lines.
    pub build_args: Vec<(String, String)>,
    pub target: String,
    pub no_cache: bool,
}

impl BuildForm {
    /// The equivalent `docker build` command line.
    pub fn command(&self) -> String {
        let mut c = String::from("docker build");
        if self.file != "Dockerfile" && !self.file.is_empty() {
            c.push_str(&format!(" -f {}", quote(&self.file)));
        }
        if !self.tag.is_empty() {
            c.push_str(&format!(" -t {}", quote(&self.tag)));
        }
        for (k, v) in &self.build_args {
            if !k.is_empty() {
                c.push_str(&format!(" --build-arg {}", quote(&format!("{k}={v}"))));
            }
        }
        if !self.target.is_empty() {
            c.push_str(&format!(" --target {}", quote(&self.target)));
        }
        if self.no_cache {
            c.push_str(" --no-cache");
        }
        c.push_str(" .");
        c
    }
}

/// Quotes a word for the terminal's shell-like splitting when it needs it.
fn quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@+,".contains(c))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Everything the UI shows, owned in one place.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub session: SessionCell,
    /// Bumped on every change to the session, so views re-read it.
    pub rev: u64,
    /// The example the project started from.
    pub example: &'static str,
    /// The project file open in the editor (relative to the project folder).
    pub file_name: String,
    /// Its text (empty for binary files).
    pub text: Rc<str>,
    pub view: View,
    pub terminal: Rc<Vec<TermEntry>>,
    pub build_form: BuildForm,
    /// Time travel: the build step shown (`None` = the end of the last build).
    pub step: Option<usize>,
    /// 1-based line range the editor should reveal (set by clicking an instruction).
    pub reveal_line: Option<(u32, u32)>,
    reveal_seq: u32,
    pub theme: Theme,
    pub help_open: bool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState::from_example(examples::all().first().map_or("trainer", |e| e.id))
    }
}

impl AppState {
    /// A fresh session over an example project.
    pub fn from_example(id: &str) -> Self {
        let example = examples::get(id).or_else(|| examples::all().first());
        let (tree, id, file, tag) = match example {
            Some(e) => (e.tree(), e.id, e.dockerfile.to_owned(), e.tag.to_owned()),
            None => (
                Default::default(),
                "",
                "Dockerfile".to_owned(),
                String::new(),
            ),
        };
        let session = Session::new(SessionConfig::default(), tree);
        let mut state = AppState {
            session: SessionCell(Rc::new(RefCell::new(session))),
            rev: 0,
            example: id,
            file_name: file.clone(),
            text: Rc::from(""),
            view: View::Instructions,
            terminal: Rc::new(Vec::new()),
            build_form: BuildForm {
                file,
                tag,
                ..BuildForm::default()
            },
            step: None,
            reveal_line: None,
            reveal_seq: 0,
            theme: Theme::System,
            help_open: false,
        };
        state.text = state.read_text(&state.file_name.clone());
        state
    }

    /// Read access to the session.
    pub fn session(&self) -> std::cell::Ref<'_, Session> {
        self.session.0.borrow()
    }

    /// The text of a project file (empty when missing or binary).
    pub fn read_text(&self, path: &str) -> Rc<str> {
        let s = self.session();
        let content = s.host().read_file(&format!("/{path}")).ok();
        let text = content.and_then(|c| {
            c.as_bytes()
                .and_then(|b| String::from_utf8(b.to_vec()).ok())
        });
        Rc::from(text.unwrap_or_default())
    }

    /// Changes every time a reveal is requested, so the editor reacts even to the same line twice.
    pub fn reveal_seq(&self) -> u32 {
        self.reveal_seq
    }

    /// Applies a session action and records typed lines in the terminal transcript.
    fn apply(&mut self, action: SessionAction) -> Output {
        let prompt = self.prompt_text();
        let input = match &action {
            SessionAction::Line { text } => Some(text.clone()),
            _ => None,
        };
        let out = self.session.0.borrow_mut().apply(action);
        self.rev = self.rev.wrapping_add(1);
        if let Some(input) = input {
            let mut t = (*self.terminal).clone();
            t.push(TermEntry {
                prompt,
                input,
                chunks: out.chunks.clone(),
                exit_code: out.exit_code,
            });
            self.terminal = Rc::new(t);
        }
        // A build, `docker cp` or a bind mount may have changed the open file.
        self.text = self.read_text(&self.file_name.clone());
        out
    }

    /// The prompt the terminal shows now.
    pub fn prompt_text(&self) -> String {
        match self.session().prompt() {
            Prompt::Docker => "$ ".to_owned(),
            Prompt::Shell { prompt, .. } => prompt,
            Prompt::Attached { .. } | Prompt::Question => String::new(),
        }
    }
}

/// What the user did.
pub enum Action {
    /// The open file's new text.
    Edit(String),
    /// Open a project file in the editor.
    Open(String),
    Show(View),
    /// Select the given 1-based line range in the editor.
    Reveal(u32, u32),
    SetTheme(Theme),
    CycleTheme,
    ShowHelp(bool),
    ToggleHelp,
    /// A line typed in the terminal.
    Terminal(String),
    /// Ctrl+C in the terminal.
    Interrupt,
    /// Clear the terminal transcript.
    ClearTerminal,
    /// A change to the project files (create, rename, delete, upload).
    Files(SessionAction),
    SetBuildForm(BuildForm),
    /// Run the build form's command (it also appears in the terminal).
    Build,
    /// Time travel to a build step (`None` = the end).
    Step(Option<usize>),
    /// Start over from an example project.
    LoadExample(&'static str),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(text) => {
                next.apply(SessionAction::WriteFile {
                    path: next.file_name.clone(),
                    content: text,
                });
            }
            Action::Open(path) => {
                next.text = next.read_text(&path);
                next.file_name = path;
            }
            Action::Show(view) => next.view = view,
            Action::Reveal(start, end) => {
                next.reveal_seq = next.reveal_seq.wrapping_add(1);
                next.reveal_line = Some((start, end));
            }
            Action::SetTheme(theme) => next.theme = theme,
            Action::CycleTheme => next.theme = next.theme.next(),
            Action::ShowHelp(open) => next.help_open = open,
            Action::ToggleHelp => next.help_open = !next.help_open,
            Action::Terminal(line) => {
                next.apply(SessionAction::Line { text: line });
            }
            Action::Interrupt => {
                next.apply(SessionAction::Interrupt);
            }
            Action::ClearTerminal => next.terminal = Rc::new(Vec::new()),
            Action::Files(action) => {
                next.apply(action);
            }
            Action::SetBuildForm(form) => next.build_form = form,
            Action::Build => {
                let line = next.build_form.command();
                next.apply(SessionAction::Line { text: line });
                next.step = None;
                next.view = View::Build;
            }
            Action::Step(step) => next.step = step,
            Action::LoadExample(id) => {
                let fresh = AppState::from_example(id);
                next = AppState {
                    theme: next.theme,
                    view: next.view,
                    ..fresh
                };
            }
        }
        Rc::new(next)
    }
}

/// The state handle components read and dispatch to.
pub type Store = UseReducerHandle<AppState>;

/// Reads the app store from the context.
#[hook]
pub fn use_store() -> Store {
    use_context::<Store>().unwrap_or_else(|| unreachable!("the App component provides the store"))
}
