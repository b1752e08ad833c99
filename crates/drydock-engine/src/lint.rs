//! The build checks of a `docker build`: drydock-lint's [`BuildFacts`] implemented over a build
//! context ([`ContextFacts`]: the project tree, the `.dockerignore` that applies to the
//! Dockerfile, the catalog's base image configs) and the lint a normal build runs
//! ([`build_checks`]: BuildKit's checks for the stages the target needs, no learner rules).
//! `drydock lint` and the app use [`ContextFacts`] too, with drydock-lint's check mode.
use drydock_lint::{BuildFacts, ContextEntry, ImageFacts, LintOptions, LintReport, Platform};
use drydock_syntax::Parse;
use drydock_vfs::ignore::{PatternMatcher, ignore_file_for, read_all};
use drydock_vfs::{Node, Tree};

use crate::engine::BuildRequest;

/// Stop listing the context after this many entries (rules that need the full list then treat
/// the context as unknown).
const MAX_ENTRIES: usize = 100_000;

/// What a build context tells the checks.
#[derive(Debug, Clone, Default)]
pub struct ContextFacts {
    matcher: Option<PatternMatcher>,
    entries: Option<Vec<ContextEntry>>,
}

impl ContextFacts {
    /// Facts of `context` (the project folder as a tree; `.drydock/` is never part of it) for
    /// the Dockerfile at `dockerfile_path` (context-relative; `<name>.dockerignore` beside it
    /// wins over `.dockerignore`). Errs with the ignore file's error when it does not parse.
    pub fn new(context: &Tree, dockerfile_path: &str) -> Result<Self, String> {
        let mut entries = Vec::new();
        let mut complete = true;
        for (path, node) in context.walk() {
            let rel = path.relative();
            if rel == ".drydock" || rel.starts_with(".drydock/") {
                continue;
            }
            if entries.len() >= MAX_ENTRIES {
                complete = false;
                break;
            }
            entries.push(ContextEntry {
                path: rel.to_owned(),
                is_dir: matches!(node, Node::Dir(_)),
            });
        }
        let mut matcher = None;
        if let Some(ign) = ignore_file_for(dockerfile_path, context) {
            let content = context.read_file(ign.as_str()).map_err(|e| e.to_string())?;
            let text = content
                .as_bytes()
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_default();
            let patterns = read_all(&text).map_err(|e| format!(".dockerignore: {e}"))?;
            let m = PatternMatcher::new(&patterns).map_err(|e| format!(".dockerignore: {e}"))?;
            matcher = Some(m);
        }
        Ok(Self {
            matcher,
            entries: complete.then_some(entries),
        })
    }
}

/// The config of a catalog image as the checks see it (`None` when the catalog does not have
/// `reference`).
pub fn catalog_image_facts(reference: &str) -> Option<ImageFacts> {
    let r = drydock_catalog::parse_normalized_named(reference).ok()?;
    let img = drydock_catalog::catalog().find(&r).ok()?;
    let c = &img.config;
    Some(ImageFacts {
        env: c.env.clone(),
        user: c.user.clone(),
        shell: c.shell.clone(),
        working_dir: c.working_dir.clone(),
        entrypoint: c.entrypoint.clone(),
        cmd: c.cmd.clone(),
        // Official images are multi-platform: whatever is requested is what is pulled.
        platform: None,
    })
}

impl BuildFacts for ContextFacts {
    fn base_image(&self, reference: &str, _platform: &Platform) -> Option<ImageFacts> {
        catalog_image_facts(reference)
    }

    fn dockerignore_patterns(&self) -> Option<Vec<String>> {
        let m = self.matcher.as_ref()?;
        Some(
            m.patterns()
                .iter()
                .map(|p| {
                    if p.exclusion() {
                        format!("!{}", p.as_str())
                    } else {
                        p.as_str().to_owned()
                    }
                })
                .collect(),
        )
    }

    fn is_ignored(&self, path: &str) -> bool {
        self.matcher
            .as_ref()
            .is_some_and(|m| m.matches_or_parent_matches(path).unwrap_or(false))
    }

    fn context_entries(&self) -> Option<Vec<ContextEntry>> {
        self.entries.clone()
    }
}

/// The checks a normal build of `req` runs (BuildKit's rules for the stages the target needs,
/// the build's args and platform; no learner rules): its warnings go to the `[internal] load
/// build definition` step and the summary after the build.
pub fn build_checks(parse: &Parse<'_>, req: &BuildRequest, os: &str, arch: &str) -> LintReport {
    // An ignore file that does not parse fails the build later with its own error.
    let facts = ContextFacts::new(&req.context, &req.dockerfile_path).unwrap_or_default();
    let opts = LintOptions {
        target: req.target.clone(),
        build_args: req.build_args.clone(),
        platform: Platform::new(os, arch, ""),
        all_stages: false,
        learner: false,
    };
    drydock_lint::lint(parse, &facts, &opts)
}
