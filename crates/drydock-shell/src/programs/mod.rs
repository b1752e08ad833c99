//! The seam for simulated programs: the `Programs` registry trait, `ProgramCtx` (what a running
//! program sees: fs, env, cwd, user, stdout/stderr), program identity of executable files, and
//! running a file (marker, `#!` interpreter, or plain shell script). One file per program.
pub(crate) mod common;
mod core;
mod env;
mod pkg;
mod sh;
mod table;
mod tools;

pub use env::Env;
pub use sh::Sh;
pub use tools::python::{
    bound_names as python_bound_names, compiler as python_compiler,
    name_column as python_name_column, prompt_value as python_prompt_value,
    split_args as python_split_args,
};
pub use tools::python_value::{constant as python_constant, torch_query as python_torch_query};

use crate::exec::io::{Sink, write_sink};
use crate::fs::{Kind, NewMeta, ShellFs, resolve};
use crate::process::{Runtime, User};
use std::collections::BTreeMap;

/// A program's exit status.
pub type ExitStatus = i32;

/// Executable files whose first line is `#!drydock:program NAME` are the simulated program NAME.
pub const PROGRAM_MARKER: &str = "#!drydock:program ";

/// The content that marks an executable file as program `name`.
pub fn program_marker(name: &str) -> Vec<u8> {
    format!("{PROGRAM_MARKER}{name}\n").into_bytes()
}

/// A registry of simulated programs.
pub trait Programs {
    /// Whether the registry simulates `name`.
    fn contains(&self, name: &str) -> bool;
    /// Runs program `name` with `argv` (argv[0] as invoked) and `stdin`.
    fn run(
        &self,
        name: &str,
        ctx: &mut ProgramCtx<'_, '_>,
        argv: &[String],
        stdin: &[u8],
    ) -> ExitStatus;
}

/// One simulated program.
pub trait Program {
    fn run(&self, ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> ExitStatus;
}

/// A name → program map. [`Registry::with_shells`] holds `sh`, `dash`, `bash` and `env`.
#[derive(Default)]
pub struct Registry {
    programs: BTreeMap<String, Box<dyn Program>>,
}

impl Registry {
    pub fn new() -> Self {
        Self::default()
    }

    /// The programs this crate simulates itself.
    pub fn with_shells() -> Self {
        let mut r = Self::new();
        r.register("sh", Box::new(Sh { bash: false }));
        r.register("dash", Box::new(Sh { bash: false }));
        r.register("bash", Box::new(Sh { bash: true }));
        r.register("env", Box::new(Env));
        r
    }

    /// Every program Drydock simulates: the shells, coreutils/busybox, package managers and
    /// tools (see `table.rs`). This is the registry the engine runs RUN with.
    pub fn standard() -> Self {
        let mut r = Self::with_shells();
        table::register_all(&mut r);
        r
    }

    /// The names this registry simulates.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.programs.keys().map(String::as_str)
    }

    pub fn register(&mut self, name: &str, p: Box<dyn Program>) {
        self.programs.insert(name.to_owned(), p);
    }
}

impl Programs for Registry {
    fn contains(&self, name: &str) -> bool {
        self.programs.contains_key(name)
    }

    fn run(
        &self,
        name: &str,
        ctx: &mut ProgramCtx<'_, '_>,
        argv: &[String],
        stdin: &[u8],
    ) -> ExitStatus {
        match self.programs.get(name) {
            Some(p) => p.run(ctx, argv, stdin),
            None => 126,
        }
    }
}

/// What a running program sees.
pub struct ProgramCtx<'r, 'a> {
    pub rt: &'r mut Runtime<'a>,
    /// The environment, sorted by name.
    pub env: Vec<(String, String)>,
    pub cwd: String,
    pub user: User,
    pub umask: u32,
    pub pid: u32,
    /// Absolute path of the executable file being run.
    pub path: String,
    pub(crate) stdout: Sink,
    pub(crate) stderr: Sink,
    pub(crate) depth: u32,
    /// Set by programs that read their stdin (the calling shell then sees it consumed).
    pub consumed_stdin: bool,
    /// The unread input of the process's other open input fds (3–9), by fd: what
    /// `/proc/self/fd/N` and `/dev/fd/N` read (here-documents such as `3<<EOF`).
    pub(crate) fd_inputs: Vec<(u32, Vec<u8>)>,
}

/// Why a file could not be run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExecError {
    NotFound,
    PermissionDenied,
    /// Something the simulation cannot run (the text says what).
    NotSimulated(String),
}

impl ProgramCtx<'_, '_> {
    /// Whether the program's stdout is the terminal (`isatty(1)`): a tty and not redirected.
    pub fn stdout_is_tty(&self) -> bool {
        self.rt.config.tty && matches!(self.stdout, Sink::Stdout | Sink::Stderr)
    }

    pub fn stdout(&mut self, bytes: &[u8]) {
        let s = self.stdout.clone();
        write_sink(self.rt, &s, bytes);
    }

    pub fn stderr(&mut self, bytes: &[u8]) {
        let s = self.stderr.clone();
        write_sink(self.rt, &s, bytes);
    }

    pub fn fs(&mut self) -> &mut dyn ShellFs {
        &mut *self.rt.fs
    }

    /// `path` made absolute against the working directory.
    pub fn abs(&self, path: &str) -> String {
        resolve(&self.cwd, path)
    }

    /// Metadata for a new entry with `mode` (umask applied), owned by the user, stamped now.
    pub fn new_meta(&self, mode: u32) -> NewMeta {
        NewMeta {
            mode: mode & !self.umask & 0o7777,
            uid: self.user.uid,
            gid: self.user.gid,
            mtime: self.rt.config.mtime,
        }
    }

    pub fn get_env(&self, name: &str) -> Option<&str> {
        self.env
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Runs another command as execvp would (PATH search when `argv[0]` has no `/`).
    pub fn exec(&mut self, argv: &[String], stdin: &[u8]) -> Result<ExitStatus, ExecError> {
        let Some(name) = argv.first() else {
            return Err(ExecError::NotFound);
        };
        let path_var = self
            .get_env("PATH")
            .unwrap_or("/usr/local/bin:/usr/bin:/bin")
            .to_owned();
        let resolved = crate::exec::resolve::find_executable(
            &*self.rt.fs,
            &path_var,
            &self.cwd,
            &self.user,
            name,
        );
        let path = match resolved {
            crate::exec::resolve::Resolved::File(p) => p,
            crate::exec::resolve::Resolved::Denied(_) => return Err(ExecError::PermissionDenied),
            _ => return Err(ExecError::NotFound),
        };
        let pid = self.rt.alloc_pid();
        let mut child = ProgramCtx {
            rt: &mut *self.rt,
            env: self.env.clone(),
            cwd: self.cwd.clone(),
            user: self.user.clone(),
            umask: self.umask,
            pid,
            path: path.clone(),
            stdout: self.stdout.clone(),
            stderr: self.stderr.clone(),
            depth: self.depth + 1,
            consumed_stdin: false,
            fd_inputs: self.fd_inputs.clone(),
        };
        let r = exec_file(&mut child, &path, argv, stdin);
        self.consumed_stdin |= child.consumed_stdin;
        r
    }
}

/// Runs the executable file at `path` (absolute) by its identity.
pub fn exec_file(
    ctx: &mut ProgramCtx<'_, '_>,
    path: &str,
    argv: &[String],
    stdin: &[u8],
) -> Result<ExitStatus, ExecError> {
    if ctx.depth > ctx.rt.config.limits.max_depth {
        return Err(ExecError::NotSimulated(
            "simulation nesting limit exceeded".into(),
        ));
    }
    let st = ctx.rt.fs.stat(path).map_err(|_| ExecError::NotFound)?;
    if st.kind != Kind::File || !crate::exec::resolve::access(&ctx.user, &st, 0o1) {
        return Err(ExecError::PermissionDenied);
    }
    let head = ctx
        .rt
        .fs
        .read_prefix(path, 256)
        .map_err(|_| ExecError::NotFound)?;
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let first = String::from_utf8_lossy(first_line).into_owned();
    ctx.path = path.to_owned();
    if let Some(name) = first.strip_prefix(PROGRAM_MARKER) {
        let name = name.trim();
        let programs: &dyn Programs = ctx.rt.programs;
        if !programs.contains(name) {
            return Err(ExecError::NotSimulated(format!(
                "program `{name}` is not simulated"
            )));
        }
        return Ok(programs.run(name, ctx, argv, stdin));
    }
    if let Some(rest) = first.strip_prefix("#!") {
        let rest = rest.trim();
        let (interp, arg) = match rest.split_once([' ', '\t']) {
            Some((i, a)) => (i, Some(a.trim())),
            None => (rest, None),
        };
        if interp.is_empty() {
            return Err(ExecError::NotSimulated("empty #! line".into()));
        }
        let mut new_argv = vec![interp.to_owned()];
        if let Some(a) = arg.filter(|a| !a.is_empty()) {
            new_argv.push(a.to_owned());
        }
        // the kernel passes the path execve got: the name as typed when it has a `/`, else the
        // PATH candidate
        let script = match argv.first() {
            Some(a0) if a0.contains('/') => a0.clone(),
            _ => path.to_owned(),
        };
        new_argv.push(script);
        new_argv.extend(argv.iter().skip(1).cloned());
        let interp_path = resolve(&ctx.cwd, interp);
        ctx.depth += 1;
        let r = exec_file(ctx, &interp_path, &new_argv, stdin);
        ctx.depth -= 1;
        return r;
    }
    if head.contains(&0) || head.starts_with(b"\x7fELF") {
        return Err(ExecError::NotSimulated(
            "binary executable is not simulated".into(),
        ));
    }
    // No `#!`: the shell runs the file as a script itself (execve's ENOEXEC fallback).
    let mut sh_argv = vec!["sh".to_owned(), path.to_owned()];
    sh_argv.extend(argv.iter().skip(1).cloned());
    let arg0 = argv.first().cloned().unwrap_or_else(|| path.to_owned());
    Ok(sh::run_file(
        ctx,
        false,
        &arg0,
        path,
        argv.get(1..).unwrap_or(&[]),
        stdin,
    ))
}
