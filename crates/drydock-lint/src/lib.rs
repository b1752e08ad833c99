//! drydock-lint: BuildKit's build checks — same rule names, messages, triggers and line numbers
//! as `docker build` (Dockerfile frontend 1.26) — plus Drydock's learner rules (`DDnnn`) that
//! explain course pitfalls, over drydock-syntax's tree.
//!
//! Entry point: [`lint`] with a [`BuildFacts`] (what the build knows beyond the Dockerfile: the
//! context, `.dockerignore`, base image configs; [`NoFacts`] for a Dockerfile alone) and
//! [`LintOptions`] (target, build args, platform, check mode). The linter knows nothing of
//! files, images or the engine: facts reach it through the trait.
//!
//! The walk follows BuildKit's conversion (`convert`, `dispatch`): parse-time rules fire for every
//! stage, dispatch-time rules for the stages the target needs (every stage in check mode), with
//! ARG/ENV scoping through stages and base images. `# check=` directives, per-instruction
//! `# check=` comments and `BUILDKIT_DOCKERFILE_CHECK` decide what runs; `error=true` turns the
//! warnings into `lint violation found for rules: …`.
//!
//! The engine lints with [`LintOptions::default`] (a normal build: dispatch-time checks for the
//! stages the target needs), prints [`present::plain_line`] in the `[internal] load build
//! definition` step and [`present::summary`] of [`LintReport::warnings`] after the build, and
//! fails the build with the first of [`LintReport::errors`] when `# check=error=true` produced
//! `lint violation found for rules: …`. `drydock lint` and the editor use
//! [`LintOptions::check_mode`] (every stage) and [`LintReport::diagnostics`].
//!
//! ```
//! use drydock_lint::{LintOptions, NoFacts, lint, present};
//!
//! let parse = drydock_syntax::parse("FROM python:3.12-slim\nCMD python app.py\n");
//! let report = lint(&parse, &NoFacts, &LintOptions::default());
//! assert_eq!(
//!     present::summary(&report.warnings),
//!     "\n 1 warning found (use docker --debug to expand):\n - JSONArgsRecommended: JSON arguments \
//!      recommended for CMD to prevent unintended behavior related to OS signals (line 2)\n"
//! );
//! ```
//!
//! Files: `rules/` (one rule per file), `learn` (runs the learner rules), `registry` (metadata
//! lookup), `report` (findings, cursor lookup), `present` (Docker's console wording), `config`
//! (check options), `linter` (the sink), `facts`, `options`, `model`, `env`, `platform`,
//! `reference`, `paths`, `shellwords`, `errors`.

pub mod config;
mod convert;
mod dispatch;
pub mod env;
pub mod errors;
pub mod facts;
mod learn;
mod linter;
pub mod meta;
pub mod model;
pub mod options;
pub mod paths;
pub mod platform;
pub mod present;
pub mod reference;
pub mod registry;
pub mod report;
pub mod rules;
pub mod shellwords;

pub use facts::{BuildFacts, ContextEntry, ImageFacts, NoFacts};
pub use meta::{Action, Origin, Phase, RuleMeta, ShowMe};
pub use model::Model;
pub use options::LintOptions;
pub use platform::Platform;
pub use registry::{rule, rules as all_rules};
pub use report::{Finding, LintReport};
pub use rules::dd013_docker_rm_image::hint as docker_rm_image_hint;

use drydock_syntax::{Parse, codes};

/// Lints a parsed Dockerfile.
pub fn lint(parse: &Parse<'_>, facts: &dyn BuildFacts, opts: &LintOptions) -> LintReport {
    lint_with_model(parse, facts, opts).0
}

/// Lints a parsed Dockerfile and returns the dispatch model too (stages, reachability, the
/// state before each instruction).
pub fn lint_with_model(
    parse: &Parse<'_>,
    facts: &dyn BuildFacts,
    opts: &LintOptions,
) -> (LintReport, Model) {
    let cx = convert::Cx::new(parse, facts, opts);
    let mut out = convert::run(&cx);
    if opts.learner {
        learn::run(&cx, &mut out.sink, &out.model);
    }
    drydock_text::sort::sort_by_key(&mut out.sink.insights, |f| (f.range.start, f.range.end));
    let report = LintReport {
        warnings: out.sink.warnings,
        insights: out.sink.insights,
        errors: out.errors,
        syntax: parse
            .diagnostics
            .iter()
            .filter(|d| d.code != codes::NO_EMPTY_CONTINUATION)
            .cloned()
            .collect(),
    };
    (report, out.model)
}

/// Lints Dockerfile text on its own in check mode (every stage, learner rules on, no facts).
pub fn lint_text(text: &str) -> LintReport {
    let parse = drydock_syntax::parse(text);
    lint(&parse, &NoFacts, &LintOptions::check_mode())
}
