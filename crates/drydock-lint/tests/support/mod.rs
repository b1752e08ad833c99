//! Test facts shared by the linter's test runners: a build context from a list of paths, a
//! `.dockerignore` through drydock-vfs's matcher, base images from drydock-catalog.
#![allow(dead_code)]

use drydock_lint::{BuildFacts, ContextEntry, ImageFacts, Platform};
use drydock_vfs::ignore::{PatternMatcher, read_all};

/// Facts built from test data.
pub struct Facts {
    matcher: Option<PatternMatcher>,
    entries: Option<Vec<ContextEntry>>,
}

impl Facts {
    /// `paths`: context files (directories end with `/`; parents are implied). `None` = the
    /// context is unknown. `dockerignore`: the ignore file's text.
    pub fn new(paths: Option<&[&str]>, dockerignore: Option<&str>) -> Self {
        let entries = paths.map(|paths| {
            let mut out: Vec<ContextEntry> = Vec::new();
            let mut add = |p: &str, is_dir: bool| {
                if !p.is_empty() && !out.iter().any(|e| e.path == p) {
                    out.push(ContextEntry {
                        path: p.to_owned(),
                        is_dir,
                    });
                }
            };
            for p in paths {
                let p = p.trim();
                if p.is_empty() || p.starts_with('#') {
                    continue;
                }
                let is_dir = p.ends_with('/');
                let clean = p.trim_end_matches('/');
                let parts: Vec<&str> = clean.split('/').collect();
                for k in 1..parts.len() {
                    add(&parts[..k].join("/"), true);
                }
                add(clean, is_dir);
            }
            out
        });
        let matcher = dockerignore.map(|t| PatternMatcher::new(&read_all(t).unwrap()).unwrap());
        Self { matcher, entries }
    }
}

impl BuildFacts for Facts {
    fn base_image(&self, reference: &str, _platform: &Platform) -> Option<ImageFacts> {
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
            platform: None,
        })
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

/// A text split into `--- name` sections (the text before the first section is `""`).
pub fn sections(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![(String::new(), String::new())];
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("--- ") {
            out.push((name.trim().to_owned(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
        }
    }
    out
}
