//! Writing package payloads: catalog skeleton entries (program executables, links, special
//! files, synthetic blobs) and generic synthetic payload files, as root, recording every path
//! written (for dpkg's `.list` files, pip's `RECORD`, `apk info -L`).
use super::{mkdir_p_root, parent, root_meta, seed_of};
use crate::fs::{Kind, WriteMode};
use crate::programs::ProgramCtx;
use drydock_catalog::{Entry, SkelKind};

/// What an installation wrote.
#[derive(Debug, Default, Clone)]
pub(crate) struct Written {
    pub paths: Vec<String>,
    pub bytes: u64,
}

impl Written {
    fn note(&mut self, path: &str, bytes: u64) {
        self.paths.push(path.to_owned());
        self.bytes += bytes;
    }
}

/// Writes catalog entries (as skeletons describe them) under the root filesystem.
pub(crate) fn entries(ctx: &mut ProgramCtx<'_, '_>, list: &[Entry], seed: &str, out: &mut Written) {
    let mut flat = Vec::new();
    drydock_catalog::skeleton::expand(list, seed, &mut flat);
    for e in flat {
        let _ = mkdir_p_root(ctx, parent(&e.path));
        let meta = crate::fs::NewMeta {
            mode: e.mode,
            uid: e.uid,
            gid: e.gid,
            mtime: ctx.rt.config.mtime,
        };
        match &e.kind {
            SkelKind::Dir => {
                if !matches!(ctx.rt.fs.stat(&e.path), Ok(s) if s.kind == Kind::Dir) {
                    let _ = ctx.fs().mkdir(&e.path, meta);
                }
            }
            SkelKind::File(t) => {
                let _ = ctx.fs().remove(&e.path);
                let _ = ctx
                    .fs()
                    .write_file(&e.path, t.as_bytes(), WriteMode::Truncate, meta);
                out.note(&e.path, t.len() as u64);
            }
            SkelKind::Symlink(t) => {
                let _ = ctx.fs().remove(&e.path);
                let _ = ctx.fs().symlink(t, &e.path, meta);
                out.note(&e.path, t.len() as u64);
            }
            SkelKind::Synthetic { size, seed, what } => {
                let _ = ctx.fs().write_synthetic(&e.path, *size, *seed, what, meta);
                out.note(&e.path, *size);
            }
        }
    }
}

/// Writes a text file as root (0644 or `mode`), creating parents.
pub(crate) fn text(
    ctx: &mut ProgramCtx<'_, '_>,
    path: &str,
    body: &str,
    mode: u32,
    out: &mut Written,
) {
    let _ = mkdir_p_root(ctx, parent(path));
    let m = root_meta(ctx, mode);
    let _ = ctx
        .fs()
        .write_file(path, body.as_bytes(), WriteMode::Truncate, m);
    out.note(path, body.len() as u64);
}

/// Writes a synthetic payload of `size` bytes as root, creating parents.
pub(crate) fn blob(
    ctx: &mut ProgramCtx<'_, '_>,
    path: &str,
    size: u64,
    what: &str,
    out: &mut Written,
) {
    let _ = mkdir_p_root(ctx, parent(path));
    let m = root_meta(ctx, 0o644);
    let seed = seed_of(&format!("{path}\n{what}"));
    let _ = ctx.fs().write_synthetic(path, size, seed, what, m);
    out.note(path, size);
}

/// Removes files a package wrote (and directories left empty), newest first.
pub(crate) fn remove_paths(ctx: &mut ProgramCtx<'_, '_>, paths: &[String]) {
    for p in paths.iter().rev() {
        let _ = ctx.fs().remove(p);
        let mut dir = parent(p).to_owned();
        while dir != "/" && ctx.rt.fs.read_dir(&dir).is_ok_and(|v| v.is_empty()) {
            if ctx.fs().remove(&dir).is_err() {
                break;
            }
            dir = parent(&dir).to_owned();
        }
    }
}
