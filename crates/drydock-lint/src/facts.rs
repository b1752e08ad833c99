//! `BuildFacts`: what the checks may ask about the world outside the Dockerfile (the build
//! context, its `.dockerignore`, pulled base images). The engine implements it over its VFS and
//! catalog; [`NoFacts`] answers "unknown" so the linter runs on a Dockerfile alone.
use crate::platform::Platform;
use serde::Serialize;

/// The config of a pulled base image, as far as the checks need it (Docker's field names in the
/// comments).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImageFacts {
    /// `Config.Env`, `NAME=value` entries in order.
    pub env: Vec<String>,
    /// `Config.User`.
    pub user: String,
    /// `Config.Shell` (empty when the image sets none).
    pub shell: Vec<String>,
    /// `Config.WorkingDir`.
    pub working_dir: String,
    /// `Config.Entrypoint`.
    pub entrypoint: Option<Vec<String>>,
    /// `Config.Cmd`.
    pub cmd: Option<Vec<String>>,
    /// The platform the image was pulled with; `None` for a multi-platform image that matches
    /// whatever platform is requested.
    pub platform: Option<Platform>,
}

/// One path of the build context (before `.dockerignore` filtering).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContextEntry {
    /// Context-relative, `/`-separated, no leading `./` or `/`, no trailing `/`.
    pub path: String,
    pub is_dir: bool,
}

/// Facts a build has that a Dockerfile alone does not. Every method has an "unknown" default:
/// checks that need an unknown fact stay silent rather than guess.
pub trait BuildFacts {
    /// The config of image `reference` (the FROM value after ARG expansion, e.g.
    /// `python:3.12-slim`), pulled for `platform`. `None` when the image is unknown.
    fn base_image(&self, reference: &str, platform: &Platform) -> Option<ImageFacts> {
        let _ = (reference, platform);
        None
    }

    /// The `.dockerignore` patterns that apply, as BuildKit's matcher holds them (cleaned; an
    /// exclusion keeps its leading `!`). `None` when the context has no ignore file.
    fn dockerignore_patterns(&self) -> Option<Vec<String>> {
        None
    }

    /// Whether context path `path` (context-relative, cleaned, `/`-separated) or one of its
    /// parents is excluded by `.dockerignore` (patternmatcher's `MatchesOrParentMatches`).
    fn is_ignored(&self, path: &str) -> bool {
        let _ = path;
        false
    }

    /// Every file and directory of the build context before `.dockerignore` filtering, or
    /// `None` when the context is unknown.
    fn context_entries(&self) -> Option<Vec<ContextEntry>> {
        None
    }
}

/// No facts at all: lint a Dockerfile on its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoFacts;

impl BuildFacts for NoFacts {}
