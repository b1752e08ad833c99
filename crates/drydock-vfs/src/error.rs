//! Filesystem errors, modelled on the errno values a Linux kernel returns (so simulated programs
//! can print the real `strerror` text).

use std::fmt;

/// The errno-like reason an operation failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `ENOENT`: a component does not exist (or a symlink dangles).
    NotFound,
    /// `ENOTDIR`: a non-final component (or a path with a trailing `/`) is not a directory.
    NotADirectory,
    /// `EISDIR`: a file operation on a directory.
    IsADirectory,
    /// `EEXIST`: the target already exists.
    AlreadyExists,
    /// `ENOTEMPTY`: removing or replacing a non-empty directory.
    DirectoryNotEmpty,
    /// `ELOOP`: more than 40 symlinks followed while resolving one path.
    TooManySymlinks,
    /// `EINVAL`: e.g. moving a directory into itself, reading a non-symlink as a link.
    InvalidArgument,
    /// `EBUSY`: removing or renaming `/`.
    Busy,
    /// `EACCES`: permission denied (reported by callers that check permissions).
    PermissionDenied,
    /// `EPERM`: operation not permitted (e.g. a hard link to a directory).
    NotPermitted,
    /// `ENAMETOOLONG`: a path of 4096 bytes or more, a name over 255 bytes, or an entry deeper
    /// than `tree::MAX_DEPTH` levels.
    NameTooLong,
    /// `ENOSYS`: not implemented by the simulator yet.
    Unsupported,
}

impl ErrorKind {
    /// The Linux errno number.
    pub const fn errno(self) -> i32 {
        match self {
            ErrorKind::NotFound => 2,
            ErrorKind::NotADirectory => 20,
            ErrorKind::IsADirectory => 21,
            ErrorKind::AlreadyExists => 17,
            ErrorKind::DirectoryNotEmpty => 39,
            ErrorKind::TooManySymlinks => 40,
            ErrorKind::InvalidArgument => 22,
            ErrorKind::Busy => 16,
            ErrorKind::PermissionDenied => 13,
            ErrorKind::NotPermitted => 1,
            ErrorKind::NameTooLong => 36,
            ErrorKind::Unsupported => 38,
        }
    }

    /// The symbolic errno name (`ENOENT`), as Python's `errno` module spells it.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "ENOENT",
            ErrorKind::NotADirectory => "ENOTDIR",
            ErrorKind::IsADirectory => "EISDIR",
            ErrorKind::AlreadyExists => "EEXIST",
            ErrorKind::DirectoryNotEmpty => "ENOTEMPTY",
            ErrorKind::TooManySymlinks => "ELOOP",
            ErrorKind::InvalidArgument => "EINVAL",
            ErrorKind::Busy => "EBUSY",
            ErrorKind::PermissionDenied => "EACCES",
            ErrorKind::NotPermitted => "EPERM",
            ErrorKind::NameTooLong => "ENAMETOOLONG",
            ErrorKind::Unsupported => "ENOSYS",
        }
    }

    /// glibc's `strerror` text (`No such file or directory`).
    pub const fn message(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "No such file or directory",
            ErrorKind::NotADirectory => "Not a directory",
            ErrorKind::IsADirectory => "Is a directory",
            ErrorKind::AlreadyExists => "File exists",
            ErrorKind::DirectoryNotEmpty => "Directory not empty",
            ErrorKind::TooManySymlinks => "Too many levels of symbolic links",
            ErrorKind::InvalidArgument => "Invalid argument",
            ErrorKind::Busy => "Device or resource busy",
            ErrorKind::PermissionDenied => "Permission denied",
            ErrorKind::NotPermitted => "Operation not permitted",
            ErrorKind::NameTooLong => "File name too long",
            ErrorKind::Unsupported => "Function not implemented",
        }
    }
}

/// A failed filesystem operation: the reason and the path as the caller gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VfsError {
    /// The errno-like reason.
    pub kind: ErrorKind,
    /// The path the operation was about (as given, not resolved).
    pub path: String,
}

impl VfsError {
    /// A new error about `path`.
    pub fn new(kind: ErrorKind, path: impl Into<String>) -> Self {
        VfsError {
            kind,
            path: path.into(),
        }
    }
}

impl fmt::Display for VfsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind.message())
    }
}

impl std::error::Error for VfsError {}

/// Result alias for filesystem operations.
pub type VfsResult<T> = Result<T, VfsError>;
