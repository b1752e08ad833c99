//! Drydock's stand-in for archive files (tar, gzip, zip): a manifest of entries instead of real
//! archive bytes. Small all-text archives are stored as the manifest text; big ones (or any with
//! synthetic members) as a synthetic file of a realistic size whose description carries the
//! manifest, so a 300 MB tarball allocates nothing. `tar`, `gzip`, `unzip`, `curl` and `wget`
//! read and write it.
use super::{mkdir_p_with, parent, seed_of};
use crate::fs::{FsError, Kind};
use crate::programs::ProgramCtx;

/// The first line of a manifest.
pub(crate) const MAGIC: &str = "drydock-archive";

/// One member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    Dir {
        path: String,
        mode: u32,
    },
    Text {
        path: String,
        mode: u32,
        data: Vec<u8>,
    },
    Blob {
        path: String,
        mode: u32,
        size: u64,
        what: String,
    },
    Link {
        path: String,
        target: String,
    },
}

impl Item {
    pub fn path(&self) -> &str {
        match self {
            Item::Dir { path, .. }
            | Item::Text { path, .. }
            | Item::Blob { path, .. }
            | Item::Link { path, .. } => path,
        }
    }

    fn size(&self) -> u64 {
        match self {
            Item::Text { data, .. } => data.len() as u64,
            Item::Blob { size, .. } => *size,
            _ => 0,
        }
    }
}

/// An archive: its format (`tar`, `zip`, `gz`), compression (`gz`, `xz`, `bz2`, `zst` or empty)
/// and members.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Archive {
    pub format: String,
    pub compression: String,
    pub items: Vec<Item>,
}

fn esc(b: &[u8]) -> String {
    let mut s = String::new();
    for ch in String::from_utf8_lossy(b).chars() {
        match ch {
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\t' => s.push_str("\\t"),
            c => s.push(c),
        }
    }
    s
}

fn unesc(s: &str) -> Vec<u8> {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out.into_bytes()
}

impl Archive {
    /// The manifest text.
    pub fn encode(&self) -> String {
        let mut s = format!("{MAGIC} {} {}\n", self.format, self.compression);
        for i in &self.items {
            let line = match i {
                Item::Dir { path, mode } => format!("D\t{mode:o}\t{}", esc(path.as_bytes())),
                Item::Text { path, mode, data } => {
                    format!("F\t{mode:o}\t{}\t{}", esc(path.as_bytes()), esc(data))
                }
                Item::Blob {
                    path,
                    mode,
                    size,
                    what,
                } => format!(
                    "S\t{mode:o}\t{}\t{size}\t{}",
                    esc(path.as_bytes()),
                    esc(what.as_bytes())
                ),
                Item::Link { path, target } => {
                    format!(
                        "L\t777\t{}\t{}",
                        esc(path.as_bytes()),
                        esc(target.as_bytes())
                    )
                }
            };
            s.push_str(&line);
            s.push('\n');
        }
        s
    }

    /// Finds a manifest in file text (the bytes, or a synthetic file's placeholder).
    pub fn decode(text: &str) -> Option<Archive> {
        let start = text.find(MAGIC)?;
        let text = text.get(start..)?;
        let mut lines = text.lines();
        let head = lines.next()?;
        let mut hw = head.split(' ').skip(1);
        let mut a = Archive {
            format: hw.next().unwrap_or("tar").to_owned(),
            compression: hw.next().unwrap_or("").trim_end_matches(']').to_owned(),
            items: Vec::new(),
        };
        for l in lines {
            let f: Vec<&str> = l.split('\t').collect();
            let mode = f
                .get(1)
                .and_then(|m| u32::from_str_radix(m, 8).ok())
                .unwrap_or(0o644);
            let path =
                String::from_utf8_lossy(&unesc(f.get(2).copied().unwrap_or(""))).into_owned();
            if path.is_empty() {
                continue;
            }
            let item = match f.first().copied() {
                Some("D") => Item::Dir { path, mode },
                Some("F") => Item::Text {
                    path,
                    mode,
                    data: unesc(f.get(3).copied().unwrap_or("")),
                },
                Some("S") => Item::Blob {
                    path,
                    mode,
                    size: f.get(3).and_then(|s| s.parse().ok()).unwrap_or(0),
                    what: String::from_utf8_lossy(&unesc(f.get(4).copied().unwrap_or("")))
                        .trim_end_matches(']')
                        .to_owned(),
                },
                Some("L") => Item::Link {
                    path,
                    target: String::from_utf8_lossy(&unesc(f.get(3).copied().unwrap_or("")))
                        .into_owned(),
                },
                _ => continue,
            };
            a.items.push(item);
        }
        Some(a)
    }

    /// What the archive file would weigh: tar blocks, then the compression ratio.
    pub fn file_size(&self) -> u64 {
        let raw: u64 = match self.format.as_str() {
            "gz" => self.items.iter().map(Item::size).sum(),
            _ => {
                self.items
                    .iter()
                    .map(|i| 512 + i.size().div_ceil(512) * 512)
                    .sum::<u64>()
                    + 1024
            }
        };
        match self.compression.as_str() {
            "" if self.format == "zip" => raw * 2 / 5 + 22,
            "" => raw,
            "xz" | "zst" => raw / 4 + 32,
            _ => raw * 2 / 5 + 20,
        }
    }

    /// Writes the archive file (text when small and all-text, synthetic otherwise).
    pub fn write_to(
        &self,
        ctx: &mut ProgramCtx<'_, '_>,
        path: &str,
        mode: u32,
    ) -> Result<(), FsError> {
        let text = self.encode();
        let small =
            self.items.iter().all(|i| !matches!(i, Item::Blob { .. })) && text.len() < 64 * 1024;
        let m = ctx.new_meta(mode);
        if small {
            ctx.fs()
                .write_file(path, text.as_bytes(), crate::fs::WriteMode::Truncate, m)
        } else {
            let size = self.file_size();
            ctx.fs()
                .write_synthetic(path, size, seed_of(&text), &text, m)
        }
    }
}

/// The members of a tree on disk for `tar -c`/`zip`: names relative to `cwd` as given.
pub(crate) fn collect(ctx: &ProgramCtx<'_, '_>, abs: &str, name: &str, out: &mut Vec<Item>) {
    for p in super::walk(ctx, abs) {
        let rel = match p.strip_prefix(abs) {
            Some("") => name.to_owned(),
            Some(r) => format!("{}{r}", name.trim_end_matches('/')),
            None => continue,
        };
        let Ok(st) = ctx.rt.fs.lstat(&p) else {
            continue;
        };
        match st.kind {
            Kind::Dir => out.push(Item::Dir {
                path: format!("{}/", rel.trim_end_matches('/')),
                mode: st.mode,
            }),
            Kind::Symlink => out.push(Item::Link {
                path: rel,
                target: ctx.rt.fs.read_link(&p).unwrap_or_default(),
            }),
            Kind::File => {
                let head = ctx.rt.fs.read_prefix(&p, 64).unwrap_or_default();
                let data = ctx.rt.fs.read_file(&p).unwrap_or_default();
                let synthetic = !data.starts_with(&head) || head.len() as u64 != st.size.min(64);
                if synthetic || st.size > 1 << 20 {
                    let placeholder = String::from_utf8_lossy(&data).into_owned();
                    let what = placeholder
                        .rsplit_once(" bytes: ")
                        .map(|(_, w)| w.trim_end_matches(']').to_owned())
                        .unwrap_or_default();
                    out.push(Item::Blob {
                        path: rel,
                        mode: st.mode,
                        size: st.size,
                        what,
                    });
                } else {
                    out.push(Item::Text {
                        path: rel,
                        mode: st.mode,
                        data,
                    });
                }
            }
        }
    }
}

/// Strips `n` leading components (`--strip-components`); `None` when nothing is left.
pub(crate) fn strip(path: &str, n: usize) -> Option<String> {
    let comps: Vec<&str> = path
        .split('/')
        .filter(|c| !c.is_empty() && *c != ".")
        .collect();
    let rest = comps.get(n..)?;
    if rest.is_empty() {
        return None;
    }
    Some(rest.join("/"))
}

/// Extracts one member under `dest` (an absolute directory). Members are owned by the caller.
pub(crate) fn extract_item(
    ctx: &mut ProgramCtx<'_, '_>,
    item: &Item,
    rel: &str,
    dest: &str,
) -> Result<(), FsError> {
    let target = crate::fs::resolve(dest, rel);
    let dm = ctx.new_meta(0o755);
    mkdir_p_with(ctx, parent(&target), dm)?;
    match item {
        Item::Dir { mode, .. } => {
            if !matches!(ctx.rt.fs.stat(&target), Ok(s) if s.kind == Kind::Dir) {
                let mut m = ctx.new_meta(0o755);
                m.mode = *mode & 0o7777;
                ctx.fs().mkdir(&target, m)?;
            }
            Ok(())
        }
        Item::Text { mode, data, .. } => {
            let _ = ctx.fs().remove(&target);
            let mut m = ctx.new_meta(0o644);
            m.mode = *mode & 0o7777;
            ctx.fs()
                .write_file(&target, data, crate::fs::WriteMode::Truncate, m)
        }
        Item::Blob {
            mode, size, what, ..
        } => {
            let _ = ctx.fs().remove(&target);
            let mut m = ctx.new_meta(0o644);
            m.mode = *mode & 0o7777;
            let seed = seed_of(&format!("{rel}\n{what}"));
            ctx.fs().write_synthetic(&target, *size, seed, what, m)
        }
        Item::Link { target: t, .. } => {
            let _ = ctx.fs().remove(&target);
            let m = ctx.new_meta(0o777);
            ctx.fs().symlink(t, &target, m)
        }
    }
}
