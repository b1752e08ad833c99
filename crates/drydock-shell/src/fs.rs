//! The filesystem seam: what the interpreter and the simulated programs need from a filesystem.
//! `drydock_vfs` implements it (see `vfs_binding.rs`); the shell knows nothing of layers.

/// What a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Symlink,
}

/// `stat` of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    pub kind: Kind,
    /// Permission bits (`0o7777`).
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub size: u64,
    /// Seconds since the epoch (virtual).
    pub mtime: i64,
}

/// Why an operation failed (errno-like).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsError {
    NotFound,
    NotADirectory,
    IsADirectory,
    AlreadyExists,
    DirectoryNotEmpty,
    TooManySymlinks,
    InvalidArgument,
    PermissionDenied,
    Other,
}

impl FsError {
    /// glibc's `strerror` text.
    pub fn message(self) -> &'static str {
        match self {
            FsError::NotFound => "No such file or directory",
            FsError::NotADirectory => "Not a directory",
            FsError::IsADirectory => "Is a directory",
            FsError::AlreadyExists => "File exists",
            FsError::DirectoryNotEmpty => "Directory not empty",
            FsError::TooManySymlinks => "Too many levels of symbolic links",
            FsError::InvalidArgument => "Invalid argument",
            FsError::PermissionDenied => "Permission denied",
            FsError::Other => "Input/output error",
        }
    }
}

/// Owner, mode and time for entries the shell creates (umask already applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewMeta {
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub mtime: i64,
}

/// How `write_file` treats existing content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    Truncate,
    Append,
}

/// A filesystem the shell runs over. All paths are absolute and already cleaned.
pub trait ShellFs {
    /// Follows symlinks.
    fn stat(&self, path: &str) -> Result<Stat, FsError>;
    /// Does not follow a final symlink.
    fn lstat(&self, path: &str) -> Result<Stat, FsError>;
    fn read_file(&self, path: &str) -> Result<Vec<u8>, FsError>;
    /// At most the first `max` bytes (program identity and shebang checks; synthetic contents
    /// need not be materialised).
    fn read_prefix(&self, path: &str, max: usize) -> Result<Vec<u8>, FsError> {
        let mut b = self.read_file(path)?;
        b.truncate(max);
        Ok(b)
    }
    /// Creates the file (with `meta`) when missing; keeps mode and owner of an existing file but
    /// sets its mtime.
    fn write_file(
        &mut self,
        path: &str,
        data: &[u8],
        mode: WriteMode,
        meta: NewMeta,
    ) -> Result<(), FsError>;
    /// Entry names of a directory, sorted bytewise.
    fn read_dir(&self, path: &str) -> Result<Vec<String>, FsError>;
    fn mkdir(&mut self, path: &str, meta: NewMeta) -> Result<(), FsError>;
    /// Removes a file, symlink or empty directory.
    fn remove(&mut self, path: &str) -> Result<(), FsError>;
    fn rename(&mut self, from: &str, to: &str) -> Result<(), FsError>;
    fn symlink(&mut self, target: &str, path: &str, meta: NewMeta) -> Result<(), FsError>;
    fn read_link(&self, path: &str) -> Result<String, FsError>;
    fn chmod(&mut self, path: &str, mode: u32) -> Result<(), FsError>;
    fn chown(&mut self, path: &str, uid: u32, gid: u32) -> Result<(), FsError>;
    /// Writes (replaces) a file of `size` deterministic synthetic bytes that are never
    /// materialised (package payloads). The default writes a short placeholder text instead.
    fn write_synthetic(
        &mut self,
        path: &str,
        size: u64,
        seed: u64,
        what: &str,
        meta: NewMeta,
    ) -> Result<(), FsError> {
        let _ = (size, seed);
        let text = format!("[synthetic file: {what}]");
        self.write_file(path, text.as_bytes(), WriteMode::Truncate, meta)
    }
    /// Copies a file's contents to `to` (created with `meta` when missing), sharing them where the
    /// filesystem can (synthetic contents stay synthetic). The default reads and writes.
    fn copy_file(&mut self, from: &str, to: &str, meta: NewMeta) -> Result<(), FsError> {
        let data = self.read_file(from)?;
        self.write_file(to, &data, WriteMode::Truncate, meta)
    }
    /// Sets the modification time. The default does nothing.
    fn set_mtime(&mut self, path: &str, mtime: i64) -> Result<(), FsError> {
        let _ = (path, mtime);
        Ok(())
    }
}

/// Joins `path` onto `cwd` and cleans it (`.`/`..`, duplicate slashes) lexically.
pub fn resolve(cwd: &str, path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("{cwd}/{path}")
    };
    let mut out: Vec<&str> = Vec::new();
    for c in joined.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    format!("/{}", out.join("/"))
}
