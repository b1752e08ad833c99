//! File metadata: kind, permission bits, owner, virtual modification time, and `Stat` (what
//! `stat`/`ls -l` show).

use std::fmt;

/// A point in virtual time (seconds + nanoseconds since the Unix epoch). Never read from a real
/// clock: the engine passes it in from its seeded configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp {
    /// Whole seconds since 1970-01-01T00:00:00Z (may be negative).
    pub secs: i64,
    /// Nanoseconds, `0..1_000_000_000`.
    pub nanos: u32,
}

impl Timestamp {
    /// The epoch (`0`), the default for imported entries.
    pub const EPOCH: Timestamp = Timestamp { secs: 0, nanos: 0 };

    /// A whole-second timestamp.
    pub const fn from_secs(secs: i64) -> Self {
        Timestamp { secs, nanos: 0 }
    }
}

/// What kind of entry a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    /// Regular file.
    File,
    /// Directory.
    Dir,
    /// Symbolic link.
    Symlink,
}

impl FileKind {
    /// The `S_IFMT` bits of this kind.
    pub const fn type_bits(self) -> u32 {
        match self {
            FileKind::File => S_IFREG,
            FileKind::Dir => S_IFDIR,
            FileKind::Symlink => S_IFLNK,
        }
    }

    /// The first character of `ls -l`'s mode column.
    pub const fn type_char(self) -> char {
        match self {
            FileKind::File => '-',
            FileKind::Dir => 'd',
            FileKind::Symlink => 'l',
        }
    }
}

/// `S_IFMT` mask.
pub const S_IFMT: u32 = 0o170_000;
/// Regular file type bits.
pub const S_IFREG: u32 = 0o100_000;
/// Directory type bits.
pub const S_IFDIR: u32 = 0o040_000;
/// Symlink type bits.
pub const S_IFLNK: u32 = 0o120_000;
/// All permission bits including setuid, setgid and sticky.
pub const PERM_MASK: u32 = 0o7777;

/// Owner, permissions and time of an entry (the kind lives in the node itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Metadata {
    /// Permission bits (`0o7777` mask: rwx for user/group/other plus setuid/setgid/sticky).
    pub mode: u32,
    /// Owner user id.
    pub uid: u32,
    /// Owner group id.
    pub gid: u32,
    /// Last modification time.
    pub mtime: Timestamp,
}

impl Metadata {
    /// Metadata with the given permission bits, owned by root, at the epoch.
    pub const fn with_mode(mode: u32) -> Self {
        Metadata {
            mode: mode & PERM_MASK,
            uid: 0,
            gid: 0,
            mtime: Timestamp::EPOCH,
        }
    }

    /// `0o755 root:root` at the epoch: the default for directories.
    pub const fn dir_default() -> Self {
        Metadata::with_mode(0o755)
    }

    /// `0o644 root:root` at the epoch: the default for files.
    pub const fn file_default() -> Self {
        Metadata::with_mode(0o644)
    }

    /// `0o777 root:root` at the epoch: symlinks.
    pub const fn symlink_default() -> Self {
        Metadata::with_mode(0o777)
    }

    /// Same metadata with another owner.
    pub const fn owned_by(self, uid: u32, gid: u32) -> Self {
        Metadata { uid, gid, ..self }
    }

    /// Same metadata with another mtime.
    pub const fn at(self, mtime: Timestamp) -> Self {
        Metadata { mtime, ..self }
    }
}

/// What `stat(2)` reports about an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stat {
    /// File, directory or symlink.
    pub kind: FileKind,
    /// Permission bits (`0o7777` mask).
    pub perm: u32,
    /// Owner user id.
    pub uid: u32,
    /// Owner group id.
    pub gid: u32,
    /// Size in bytes: file length, symlink target length, 4096 for directories (as ext4/overlay
    /// report in `ls -l`).
    pub size: u64,
    /// Modification time.
    pub mtime: Timestamp,
    /// Link count: 1 for files and symlinks, 2 + number of subdirectories for directories.
    pub nlink: u64,
}

impl Stat {
    /// Full `st_mode` (type bits | permission bits).
    pub fn st_mode(&self) -> u32 {
        self.kind.type_bits() | self.perm
    }

    /// `ls -l`'s mode column, e.g. `drwxr-xr-x`, `-rwsr-xr-x`, `drwxrwxrwt`.
    pub fn mode_string(&self) -> String {
        mode_string(self.kind, self.perm)
    }
}

/// `ls -l`'s mode column for a kind and permission bits.
pub fn mode_string(kind: FileKind, perm: u32) -> String {
    let mut s = String::with_capacity(10);
    s.push(kind.type_char());
    let bit = |m: u32, c: char| if perm & m != 0 { c } else { '-' };
    let special = |x: bool, set: bool, on: char, off: char| match (set, x) {
        (true, true) => on,
        (true, false) => off,
        (false, true) => 'x',
        (false, false) => '-',
    };
    s.push(bit(0o400, 'r'));
    s.push(bit(0o200, 'w'));
    s.push(special(perm & 0o100 != 0, perm & 0o4000 != 0, 's', 'S'));
    s.push(bit(0o040, 'r'));
    s.push(bit(0o020, 'w'));
    s.push(special(perm & 0o010 != 0, perm & 0o2000 != 0, 's', 'S'));
    s.push(bit(0o004, 'r'));
    s.push(bit(0o002, 'w'));
    s.push(special(perm & 0o001 != 0, perm & 0o1000 != 0, 't', 'T'));
    s
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::File => "regular file",
            FileKind::Dir => "directory",
            FileKind::Symlink => "symbolic link",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mode_strings() {
        for (kind, perm, want) in [
            (FileKind::Dir, 0o755, "drwxr-xr-x"),
            (FileKind::File, 0o4755, "-rwsr-xr-x"),
            (FileKind::Dir, 0o1777, "drwxrwxrwt"),
            (FileKind::File, 0o2644, "-rw-r-Sr--"),
            (FileKind::Symlink, 0o777, "lrwxrwxrwx"),
        ] {
            assert_eq!(mode_string(kind, perm), want);
        }
    }
}
