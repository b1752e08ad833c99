//! Builds on a scratch copy of the daemon's state: the what-if forecast (a dry run whose RUN
//! steps are not executed) and trial builds of a rewritten Dockerfile (executed for real). The
//! daemon's own images, tags, cache and clock are left exactly as they were.
use crate::engine::{BuildRequest, Engine};
use crate::executor::{RunExecutor, RunOutcome, RunRequest};
use crate::state::EngineState;
use crate::trace::BuildTrace;

/// A RUN executor that does nothing: the forecast only needs the cache decisions.
struct Skip;

impl RunExecutor for Skip {
    fn run(&self, _: RunRequest<'_>) -> RunOutcome {
        RunOutcome::default()
    }
}

impl Engine {
    /// Builds `req` against a copy of the state; returns the trace and the copy (holding the
    /// trial's images and layers). With `execute` false, RUN steps that miss the cache are not
    /// run (their layers are empty): the cache decisions are the real ones up to the first miss.
    pub fn scratch_build(&mut self, req: BuildRequest, execute: bool) -> (BuildTrace, EngineState) {
        let saved = self.state.clone();
        let skip: Option<Box<dyn RunExecutor>> = if execute {
            None
        } else {
            Some(std::mem::replace(&mut self.executor, Box::new(Skip)))
        };
        let trace = self.build(req);
        if let Some(real) = skip {
            self.executor = real;
        }
        let scratch = std::mem::replace(&mut self.state, saved);
        (trace, scratch)
    }
}
