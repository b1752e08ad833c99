//! Binds the shell's filesystem seam to `drydock_vfs`: reads go through an `Upper`'s merged view,
//! writes into the `Upper` (the step's or container's writable layer).
use crate::fs::{FsError, Kind, NewMeta, ShellFs, Stat, WriteMode};
use drydock_vfs::{Content, Create, ErrorKind, FileKind, Timestamp, Upper, VfsError};

fn map_err(e: VfsError) -> FsError {
    match e.kind {
        ErrorKind::NotFound => FsError::NotFound,
        ErrorKind::NotADirectory => FsError::NotADirectory,
        ErrorKind::IsADirectory => FsError::IsADirectory,
        ErrorKind::AlreadyExists => FsError::AlreadyExists,
        ErrorKind::DirectoryNotEmpty => FsError::DirectoryNotEmpty,
        ErrorKind::TooManySymlinks => FsError::TooManySymlinks,
        ErrorKind::InvalidArgument => FsError::InvalidArgument,
        ErrorKind::PermissionDenied => FsError::PermissionDenied,
        _ => FsError::Other,
    }
}

fn map_stat(s: drydock_vfs::Stat) -> Stat {
    Stat {
        kind: match s.kind {
            FileKind::File => Kind::File,
            FileKind::Dir => Kind::Dir,
            FileKind::Symlink => Kind::Symlink,
        },
        mode: s.perm,
        uid: s.uid,
        gid: s.gid,
        size: s.size,
        mtime: s.mtime.secs,
    }
}

fn create(meta: NewMeta) -> Create {
    Create {
        mode: meta.mode,
        uid: meta.uid,
        gid: meta.gid,
    }
}

/// Sets the upper's clock to the shell's virtual time before a write.
fn stamp(upper: &mut Upper, meta: NewMeta) {
    let t = Timestamp::from_secs(meta.mtime);
    if upper.now() != t {
        upper.set_now(t);
    }
}

impl ShellFs for Upper {
    fn stat(&self, path: &str) -> Result<Stat, FsError> {
        self.tree().stat(path).map(map_stat).map_err(map_err)
    }

    fn lstat(&self, path: &str) -> Result<Stat, FsError> {
        self.tree().lstat(path).map(map_stat).map_err(map_err)
    }

    fn read_file(&self, path: &str) -> Result<Vec<u8>, FsError> {
        let c = self.tree().read_file(path).map_err(map_err)?;
        Ok(match c.placeholder() {
            Some(p) => p.into_bytes(),
            None => c.read(0, usize::try_from(c.len()).unwrap_or(usize::MAX)),
        })
    }

    fn read_prefix(&self, path: &str, max: usize) -> Result<Vec<u8>, FsError> {
        let c = self.tree().read_file(path).map_err(map_err)?;
        Ok(c.read(0, max))
    }

    fn write_file(
        &mut self,
        path: &str,
        data: &[u8],
        mode: WriteMode,
        meta: NewMeta,
    ) -> Result<(), FsError> {
        stamp(self, meta);
        let r = match mode {
            WriteMode::Truncate => {
                Upper::write_file(self, path, Content::bytes(data.to_vec()), create(meta))
            }
            WriteMode::Append => self.append_file(path, data, create(meta)),
        };
        r.map(|_| ()).map_err(map_err)
    }

    fn read_dir(&self, path: &str) -> Result<Vec<String>, FsError> {
        let entries = self.tree().read_dir(path).map_err(map_err)?;
        Ok(entries.into_iter().map(|e| e.name.to_string()).collect())
    }

    fn mkdir(&mut self, path: &str, meta: NewMeta) -> Result<(), FsError> {
        stamp(self, meta);
        Upper::mkdir(self, path, create(meta))
            .map(|_| ())
            .map_err(map_err)
    }

    fn remove(&mut self, path: &str) -> Result<(), FsError> {
        match self.tree().lstat(path).map_err(map_err)?.kind {
            FileKind::Dir => self.remove_dir(path).map_err(map_err),
            _ => self.remove_file(path).map_err(map_err),
        }
    }

    fn rename(&mut self, from: &str, to: &str) -> Result<(), FsError> {
        Upper::rename(self, from, to).map_err(map_err)
    }

    fn symlink(&mut self, target: &str, path: &str, meta: NewMeta) -> Result<(), FsError> {
        stamp(self, meta);
        Upper::symlink(self, target, path, meta.uid, meta.gid)
            .map(|_| ())
            .map_err(map_err)
    }

    fn read_link(&self, path: &str) -> Result<String, FsError> {
        self.tree()
            .read_link(path)
            .map(|s| s.to_string())
            .map_err(map_err)
    }

    fn chmod(&mut self, path: &str, mode: u32) -> Result<(), FsError> {
        Upper::chmod(self, path, mode).map(|_| ()).map_err(map_err)
    }

    fn chown(&mut self, path: &str, uid: u32, gid: u32) -> Result<(), FsError> {
        Upper::chown(self, path, uid, gid, true)
            .map(|_| ())
            .map_err(map_err)
    }

    fn write_synthetic(
        &mut self,
        path: &str,
        size: u64,
        seed: u64,
        what: &str,
        meta: NewMeta,
    ) -> Result<(), FsError> {
        stamp(self, meta);
        let what = (!what.is_empty()).then_some(what);
        Upper::write_file(
            self,
            path,
            Content::synthetic(size, seed, what),
            create(meta),
        )
        .map(|_| ())
        .map_err(map_err)
    }

    fn copy_file(&mut self, from: &str, to: &str, meta: NewMeta) -> Result<(), FsError> {
        let c = self.tree().read_file(from).map_err(map_err)?;
        stamp(self, meta);
        Upper::write_file(self, to, c, create(meta))
            .map(|_| ())
            .map_err(map_err)
    }

    fn set_mtime(&mut self, path: &str, mtime: i64) -> Result<(), FsError> {
        Upper::set_mtime(self, path, Timestamp::from_secs(mtime), true)
            .map(|_| ())
            .map_err(map_err)
    }
}
