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

/// A catalog entry, as written in the data file. Read through the flat [`EntryRepr`]: serde's
/// internally tagged enums buffer every entry into its generic `Content` tree first, which cost
/// the web app 20 KB of code for data that is always well-formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", try_from = "EntryRepr")]
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

/// [`Entry`] as the data file writes it: `kind` and every variant's fields in one object (what a
/// kind does not use is ignored, as before).
#[derive(Deserialize)]
struct EntryRepr {
    kind: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    uid: u32,
    #[serde(default)]
    gid: u32,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    dir: Option<String>,
    #[serde(default)]
    names: Option<Vec<String>>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    info: String,
    #[serde(default)]
    size: Option<u64>,
    #[serde(default)]
    what: String,
}

impl TryFrom<EntryRepr> for Entry {
    type Error = String;

    fn try_from(r: EntryRepr) -> Result<Self, String> {
        fn need<T>(v: Option<T>, field: &str) -> Result<T, String> {
            v.ok_or_else(|| format!("missing field `{field}`"))
        }
        Ok(match r.kind.as_str() {
            "dir" => Entry::Dir {
                path: need(r.path, "path")?,
                mode: r.mode,
                uid: r.uid,
                gid: r.gid,
            },
            "file" => Entry::File {
                path: need(r.path, "path")?,
                text: need(r.text, "text")?,
                mode: r.mode,
            },
            "link" => Entry::Link {
                path: need(r.path, "path")?,
                target: need(r.target, "target")?,
            },
            "programs" => Entry::Programs {
                dir: need(r.dir, "dir")?,
                names: need(r.names, "names")?,
            },
            "program" => Entry::Program {
                path: need(r.path, "path")?,
                name: need(r.name, "name")?,
                info: r.info,
            },
            "blob" => Entry::Blob {
                path: need(r.path, "path")?,
                size: need(r.size, "size")?,
                what: r.what,
            },
            other => {
                return Err(format!(
                    "unknown variant `{other}`, expected one of `dir`, `file`, `link`, `programs`, `program`, `blob`"
                ));
            }
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_and_write_back_as_before() {
        let text = r#"[{"kind":"dir","path":"/a","mode":"0700","uid":5},
            {"kind":"file","path":"/a/f","text":"x"},
            {"kind":"link","path":"/l","target":"a"},
            {"kind":"programs","dir":"/bin","names":["sh"]},
            {"kind":"program","path":"/bin/py","name":"python","info":"v"},
            {"kind":"blob","path":"/b","size":9}]"#;
        let entries: Vec<Entry> = serde_json::from_str(text).unwrap();
        assert_eq!(
            entries[0],
            Entry::Dir {
                path: "/a".into(),
                mode: Some("0700".into()),
                uid: 5,
                gid: 0
            }
        );
        let json = serde_json::to_string(&entries).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Entry>>(&json).unwrap(), entries);
        assert!(json.starts_with(r#"[{"kind":"dir","path":"/a""#), "{json}");
        let bad = serde_json::from_str::<Entry>(r#"{"kind":"pipe","path":"/p"}"#).unwrap_err();
        assert!(bad.to_string().contains("unknown variant `pipe`"), "{bad}");
        let missing = serde_json::from_str::<Entry>(r#"{"kind":"link","path":"/p"}"#).unwrap_err();
        assert!(
            missing.to_string().contains("missing field `target`"),
            "{missing}"
        );
    }
}
