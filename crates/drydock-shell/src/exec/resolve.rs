//! Command lookup as dash does it: special builtins, functions, regular builtins, then `$PATH`
//! in the filesystem (a name with `/` is a path); permission checks.
use crate::fs::{Kind, ShellFs, Stat, resolve};
use crate::process::User;

/// What a command name resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    SpecialBuiltin,
    Function,
    Builtin,
    /// An executable file (absolute path).
    File(String),
    /// A file was found but may not be executed.
    Denied(String),
    NotFound,
}

/// Whether `user` has permission `want` (`0o4` read, `0o2` write, `0o1` execute) on `st`.
pub fn access(user: &User, st: &Stat, want: u32) -> bool {
    if user.uid == 0 {
        // root may read and write anything, and execute what has any x bit (or a directory).
        return want & 0o1 == 0 || st.kind == Kind::Dir || st.mode & 0o111 != 0;
    }
    let bits = if st.uid == user.uid {
        (st.mode >> 6) & 7
    } else if st.gid == user.gid {
        (st.mode >> 3) & 7
    } else {
        st.mode & 7
    };
    bits & want == want
}

/// Searches `$PATH` (or takes a path) for an executable file named `name`.
pub fn find_executable(
    fs: &dyn ShellFs,
    path_var: &str,
    cwd: &str,
    user: &User,
    name: &str,
) -> Resolved {
    if name.contains('/') {
        let p = resolve(cwd, name);
        return match fs.stat(&p) {
            Ok(st) if st.kind == Kind::File && access(user, &st, 0o1) => Resolved::File(p),
            Ok(_) => Resolved::Denied(p),
            Err(_) => Resolved::NotFound,
        };
    }
    let mut denied = None;
    for dir in path_var.split(':') {
        let dir = if dir.is_empty() { "." } else { dir };
        let p = resolve(cwd, &format!("{dir}/{name}"));
        if let Ok(st) = fs.stat(&p)
            && st.kind == Kind::File
        {
            if access(user, &st, 0o1) {
                return Resolved::File(p);
            }
            denied.get_or_insert(p);
        }
    }
    match denied {
        Some(p) => Resolved::Denied(p),
        None => Resolved::NotFound,
    }
}

impl crate::state::Shell {
    /// Resolves a command name the way dash would run it.
    pub fn resolve_command(&self, fs: &dyn ShellFs, name: &str) -> Resolved {
        if !name.contains('/') {
            if crate::builtins::is_special(name) {
                return Resolved::SpecialBuiltin;
            }
            if self.funcs.contains_key(name) {
                return Resolved::Function;
            }
            if crate::builtins::lookup_in(self, name).is_some() {
                return Resolved::Builtin;
            }
        }
        let path = self.get("PATH").unwrap_or("");
        find_executable(fs, path, &self.cwd, &self.user, name)
    }
}
