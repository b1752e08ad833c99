//! App state: the session (project files, images, containers) and the UI's selections, as a Yew
//! reducer provided through a context. Session changes happen here, in the reducer; side effects
//! (storage, URL, timers) live in effects of the components.
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

use drydock_session::{
    Action as SessionAction, Chunk, Output, Prompt, Session, SessionConfig, examples,
};

use crate::i18n::{Lang, t, tf};
use crate::persist::Restored;
use crate::project_state::{self, Dialog, Notice, NoticeAction, SaveStatus, Tone};
use crate::views::embed_options::EmbedOptions;
use crate::views::file_kind::path_is_dockerfile;

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
            View::Instructions => t("view.instructions"),
            View::Insights => t("view.insights"),
            View::Build => t("view.build"),
            View::Image => t("view.image"),
            View::Containers => t("view.containers"),
            View::Terminal => t("view.terminal"),
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
            Theme::System => t("theme.system"),
            Theme::Light => t("theme.light"),
            Theme::Dark => t("theme.dark"),
            Theme::Contrast => t("theme.contrast"),
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

/// What identifies the state an autosave wrote (see [`AppState::save_mark`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SaveMark {
    rev: u64,
    example: &'static str,
    file_name: String,
    build_form: BuildForm,
    modified: bool,
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
    /// The container shown in detail in the containers view (`None` = the newest).
    pub container: Option<String>,
    /// 1-based line range the editor should reveal (set by clicking an instruction).
    pub reveal_line: Option<(u32, u32)>,
    reveal_seq: u32,
    pub theme: Theme,
    /// The UI language (the app root hands it to `i18n::set_lang` before anything renders).
    pub lang: Lang,
    pub help_open: bool,
    /// Whether the project files differ from the example they started from.
    pub modified: bool,
    /// The open project dialog (examples, share, reset).
    pub dialog: Option<Dialog>,
    /// Messages about the project (restored, damaged save, full storage …).
    pub notices: Rc<Vec<Notice>>,
    notice_seq: u32,
    /// Where the autosave stands.
    pub save_status: SaveStatus,
    /// Embed mode's options (`?embed&…`): a compact layout for an iframe, nothing autosaved.
    pub embed: Option<Rc<EmbedOptions>>,
    /// Lecture mode: large type, the current build step spotlighted, keys step through the build.
    pub lecture: bool,
    /// Whether lecture mode shows its keyboard legend.
    pub legend: bool,
    /// The lesson being taken and the learner's progress.
    pub lessons: crate::lesson_state::Lessons,
    /// Whether the saved project (or a share link) was read at start (lessons wait for it).
    pub project_loaded: bool,
    /// Bumped by every action but a time-travel step (see `store_hub`).
    seq: u64,
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
        AppState::from_session(session, id, file, tag)
    }

    /// A fresh state over a session (`example` the project's example id, `file` its Dockerfile).
    fn from_session(session: Session, id: &'static str, file: String, tag: String) -> Self {
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
            container: None,
            reveal_line: None,
            reveal_seq: 0,
            theme: Theme::System,
            lang: Lang::En,
            help_open: false,
            modified: false,
            dialog: None,
            notices: Rc::new(Vec::new()),
            notice_seq: 0,
            save_status: SaveStatus::Pending,
            embed: None,
            lecture: false,
            legend: true,
            lessons: Default::default(),
            project_loaded: false,
            seq: 0,
        };
        state.text = state.read_text(&state.file_name.clone());
        state
    }

    /// The state for a lesson's starting project (UI choices, notices and lessons carried over).
    fn for_lesson(prev: &AppState, r: crate::lesson_state::LessonRef) -> Self {
        let start = &r.lesson.start;
        let session = drydock_session::lesson::check::start_session(start);
        let example = start.example.as_deref().and_then(examples::get);
        let (id, file, tag) = example.map_or(("", "Dockerfile".to_owned(), String::new()), |e| {
            (e.id, e.dockerfile.to_owned(), e.tag.to_owned())
        });
        let fresh = AppState::from_session(session, id, file, tag);
        let mut next = AppState {
            theme: prev.theme,
            // UI choices carry over: language, embed options, lecture mode and its legend.
            lang: prev.lang,
            embed: prev.embed.clone(),
            lecture: prev.lecture,
            legend: prev.legend,
            notices: prev.notices.clone(),
            notice_seq: prev.notice_seq,
            rev: prev.rev.wrapping_add(1),
            save_status: match &prev.save_status {
                SaveStatus::Off(why) => SaveStatus::Off(why.clone()),
                _ => SaveStatus::Pending,
            },
            modified: true,
            view: prev.view,
            project_loaded: prev.project_loaded,
            lessons: prev.lessons.started(r),
            ..fresh
        };
        // The example's Dockerfile may be one the lesson removed: open another file.
        if !next.is_text_file(&next.file_name) {
            next.file_name = next.first_dockerfile().unwrap_or_default();
            next.text = next.read_text(&next.file_name.clone());
        }
        next
    }

    /// The app state for a project read back from storage or a share link (UI choices such as
    /// the theme and the notices are carried over from `prev`).
    pub fn from_restored(r: Restored, prev: &AppState) -> Self {
        let example = examples::get(&r.example).map_or("", |e| e.id);
        let session = Session::restore(SessionConfig::default(), r.tree, r.session);
        let mut state = AppState {
            session: SessionCell(Rc::new(RefCell::new(session))),
            rev: prev.rev.wrapping_add(1),
            example,
            file_name: r.open_file,
            build_form: r.build_form,
            modified: r.modified,
            text: Rc::from(""),
            terminal: Rc::new(Vec::new()),
            step: None,
            container: None,
            reveal_line: None,
            dialog: None,
            save_status: SaveStatus::Pending,
            ..prev.clone()
        };
        if !state.is_text_file(&state.file_name) {
            state.file_name = state.build_form.file.clone();
        }
        state.text = state.read_text(&state.file_name.clone());
        state
    }

    /// Whether `path` is a project file the editor can open (UTF-8 text).
    pub fn is_text_file(&self, path: &str) -> bool {
        let s = self.session();
        s.host()
            .read_file(&format!("/{path}"))
            .ok()
            .is_some_and(|c| {
                c.as_bytes()
                    .is_some_and(|b| !b.contains(&0) && std::str::from_utf8(b).is_ok())
            })
    }

    /// The text of the Dockerfile the build uses (the open file when that is it).
    pub fn dockerfile_text(&self) -> Rc<str> {
        if self.file_name == self.build_form.file {
            self.text.clone()
        } else {
            self.read_text(&self.build_form.file)
        }
    }

    /// Whether the project files are locked (a read-only embed).
    pub fn read_only(&self) -> bool {
        self.embed.as_ref().is_some_and(|e| e.readonly)
    }

    /// The parts of the state the autosave watches (a save of an older mark is out of date).
    pub fn save_mark(&self) -> SaveMark {
        SaveMark {
            rev: self.rev,
            example: self.example,
            file_name: self.file_name.clone(),
            build_form: self.build_form.clone(),
            modified: self.modified,
        }
    }

    /// Marks the state as changed since the last save.
    fn touch(&mut self) {
        if self.save_status == SaveStatus::Saved {
            self.save_status = SaveStatus::Pending;
        }
    }

    /// Adds a notice (a notice with the same text replaces the older one).
    fn notify(&mut self, tone: Tone, text: String, action: Option<NoticeAction>) {
        self.notice_seq = self.notice_seq.wrapping_add(1);
        let mut n: Vec<Notice> = self
            .notices
            .iter()
            .filter(|n| n.text != text)
            .cloned()
            .collect();
        n.push(Notice {
            id: self.notice_seq,
            tone,
            text,
            action,
        });
        self.notices = Rc::new(n);
    }

    /// Applies a file action from the project pane, carrying the open file and the selected
    /// Dockerfile along through renames and deletions.
    fn apply_file_action(&mut self, action: SessionAction) {
        let out = match &action {
            SessionAction::Rename { from, to } => {
                let (from, to) = (from.clone(), to.clone());
                let out = self.apply(action);
                if out.exit_code == 0 {
                    if let Some(p) = project_state::renamed(&self.file_name, &from, &to) {
                        self.file_name = p;
                    }
                    if let Some(p) = project_state::renamed(&self.build_form.file, &from, &to) {
                        self.build_form.file = p;
                    }
                }
                out
            }
            SessionAction::Delete { path } => {
                let path = path.clone();
                let out = self.apply(action);
                if out.exit_code == 0 {
                    if project_state::deleted(&self.build_form.file, &path)
                        && let Some(other) = self.first_dockerfile()
                    {
                        self.build_form.file = other;
                    }
                    if project_state::deleted(&self.file_name, &path) {
                        self.file_name = if self.is_text_file(&self.build_form.file) {
                            self.build_form.file.clone()
                        } else {
                            String::new()
                        };
                    }
                }
                out
            }
            _ => self.apply(action),
        };
        if out.exit_code != 0 {
            let text = out
                .stderr()
                .trim()
                .trim_start_matches("drydock: ")
                .to_owned();
            self.notify(Tone::Error, text, None);
        }
        self.modified = true;
        self.text = self.read_text(&self.file_name.clone());
    }

    /// Writes uploaded files into the project (text through `WriteFile`, anything else through
    /// `WriteBytes`), opens an uploaded top-level Dockerfile and says what happened.
    fn upload(&mut self, files: Vec<(String, Vec<u8>)>) {
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        let plan = crate::views::upload::plan(&paths);
        let mut written = 0usize;
        let mut failed = Vec::new();
        let mut dockerfile = None;
        for ((_, bytes), path) in files.into_iter().zip(plan.paths) {
            let Some(path) = path else { continue };
            let action = match String::from_utf8(bytes) {
                Ok(text) if !text.contains('\0') => SessionAction::WriteFile {
                    path: path.clone(),
                    content: text,
                },
                Ok(text) => SessionAction::WriteBytes {
                    path: path.clone(),
                    content: text.into_bytes(),
                },
                Err(e) => SessionAction::WriteBytes {
                    path: path.clone(),
                    content: e.into_bytes(),
                },
            };
            let out = self.session.0.borrow_mut().apply(action);
            if out.exit_code == 0 {
                written += 1;
                if dockerfile.is_none() && !path.contains('/') && path_is_dockerfile(&path) {
                    dockerfile = Some(path);
                }
            } else {
                failed.push(
                    out.stderr()
                        .trim()
                        .trim_start_matches("drydock: ")
                        .to_owned(),
                );
            }
        }
        self.rev = self.rev.wrapping_add(1);
        if written > 0 {
            self.modified = true;
            self.touch();
        }
        if let Some(df) = dockerfile.filter(|d| self.is_text_file(d)) {
            self.build_form.file = df.clone();
            self.file_name = df;
        }
        self.text = self.read_text(&self.file_name.clone());
        let mut text = match (written, &plan.stripped) {
            (1, _) => t("upload.one").to_owned(),
            (n, Some(folder)) => tf(
                "upload.from_folder",
                &[("n", &n.to_string()), ("folder", folder)],
            ),
            (n, None) => tf("upload.many", &[("n", &n.to_string())]),
        };
        if !plan.skipped.is_empty() {
            let n = plan.skipped.len();
            text.push_str(&tf("upload.skipped", &[("n", &n.to_string())]));
        }
        text.push('.');
        self.notify(Tone::Info, text, None);
        for f in failed {
            self.notify(Tone::Error, f, None);
        }
    }

    /// The first Dockerfile of the project, in walk order.
    fn first_dockerfile(&self) -> Option<String> {
        let s = self.session();
        s.host()
            .walk()
            .map(|(p, _)| p.as_str().trim_start_matches('/').to_owned())
            .find(|p| path_is_dockerfile(p) && !p.contains('/'))
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

    /// Changes with every action except a time-travel step: views that do not show the step
    /// re-render only when it changes.
    pub fn seq(&self) -> u64 {
        self.seq
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
        // Situations the core explains (`--gpus`, Python's prompt) get a notice that opens the text.
        for e in &out.events {
            if let drydock_session::Event::Explanation { topic } = e
                && let Some((key, text)) = drydock_session::explain::find(topic)
            {
                let title = drydock_session::explain::title(text);
                self.notify(Tone::Info, title, Some(NoticeAction::Explain(key)));
            }
        }
        out
    }

    /// Lecture mode shows the editor beside the Build view (the timeline and the step's files).
    fn set_lecture(&mut self, on: bool) {
        self.lecture = on;
        if on {
            self.view = View::Build;
        }
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
    /// Switch the UI language.
    SetLang(Lang),
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
    /// Show a container (by id) in the containers view.
    SelectContainer(Option<String>),
    /// Time travel by this many steps from the one shown (clamped to the last build's steps).
    StepBy(i32),
    /// Start over from an example project.
    LoadExample(&'static str),
    /// Replace the project with one read from storage or a share link.
    Restore(Box<Restored>),
    /// Show a notice.
    Notify(Tone, String, Option<NoticeAction>),
    /// Dismiss the notice with this id.
    Dismiss(u32),
    /// Open (or close, with `None`) a project dialog.
    ShowDialog(Option<Dialog>),
    /// The autosave's outcome.
    SetSaveStatus(SaveStatus),
    /// A save finished: its outcome, for the state it wrote. A success only counts as `Saved`
    /// when nothing changed since that state was taken (else the newer save is still to come).
    SaveFinished(SaveStatus, SaveMark),
    /// Files read from the user's disk (paths as the browser gave them, bytes).
    Upload(Vec<(String, Vec<u8>)>),
    /// Switch lecture mode on or off.
    SetLecture(bool),
    ToggleLecture,
    /// Show or hide lecture mode's keyboard legend.
    SetLegend(bool),
    /// Something done in the lesson panel or gallery.
    Lesson(crate::lesson_state::LessonAction),
    /// Replace the project with a lesson's starting project and take the lesson.
    StartLesson(crate::lesson_state::LessonRef),
    /// The saved project was read at start (or there was none).
    ProjectLoaded,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if self.read_only()
            && matches!(
                action,
                Action::Edit(_) | Action::Files(_) | Action::Upload(_) | Action::LoadExample(_)
            )
        {
            return self;
        }
        let step_only = matches!(action, Action::Step(_) | Action::StepBy(_));
        let mut next = (*self).clone();
        match action {
            Action::Edit(text) => {
                if next.file_name.is_empty() || *next.text == *text {
                    return self;
                }
                next.apply(SessionAction::WriteFile {
                    path: next.file_name.clone(),
                    content: text,
                });
                next.modified = true;
                next.touch();
            }
            Action::Open(path) => {
                if !next.is_text_file(&path) {
                    return self;
                }
                if path_is_dockerfile(&path) {
                    next.build_form.file = path.clone();
                }
                next.text = next.read_text(&path);
                next.file_name = path;
                next.touch();
            }
            Action::Show(view) => next.view = view,
            Action::Reveal(start, end) => {
                next.reveal_seq = next.reveal_seq.wrapping_add(1);
                next.reveal_line = Some((start, end));
            }
            Action::SetTheme(theme) => next.theme = theme,
            Action::CycleTheme => next.theme = next.theme.next(),
            Action::SetLang(lang) => next.lang = lang,
            Action::ShowHelp(open) => next.help_open = open,
            Action::ToggleHelp => next.help_open = !next.help_open,
            Action::Terminal(line) => {
                next.apply(SessionAction::Line { text: line });
                next.touch();
            }
            Action::Interrupt => {
                next.apply(SessionAction::Interrupt);
            }
            Action::ClearTerminal => next.terminal = Rc::new(Vec::new()),
            Action::Files(action) => {
                next.apply_file_action(action);
                next.touch();
            }
            Action::SetBuildForm(form) => {
                next.build_form = form;
                next.touch();
            }
            Action::Build => {
                let line = next.build_form.command();
                next.apply(SessionAction::Line { text: line });
                next.step = None;
                next.view = View::Build;
                next.touch();
            }
            Action::Step(step) => next.step = step,
            Action::SelectContainer(id) => next.container = id,
            Action::StepBy(delta) => {
                let n = next.session().last_build().map_or(0, |t| t.steps.len());
                if n == 0 {
                    return self;
                }
                let at = next.step.unwrap_or(n - 1).min(n - 1) as i64;
                let to = (at + i64::from(delta)).clamp(0, n as i64 - 1);
                next.step = Some(to as usize);
            }
            Action::LoadExample(id) => {
                let fresh = AppState::from_example(id);
                next = AppState {
                    theme: next.theme,
                    lang: next.lang,
                    view: next.view,
                    lessons: next.lessons.clone(),
                    project_loaded: next.project_loaded,
                    notices: next.notices.clone(),
                    notice_seq: next.notice_seq,
                    rev: next.rev.wrapping_add(1),
                    embed: next.embed.clone(),
                    lecture: next.lecture,
                    legend: next.legend,
                    save_status: match next.save_status {
                        SaveStatus::Off(why) => SaveStatus::Off(why),
                        _ => SaveStatus::Pending,
                    },
                    ..fresh
                };
            }
            Action::Restore(r) => {
                let off = match &next.save_status {
                    SaveStatus::Off(why) => Some(why.clone()),
                    _ => None,
                };
                next = AppState::from_restored(*r, &next);
                if let Some(why) = off {
                    next.save_status = SaveStatus::Off(why);
                }
            }
            Action::Notify(tone, text, action) => next.notify(tone, text, action),
            Action::Dismiss(id) => {
                next.notices = Rc::new(
                    next.notices
                        .iter()
                        .filter(|n| n.id != id)
                        .cloned()
                        .collect(),
                );
            }
            Action::ShowDialog(dialog) => next.dialog = dialog,
            Action::SetSaveStatus(status) => next.save_status = status,
            Action::SaveFinished(status, mark) => {
                if status != SaveStatus::Saved || mark == next.save_mark() {
                    next.save_status = status;
                }
            }
            Action::Upload(files) => next.upload(files),
            Action::SetLecture(on) => next.set_lecture(on),
            Action::ToggleLecture => next.set_lecture(!next.lecture),
            Action::SetLegend(on) => next.legend = on,
            Action::Lesson(action) => next.lessons = next.lessons.reduce(action),
            Action::StartLesson(r) => next = AppState::for_lesson(&next, r),
            Action::ProjectLoaded => next.project_loaded = true,
        }
        // Counted from the state before, whatever `next` was built from.
        next.seq = if step_only {
            self.seq
        } else {
            self.seq.wrapping_add(1)
        };
        Rc::new(next)
    }
}

/// The state handle components read and dispatch to.
pub type Store = UseReducerHandle<AppState>;

/// Reads the app store (re-rendering on every change but a time-travel step, or only when the
/// part a component selects changes; see `store_hub`).
pub use crate::store_hub::{use_hub, use_step, use_store, use_store_while, use_store_with};
