//! The build cache: keys derived like BuildKit's (parent key + operation + the content checksums
//! of exactly the inputs it reads), entries that remember their inputs so a miss can be
//! explained, and the explanation itself ([`explain`]).
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use std::collections::BTreeMap;

use crate::reason::{FileChange, FileChangeKind, MissReason};

/// What a step's result depends on, besides its parent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheInputs {
    /// The operation as the builder sees it after expansion (`RUN /bin/sh -c make`,
    /// `COPY src/ /app/src/` with flags).
    pub op: String,
    /// Environment a RUN sees (proxy build args excluded), name → value.
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// Which of `env` came from ARG (to word reasons as build arguments).
    #[serde(default)]
    pub args: Vec<String>,
    /// Input files (COPY/ADD sources, bind-mount sources): path → content checksum.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    /// Other settings: WORKDIR, USER, mounts, network…
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
}

/// A cached step result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheEntry {
    pub key: String,
    pub parent: String,
    /// What the parent was, for people (`FROM docker.io/library/python:3.11-slim@sha256:…`).
    pub parent_label: String,
    pub inputs: CacheInputs,
    /// The layer produced (diff id) and its size.
    pub layer: String,
    pub size: u64,
    /// When the layer was created (virtual ms): history times of cached steps keep it.
    pub created_ms: i64,
    /// The build that last used it (for picking the previous version of a step).
    pub last_used: u64,
    /// When a build last used it (virtual ms) and how many builds did (`docker system df -v`).
    #[serde(default)]
    pub last_used_ms: i64,
    #[serde(default)]
    pub usage_count: u64,
    /// How long the step took when it ran (simulated ms): what a rebuild is forecast to cost.
    #[serde(default)]
    pub duration_ms: i64,
}

/// The cache key of a step.
pub fn key(parent: &str, inputs: &CacheInputs) -> String {
    let mut h = Sha256::new();
    h.update(b"drydock-cache-v1\0");
    h.update(parent.as_bytes());
    h.update(b"\0");
    h.update(inputs.op.as_bytes());
    h.update(b"\0");
    for (k, v) in &inputs.env {
        h.update(k.as_bytes());
        h.update(b"=");
        h.update(v.as_bytes());
        h.update(b"\0");
    }
    h.update(b"\x01");
    for (k, v) in &inputs.files {
        h.update(k.as_bytes());
        h.update(b"=");
        h.update(v.as_bytes());
        h.update(b"\0");
    }
    h.update(b"\x01");
    for (k, v) in &inputs.settings {
        h.update(k.as_bytes());
        h.update(b"=");
        h.update(v.as_bytes());
        h.update(b"\0");
    }
    let out: [u8; 32] = h.finalize().into();
    hex(&out)
}

/// The key of a stage's starting point.
pub fn root_key(label: &str) -> String {
    let out: [u8; 32] = Sha256::digest(format!("drydock-root\0{label}").as_bytes()).into();
    hex(&out)
}

fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

/// Explains a miss given the entry cached for the same parent (the previous version of this
/// step), or the closest entry for another parent.
pub fn explain(prev: &CacheEntry, now: &CacheInputs, same_parent: bool) -> MissReason {
    if !same_parent {
        return MissReason::BaseImageChanged {
            before: prev.parent_label.clone(),
            after: String::new(),
        };
    }
    if prev.inputs.op != now.op {
        return MissReason::InstructionChanged {
            before: prev.inputs.op.clone(),
            after: now.op.clone(),
        };
    }
    let mut changes = Vec::new();
    for (p, d) in &now.files {
        match prev.inputs.files.get(p) {
            None => changes.push(FileChange {
                path: p.clone(),
                kind: FileChangeKind::Added,
            }),
            Some(old) if old != d => changes.push(FileChange {
                path: p.clone(),
                kind: FileChangeKind::Modified,
            }),
            _ => {}
        }
    }
    for p in prev.inputs.files.keys() {
        if !now.files.contains_key(p) {
            changes.push(FileChange {
                path: p.clone(),
                kind: FileChangeKind::Removed,
            });
        }
    }
    if !changes.is_empty() {
        drydock_text::sort::sort_by(&mut changes, |a, b| a.path.cmp(&b.path));
        return MissReason::FilesChanged { changes };
    }
    let names: std::collections::BTreeSet<&String> =
        now.env.keys().chain(prev.inputs.env.keys()).collect();
    for n in names {
        let (b, a) = (prev.inputs.env.get(n), now.env.get(n));
        if b != a {
            let is_arg = now.args.contains(n) || prev.inputs.args.contains(n);
            let (before, after) = (b.cloned(), a.cloned());
            return if is_arg {
                MissReason::ArgChanged {
                    name: n.clone(),
                    before,
                    after,
                }
            } else {
                MissReason::EnvChanged {
                    name: n.clone(),
                    before,
                    after,
                }
            };
        }
    }
    let names: std::collections::BTreeSet<&String> = now
        .settings
        .keys()
        .chain(prev.inputs.settings.keys())
        .collect();
    for n in names {
        let (b, a) = (prev.inputs.settings.get(n), now.settings.get(n));
        if b != a {
            return MissReason::SettingChanged {
                setting: n.clone(),
                before: b.cloned().unwrap_or_default(),
                after: a.cloned().unwrap_or_default(),
            };
        }
    }
    MissReason::FirstBuild
}

/// One input of a step that differs from the cached version of the step: the instruction text,
/// a source file's checksum, a variable or a setting (`before`/`after` are `None` when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputChange {
    /// `instruction`, `file`, `env` or `setting`.
    pub input: String,
    /// The file path, variable or setting name (empty for the instruction).
    pub name: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

fn diff_maps(
    input: &str,
    prev: &BTreeMap<String, String>,
    now: &BTreeMap<String, String>,
    out: &mut Vec<InputChange>,
) {
    let names: std::collections::BTreeSet<&String> = prev.keys().chain(now.keys()).collect();
    for n in names {
        let (b, a) = (prev.get(n), now.get(n));
        if b != a {
            out.push(InputChange {
                input: input.to_owned(),
                name: n.clone(),
                before: b.cloned(),
                after: a.cloned(),
            });
        }
    }
}

/// Every input that differs between a cached step and the step now: the complete "diff of the
/// inputs" behind [`explain`]'s one reason.
pub fn diff(prev: &CacheInputs, now: &CacheInputs) -> Vec<InputChange> {
    let mut out = Vec::new();
    if prev.op != now.op {
        out.push(InputChange {
            input: "instruction".to_owned(),
            name: String::new(),
            before: Some(prev.op.clone()),
            after: Some(now.op.clone()),
        });
    }
    diff_maps("file", &prev.files, &now.files, &mut out);
    diff_maps("env", &prev.env, &now.env, &mut out);
    diff_maps("setting", &prev.settings, &now.settings, &mut out);
    out
}
