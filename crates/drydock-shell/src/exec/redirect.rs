//! Applying redirections to the fd table (files through the filesystem, `/dev/null`, dups,
//! closes, here-documents) with dash's error messages, and restoring the table afterwards.
use super::io::{Fd, Sink, input};
use crate::ast::{RedirOp, RedirTarget, Redirect};
use crate::expand::Ctx;
use crate::fs::{FsError, Kind, NewMeta, WriteMode, resolve};
use crate::process::Runtime;
use crate::state::Shell;

/// The fds a redirection list replaced, to put back.
#[derive(Debug, Default)]
pub(crate) struct SavedFds(Vec<(u32, Option<Fd>)>);

impl Shell {
    pub(crate) fn restore_fds(&mut self, saved: SavedFds) {
        for (fd, old) in saved.0.into_iter().rev() {
            self.fds.set(fd, old);
        }
    }

    /// Metadata for a file this shell creates (umask applied).
    pub(crate) fn new_file_meta(&self, rt: &Runtime<'_>, mode: u32) -> NewMeta {
        NewMeta {
            mode: mode & !self.umask & 0o7777,
            uid: self.user.uid,
            gid: self.user.gid,
            mtime: rt.config.mtime,
        }
    }

    /// Applies `rs`; on failure prints dash's message, restores what was applied and returns Err.
    pub(crate) fn apply_redirects(
        &mut self,
        rt: &mut Runtime<'_>,
        rs: &[Redirect],
    ) -> Result<SavedFds, ()> {
        let mut saved = SavedFds::default();
        for r in rs {
            let fd = r.fd.unwrap_or(r.op.default_fd());
            if fd as usize >= super::io::MAX_FD {
                self.errmsg(rt, &format!("{fd}: Bad file descriptor"));
                self.restore_fds(saved);
                return Err(());
            }
            match self.open_redirect(rt, r, fd) {
                Ok(new) => {
                    saved.0.push((fd, self.fds.get(fd).cloned()));
                    self.fds.set(fd, new);
                }
                Err(Some(msg)) => {
                    self.errmsg(rt, &msg);
                    self.restore_fds(saved);
                    return Err(());
                }
                Err(None) => {
                    self.restore_fds(saved);
                    return Err(());
                }
            }
        }
        Ok(saved)
    }

    /// What fd becomes; `Err(Some(msg))` for an error to print, `Err(None)` when already reported.
    fn open_redirect(
        &mut self,
        rt: &mut Runtime<'_>,
        r: &Redirect,
        fd: u32,
    ) -> Result<Option<Fd>, Option<String>> {
        let target = match &r.target {
            RedirTarget::HereDoc(doc) => {
                let body = match doc.body.get() {
                    Some(w) => self.expand_string(rt, w, Ctx::Args).map_err(|_| None)?,
                    None => String::new(),
                };
                return Ok(Some(input(body.into_bytes())));
            }
            RedirTarget::Word(w) => self.expand_string(rt, w, Ctx::Args).map_err(|_| None)?,
        };
        match r.op {
            RedirOp::DupIn | RedirOp::DupOut => {
                if target == "-" {
                    return Ok(None);
                }
                match target.parse::<u32>() {
                    Ok(n) => match self.fds.get(n) {
                        Some(f) => Ok(Some(f.clone())),
                        None => Err(Some(format!("{n}: Bad file descriptor"))),
                    },
                    Err(_) if r.op == RedirOp::DupOut && fd == 1 => {
                        // dash rejects `>&word`.
                        Err(Some(format!("{target}: Bad file descriptor")))
                    }
                    Err(_) => Err(Some(format!("{target}: Bad file descriptor"))),
                }
            }
            RedirOp::In | RedirOp::ReadWrite => {
                match target.as_str() {
                    "/dev/null" => return Ok(Some(input(Vec::new()))),
                    "/dev/stdin" => return Ok(self.fds.get(0).cloned()),
                    t => {
                        if let Some(n) = crate::programs::common::fd_path(t) {
                            return match self.fds.get(n) {
                                Some(f) => Ok(Some(f.clone())),
                                None => Err(Some(format!(
                                    "cannot open {target}: No such file or directory"
                                ))),
                            };
                        }
                    }
                }
                let path = resolve(&self.cwd, &target);
                if r.op == RedirOp::ReadWrite && fd != 0 {
                    let meta = self.new_file_meta(rt, 0o666);
                    rt.fs
                        .write_file(&path, b"", WriteMode::Append, meta)
                        .map_err(|e| Some(format!("cannot create {target}: {}", create_msg(e))))?;
                    return Ok(Some(Fd::Out(Sink::File(path))));
                }
                match rt.fs.read_file(&path) {
                    Ok(data) => Ok(Some(input(data))),
                    Err(FsError::NotFound) if r.op == RedirOp::ReadWrite => {
                        let meta = self.new_file_meta(rt, 0o666);
                        rt.fs
                            .write_file(&path, b"", WriteMode::Append, meta)
                            .map_err(|e| {
                                Some(format!("cannot create {target}: {}", create_msg(e)))
                            })?;
                        Ok(Some(input(Vec::new())))
                    }
                    Err(FsError::IsADirectory) => Ok(Some(input(Vec::new()))),
                    Err(e) => Err(Some(format!("cannot open {target}: {}", open_msg(e)))),
                }
            }
            RedirOp::Out | RedirOp::Clobber | RedirOp::Append => {
                match target.as_str() {
                    "/dev/null" => return Ok(Some(Fd::Out(Sink::Null))),
                    "/dev/stdout" => return Ok(self.fds.get(1).cloned()),
                    "/dev/stderr" => return Ok(self.fds.get(2).cloned()),
                    t => {
                        if let Some(n) = crate::programs::common::fd_path(t) {
                            return match self.fds.get(n) {
                                Some(f) => Ok(Some(f.clone())),
                                None => Err(Some(format!(
                                    "cannot create {target}: No such file or directory"
                                ))),
                            };
                        }
                    }
                }
                let path = resolve(&self.cwd, &target);
                let existing = rt.fs.stat(&path);
                if r.op == RedirOp::Out
                    && self.opts.noclobber
                    && let Ok(st) = existing
                    && st.kind == Kind::File
                {
                    return Err(Some(format!("cannot create {target}: File exists")));
                }
                if let Ok(st) = existing {
                    if st.kind == Kind::Dir {
                        return Err(Some(format!("cannot create {target}: Is a directory")));
                    }
                    if !self.may_write(&st) {
                        return Err(Some(format!("cannot create {target}: Permission denied")));
                    }
                }
                let mode = if r.op == RedirOp::Append {
                    WriteMode::Append
                } else {
                    WriteMode::Truncate
                };
                let meta = self.new_file_meta(rt, 0o666);
                rt.fs
                    .write_file(&path, b"", mode, meta)
                    .map_err(|e| Some(format!("cannot create {target}: {}", create_msg(e))))?;
                Ok(Some(Fd::Out(Sink::File(path))))
            }
            RedirOp::HereDoc => Ok(Some(input(target.into_bytes()))),
        }
    }

    /// Whether this shell's user may write a file with `st`.
    pub(crate) fn may_write(&self, st: &crate::fs::Stat) -> bool {
        crate::exec::resolve::access(&self.user, st, 0o2)
    }
}

fn create_msg(e: FsError) -> &'static str {
    match e {
        FsError::NotFound | FsError::NotADirectory => "Directory nonexistent",
        e => e.message(),
    }
}

fn open_msg(e: FsError) -> &'static str {
    match e {
        FsError::NotFound => "No such file",
        e => e.message(),
    }
}
