//! `LintOptions`: the build options that change what the checks see (target, build args,
//! platform, check mode, learner rules).
use crate::platform::Platform;
use std::collections::BTreeMap;

/// How to lint: the options of the build being linted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintOptions {
    /// `--target`; `None` builds the last stage.
    pub target: Option<String>,
    /// `--build-arg NAME=value` (including `BUILDKIT_DOCKERFILE_CHECK`).
    pub build_args: BTreeMap<String, String>,
    /// The target platform (`--platform`; default `linux/amd64`).
    pub platform: Platform,
    /// `docker build --check` without `--target`: dispatch-time checks run for every stage,
    /// not only the stages the target needs.
    pub all_stages: bool,
    /// Run Drydock's learner rules too (BuildKit's checks always run).
    pub learner: bool,
}

impl Default for LintOptions {
    fn default() -> Self {
        Self {
            target: None,
            build_args: BTreeMap::new(),
            platform: Platform::linux_amd64(),
            all_stages: false,
            learner: true,
        }
    }
}

impl LintOptions {
    /// The options of `docker build --check` (every stage, learner rules on): what `drydock
    /// lint` and the editor use.
    pub fn check_mode() -> Self {
        Self {
            all_stages: true,
            ..Self::default()
        }
    }
}
