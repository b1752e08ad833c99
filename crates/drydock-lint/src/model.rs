//! The dispatch model the conversion walk leaves behind for the learner rules: what each stage's
//! FROM resolved to, which stages the target needs, and for every dispatched instruction the
//! build state before it (environment, WORKDIR, USER, SHELL) and its expanded words.
use crate::env::EnvList;
use crate::facts::{ContextEntry, ImageFacts};
use crate::platform::Platform;
use drydock_text::TextRange;

/// What a stage's FROM names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base {
    /// `FROM scratch`.
    Scratch,
    /// An earlier stage (index).
    Stage(usize),
    /// An image reference (expanded).
    Image(String),
    /// The FROM did not parse or expand.
    Unknown,
}

/// One build stage.
#[derive(Debug, Clone)]
pub struct StageModel {
    /// Index of the FROM instruction.
    pub from: usize,
    /// One past the stage's last instruction.
    pub end: usize,
    /// `AS` name, lower-cased.
    pub name: Option<String>,
    pub base: Base,
    /// The base image's config when the facts know it.
    pub image: Option<ImageFacts>,
    pub platform: Platform,
    /// Needed by the target (through FROM, `COPY --from`, `RUN --mount from=`).
    pub reachable: bool,
    /// Its instructions were dispatched (reachable, or every stage in check mode).
    pub dispatched: bool,
    /// Stages its instructions copy or mount from.
    pub deps: Vec<usize>,
}

impl StageModel {
    /// BuildKit's display name: the stage name, else `stage-N`.
    pub fn display_name(&self, index: usize) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| format!("stage-{index}"))
    }
}

/// The build state before one dispatched instruction.
#[derive(Debug, Clone)]
pub struct Step {
    pub stage: usize,
    /// Index of the instruction.
    pub ins: usize,
    /// The environment before the instruction; kept for EXPOSE with a variable only (what the
    /// learner rules read), `None` elsewhere.
    pub env: Option<EnvList>,
    /// RUN with `--mount`: the cache-related variables set before it (`HOME`, `PIP_CACHE_DIR`,
    /// …, see `dispatch::CACHE_VARS`).
    pub cache_vars: Vec<(String, String)>,
    /// Whether the base image's environment is known (facts), so an unset name is really unset.
    pub env_known: bool,
    /// The image's WORKDIR (`""` when none was set).
    pub workdir: String,
    pub user: String,
    pub shell: Vec<String>,
    /// Expanded words with the span of the argument they came from: EXPOSE ports, WORKDIR's
    /// path, USER.
    pub words: Vec<(TextRange, String)>,
    /// COPY/ADD: the expanded sources with their spans.
    pub sources: Vec<(TextRange, String)>,
    /// COPY/ADD: the expanded destination.
    pub dest: Option<String>,
}

impl Step {
    /// The environment before the instruction (empty when it was not kept).
    pub fn env(&self) -> std::borrow::Cow<'_, EnvList> {
        self.env.as_ref().map_or_else(
            || std::borrow::Cow::Owned(EnvList::default()),
            std::borrow::Cow::Borrowed,
        )
    }

    /// One variable of the environment before the instruction (EXPOSE), or one of the cache
    /// variables (RUN with `--mount`).
    pub fn env_var(&self, name: &str) -> Option<&str> {
        self.env.as_ref().and_then(|e| e.get(name)).or_else(|| {
            self.cache_vars
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        })
    }
}

/// What the conversion walk saw.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub stages: Vec<StageModel>,
    pub steps: Vec<Step>,
    /// The target stage, when it resolved.
    pub target: Option<usize>,
    /// The build context, when the facts know it.
    pub context: Option<Vec<ContextEntry>>,
    /// Names of the ARGs before the first FROM.
    pub meta_args: Vec<String>,
}

impl Model {
    /// The steps of stage `s`, in order.
    pub fn steps_of(&self, s: usize) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(move |st| st.stage == s)
    }

    /// The step of instruction `ins`, if it was dispatched.
    pub fn step(&self, ins: usize) -> Option<&Step> {
        self.steps.iter().find(|s| s.ins == ins)
    }

    /// Whether the context holds `path` (a file or directory), `None` when unknown.
    pub fn context_has(&self, path: &str) -> Option<bool> {
        let path = path.trim_start_matches("./").trim_end_matches('/');
        self.context
            .as_ref()
            .map(|c| path.is_empty() || path == "." || c.iter().any(|e| e.path == path))
    }
}
