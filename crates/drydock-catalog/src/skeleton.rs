//! Filesystem skeletons: catalog entries (directories, text files, symlinks, program
//! executables, big synthetic blobs) and their expansion into a flat, ordered entry list the
//! engine turns into a tree.
use serde::{Deserialize, Serialize};

/// Executables whose first line is this prefix + a name are the simulated program of that name
/// (drydock-shell's `programs::PROGRAM_MARKER`).
pub const PROGRAM_MARKER: &str = "#!drydock:program ";

/// The content of a program executable: the marker line, then optional `key=value` info lines.
pub fn program_content(name: &str, info: &str) -> String {
    let mut s = format!("{PROGRAM_MARKER}{name}\n");
    for line in info.split(';').filter(|l| !l.is_empty()) {
        s.push_str(line);
        s.push('\n');
    }
    s
}

/// A catalog entry, as written in the data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Entry {
    Dir {
        path: String,
        #[serde(default)]
        mode: Option<String>,
        #[serde(default)]
        uid: u32,
        #[serde(default)]
        gid: u32,
    },
    File {
        path: String,
        text: String,
        #[serde(default)]
        mode: Option<String>,
    },
    Link {
        path: String,
        target: String,
    },
    /// One executable per name in `dir`, each the program of that name.
    Programs {
        dir: String,
        names: Vec<String>,
    },
    /// One executable that is program `name`.
    Program {
        path: String,
        name: String,
        #[serde(default)]
        info: String,
    },
    /// A big file with synthetic content.
    Blob {
        path: String,
        size: u64,
        #[serde(default)]
        what: String,
    },
}

/// What an expanded entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkelKind {
    Dir,
    /// Real bytes.
    File(String),
    Symlink(String),
    /// Synthetic bytes: size, seed, description.
    Synthetic {
        size: u64,
        seed: u64,
        what: String,
    },
}

/// One expanded entry: absolute path, kind, permission bits and owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkelEntry {
    pub path: String,
    pub kind: SkelKind,
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
}

impl SkelEntry {
    /// Bytes this entry counts for in a layer size (files and symlinks).
    pub fn size(&self) -> u64 {
        match &self.kind {
            SkelKind::Dir => 0,
            SkelKind::File(t) => t.len() as u64,
            SkelKind::Symlink(t) => t.len() as u64,
            SkelKind::Synthetic { size, .. } => *size,
        }
    }
}

fn octal(mode: Option<&str>, default: u32) -> u32 {
    mode.and_then(|m| u32::from_str_radix(m, 8).ok())
        .unwrap_or(default)
}

/// A stable 64-bit seed for a synthetic file (FNV-1a of the text).
pub fn seed_of(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Expands entries (in order) into flat entries.
pub fn expand(entries: &[Entry], seed_prefix: &str, out: &mut Vec<SkelEntry>) {
    for e in entries {
        match e {
            Entry::Dir {
                path,
                mode,
                uid,
                gid,
            } => out.push(SkelEntry {
                path: path.clone(),
                kind: SkelKind::Dir,
                mode: octal(mode.as_deref(), 0o755),
                uid: *uid,
                gid: *gid,
            }),
            Entry::File { path, text, mode } => out.push(SkelEntry {
                path: path.clone(),
                kind: SkelKind::File(text.clone()),
                mode: octal(mode.as_deref(), 0o644),
                uid: 0,
                gid: 0,
            }),
            Entry::Link { path, target } => out.push(SkelEntry {
                path: path.clone(),
                kind: SkelKind::Symlink(target.clone()),
                mode: 0o777,
                uid: 0,
                gid: 0,
            }),
            Entry::Programs { dir, names } => {
                for n in names {
                    out.push(SkelEntry {
                        path: format!("{}/{n}", dir.trim_end_matches('/')),
                        kind: SkelKind::File(program_content(n, "")),
                        mode: 0o755,
                        uid: 0,
                        gid: 0,
                    });
                }
            }
            Entry::Program { path, name, info } => out.push(SkelEntry {
                path: path.clone(),
                kind: SkelKind::File(program_content(name, info)),
                mode: 0o755,
                uid: 0,
                gid: 0,
            }),
            Entry::Blob { path, size, what } => out.push(SkelEntry {
                path: path.clone(),
                kind: SkelKind::Synthetic {
                    size: *size,
                    seed: seed_of(&format!("{seed_prefix}{path}")),
                    what: what.clone(),
                },
                mode: 0o644,
                uid: 0,
                gid: 0,
            }),
        }
    }
}
