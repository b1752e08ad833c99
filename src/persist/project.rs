//! Project files as plain entries (the `files` array of saves and share links): text as text,
//! other bytes as base64, simulated data files by size and seed, folders and links; modes and
//! times only where they differ from the defaults.
use serde::{Deserialize, Serialize};

use drydock_vfs::{Content, ImportEntry, Node, Timestamp, Tree};

use crate::views::base64;

/// One entry of the project folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Relative to the project folder (`src/main.py`).
    pub path: String,
    /// `"dir"` or `"link"`; absent for regular files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
    /// A simulated data file: its size in bytes (with `seed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// A link's target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Permission bits, when not the default (0644 files, 0755 folders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<u32>,
    /// Modification time (seconds), when kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtime: Option<i64>,
}

/// How entries are written.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions {
    /// Keep modification times (saves do; share links don't need them).
    pub times: bool,
    /// Binary (non-text) files larger than this are written by size only, as simulated data.
    pub max_binary: Option<u64>,
}

/// What writing entries left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Binary files written by size only (`max_binary`).
    pub by_size: Vec<String>,
}

/// The entries of `tree`: folders only when empty (the others follow from their files).
pub fn to_entries(tree: &Tree, opts: WriteOptions) -> (Vec<FileEntry>, WriteReport) {
    let mut out = Vec::new();
    let mut report = WriteReport::default();
    for (path, node) in tree.walk() {
        let rel = path.as_str().trim_start_matches('/').to_owned();
        let meta = node.meta().copied();
        let mut e = FileEntry {
            path: rel.clone(),
            kind: None,
            text: None,
            base64: None,
            size: None,
            seed: None,
            about: None,
            target: None,
            mode: None,
            mtime: None,
        };
        let default_mode = match node {
            Node::Dir(d) => {
                if !d.is_empty() && meta.is_none_or(|m| m.mode & 0o7777 == 0o755) {
                    continue;
                }
                e.kind = Some("dir".into());
                0o755
            }
            Node::File(f) => {
                match &f.content {
                    Content::Bytes(b) => match std::str::from_utf8(b) {
                        Ok(t) => e.text = Some(t.to_owned()),
                        Err(_) if opts.max_binary.is_some_and(|max| b.len() as u64 > max) => {
                            report.by_size.push(rel.clone());
                            e.size = Some(b.len() as u64);
                            e.seed = Some(u64::from(crate::views::crc32::crc32(b)));
                            e.about = Some(format!("{rel}, shared by size"));
                        }
                        Err(_) => e.base64 = Some(base64::encode(b)),
                    },
                    Content::Synthetic(s) => {
                        e.size = Some(s.size);
                        e.seed = Some(s.seed);
                        e.about = s.description.as_deref().map(str::to_owned);
                    }
                }
                0o644
            }
            Node::Symlink(l) => {
                e.kind = Some("link".into());
                e.target = Some(l.target.to_string());
                0o777
            }
            Node::Whiteout => continue,
        };
        if let Some(m) = meta {
            let perm = m.mode & 0o7777;
            if perm != default_mode && !matches!(node, Node::Symlink(_)) {
                e.mode = Some(perm);
            }
            if opts.times {
                e.mtime = Some(m.mtime.secs);
            }
        }
        out.push(e);
    }
    (out, report)
}

/// The tree of `entries`; an error names the first entry that cannot be used.
pub fn from_entries(entries: &[FileEntry]) -> Result<Tree, String> {
    let mut imports = Vec::with_capacity(entries.len());
    for e in entries {
        let bad = |why: &str| format!("{}: {why}", e.path);
        if e.path.is_empty()
            || e.path.starts_with('/')
            || e.path
                .split('/')
                .any(|c| c.is_empty() || c == "." || c == "..")
        {
            return Err(bad("not a relative path"));
        }
        let mut imp = match e.kind.as_deref() {
            Some("dir") => ImportEntry::dir(&e.path),
            Some("link") => ImportEntry::symlink(&e.path, e.target.as_deref().unwrap_or("")),
            Some(other) => return Err(bad(&format!("unknown kind {other:?}"))),
            None => {
                let content = match (&e.text, &e.base64, e.size) {
                    (Some(t), _, _) => Content::text(t),
                    (None, Some(b), _) => {
                        Content::bytes(base64::decode(b).ok_or_else(|| bad("invalid base64"))?)
                    }
                    (None, None, Some(size)) => {
                        Content::synthetic(size, e.seed.unwrap_or(0), e.about.as_deref())
                    }
                    (None, None, None) => Content::empty(),
                };
                ImportEntry::file(&e.path, content)
            }
        };
        if let Some(mode) = e.mode {
            imp = imp.mode(mode & 0o7777);
        }
        if let Some(secs) = e.mtime {
            imp = imp.mtime(Timestamp::from_secs(secs));
        }
        imports.push(imp);
    }
    Tree::from_entries(imports).map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Tree {
        Tree::from_entries([
            ImportEntry::file("Dockerfile", "FROM alpine\n"),
            ImportEntry::file("run.sh", "#!/bin/sh\n").mode(0o755),
            ImportEntry::file("logo.png", Content::bytes(vec![0x89, b'P', 0, 0xff])),
            ImportEntry::file(
                "data/x.npy",
                Content::synthetic(1_000_000, 3, Some("data file")),
            ),
            ImportEntry::dir("empty"),
            ImportEntry::symlink("latest", "logo.png"),
        ])
        .unwrap()
    }

    /// Entries as compact JSON lines.
    fn json(entries: &[FileEntry]) -> String {
        entries
            .iter()
            .map(|e| serde_json::to_string(e).unwrap())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn entries_of_a_project() {
        let opts = WriteOptions {
            times: false,
            max_binary: None,
        };
        let (entries, report) = to_entries(&sample(), opts);
        assert_eq!(report, WriteReport::default());
        assert_eq!(
            json(&entries),
            r##"{"path":"Dockerfile","text":"FROM alpine\n"}
{"path":"data/x.npy","size":1000000,"seed":3,"about":"data file"}
{"path":"empty","kind":"dir"}
{"path":"latest","kind":"link","target":"logo.png"}
{"path":"logo.png","base64":"iVAA/w=="}
{"path":"run.sh","text":"#!/bin/sh\n","mode":493}"##
        );
        // And back: the same entries again.
        let back = from_entries(&entries).unwrap();
        assert_eq!(json(&to_entries(&back, opts).0), json(&entries));
    }

    #[test]
    fn large_binaries_by_size_and_times_kept() {
        let opts = WriteOptions {
            times: true,
            max_binary: Some(3),
        };
        let (entries, report) = to_entries(&sample(), opts);
        assert_eq!(report.by_size, ["logo.png"]);
        let logo = entries.iter().find(|e| e.path == "logo.png").unwrap();
        assert_eq!((logo.size, logo.base64.as_deref()), (Some(4), None));
        assert!(entries.iter().all(|e| e.mtime.is_some()));
        let back = from_entries(&entries).unwrap();
        assert_eq!(back.read_file("/logo.png").unwrap().len(), 4);
    }

    #[test]
    fn bad_entries_are_named() {
        let mut e: FileEntry =
            serde_json::from_str(r#"{"path":"../etc/passwd","text":"x"}"#).unwrap();
        assert_eq!(
            from_entries(&[e.clone()]).unwrap_err(),
            "../etc/passwd: not a relative path"
        );
        e.path = "a.bin".into();
        e.text = None;
        e.base64 = Some("!!".into());
        assert_eq!(from_entries(&[e]).unwrap_err(), "a.bin: invalid base64");
    }
}
