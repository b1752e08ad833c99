//! Rule metadata: the stable code, BuildKit's name/description/URL where the rule is BuildKit's,
//! and the learner material (hint, explanation, fix, a "show me" scenario the simulator can run).
use drydock_text::Severity;
use serde::Serialize;

/// Whose rule it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// One of BuildKit's build checks (same name, message and trigger).
    BuildKit,
    /// A Drydock learner rule (code `DDnnn`).
    Drydock,
}

/// When a rule fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// While the instructions are parsed: every stage.
    Parse,
    /// While stages are converted: only stages the target needs (all stages with `--check`).
    Dispatch,
    /// A Drydock rule over the tree and the dispatch model.
    Learner,
    /// A hint for the `docker` terminal, not a Dockerfile check.
    Terminal,
}

/// One step of a "show me" scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Action {
    /// `docker build` the project.
    Build,
    /// Change a project file (placeholders such as `{file}` come from the finding's params).
    EditFile { path: &'static str },
    /// `docker run` the image (detached when `detach`).
    Run { detach: bool },
    /// `docker stop` the running container, timing it.
    Stop,
    /// Run a command in a container of the image.
    Exec { command: &'static str },
    /// `docker history` of the image.
    History,
}

/// A short scenario that demonstrates a rule's consequence in the simulator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ShowMe {
    /// What the learner will see; `{name}` placeholders are filled from the finding's params.
    pub scenario: &'static str,
    pub actions: &'static [Action],
}

/// Everything about a rule that does not depend on where it fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleMeta {
    /// Stable code: BuildKit's rule name, or `DDnnn` for Drydock's rules.
    pub code: &'static str,
    /// BuildKit's rule name, or the learner rule's kebab-case name.
    pub name: &'static str,
    pub origin: Origin,
    pub phase: Phase,
    /// Severity when the rule fires (BuildKit's checks are warnings; `error=true` makes them
    /// errors).
    pub severity: Severity,
    /// BuildKit's experimental rules run only when enabled with `experimental=`.
    pub experimental: bool,
    /// One line: BuildKit's description for its rules.
    pub description: &'static str,
    /// Documentation link (BuildKit's `https://docs.docker.com/go/dockerfile/rule/<name>/`).
    pub url: &'static str,
    /// One sentence for a learner, shown under the message.
    pub hint: &'static str,
    /// A paragraph: why this matters.
    pub explanation: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    pub show_me: Option<ShowMe>,
}
