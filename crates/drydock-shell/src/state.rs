//! The state of one shell process: variables (shell vs exported, readonly), functions, positional
//! parameters, options, `$?`, working directory, umask, user, open fds and traps. Subshells clone it.
use crate::ast::Command;
use crate::exec::io::Fds;
use crate::process::{Process, User};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One shell variable.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Var {
    /// `None` for a variable that is declared (exported/readonly) but unset.
    pub value: Option<String>,
    pub exported: bool,
    pub readonly: bool,
}

/// `set` options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub errexit: bool,
    pub nounset: bool,
    pub xtrace: bool,
    pub noglob: bool,
    pub noclobber: bool,
    pub allexport: bool,
    pub verbose: bool,
    pub noexec: bool,
    pub pipefail: bool,
}

impl Options {
    /// `$-`
    pub fn flags(&self) -> String {
        let mut s = String::new();
        for (on, c) in [
            (self.errexit, 'e'),
            (self.noglob, 'f'),
            (self.noexec, 'n'),
            (self.nounset, 'u'),
            (self.verbose, 'v'),
            (self.xtrace, 'x'),
            (self.allexport, 'a'),
            (self.noclobber, 'C'),
        ] {
            if on {
                s.push(c);
            }
        }
        s
    }
}

/// Which language the shell speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// dash, as `/bin/sh` on Debian and Ubuntu.
    Dash,
    /// bash (dash's behaviour plus a few easy bash forms).
    Bash,
}

/// A shell process.
#[derive(Debug, Clone)]
pub struct Shell {
    pub vars: BTreeMap<String, Var>,
    pub funcs: BTreeMap<String, Arc<Command>>,
    pub positional: Vec<String>,
    /// `$0`, also the prefix of error messages (`/bin/sh: 1: …`).
    pub arg0: String,
    pub opts: Options,
    pub status: i32,
    pub cwd: String,
    pub umask: u32,
    pub user: User,
    pub pid: u32,
    pub last_bg: Option<u32>,
    pub traps: BTreeMap<String, String>,
    pub dialect: Dialect,
    pub(crate) fds: Fds,
    /// Saved variables of `local` in each active function call.
    pub(crate) locals: Vec<Vec<(String, Option<Var>)>>,
    pub(crate) loop_depth: u32,
    pub(crate) func_depth: u32,
    pub(crate) depth: u32,
    /// >0 while running a condition (`if`, `while`, `&&` left side, `!`): `set -e` is off.
    pub(crate) no_errexit: u32,
    /// Line of the command running now (for error prefixes).
    pub(crate) line: u32,
    /// Status of the last command substitution (what `x=$(false)` returns).
    pub(crate) subst_status: Option<i32>,
    pub(crate) is_subshell: bool,
    /// The builtin running now (dash prefixes its errors, and those of commands it runs, with it).
    pub(crate) cmdname: Option<String>,
    /// Position inside the current option group for `getopts`.
    pub(crate) getopts_pos: usize,
    /// Aliases (recorded; not expanded).
    pub(crate) aliases: BTreeMap<String, String>,
    /// Set by `exec` for the program it runs next: that program replaces the shell and keeps
    /// its pid (an entrypoint script's `exec "$@"` leaves the server as PID 1).
    pub(crate) exec_keeps_pid: bool,
}

impl Shell {
    /// A shell for `process`, named `arg0` (e.g. `/bin/sh`), with positional `args`.
    pub fn new(
        process: &Process,
        arg0: &str,
        args: Vec<String>,
        pid: u32,
        dialect: Dialect,
    ) -> Self {
        let mut vars = BTreeMap::new();
        for (k, v) in &process.env {
            if crate::lexer::is_name(k) {
                vars.insert(
                    k.clone(),
                    Var {
                        value: Some(v.clone()),
                        exported: true,
                        readonly: false,
                    },
                );
            }
        }
        vars.entry("IFS".into()).or_insert(Var {
            value: Some(" \t\n".into()),
            exported: false,
            readonly: false,
        });
        let ps = [("PS1", "# "), ("PS2", "> "), ("PS4", "+ "), ("OPTIND", "1")];
        for (k, v) in ps {
            vars.entry(k.into()).or_insert(Var {
                value: Some(v.into()),
                exported: false,
                readonly: false,
            });
        }
        let cwd = process.cwd.clone();
        vars.insert(
            "PWD".into(),
            Var {
                value: Some(cwd.clone()),
                exported: true,
                readonly: false,
            },
        );
        Self {
            vars,
            funcs: BTreeMap::new(),
            positional: args,
            arg0: arg0.to_owned(),
            opts: Options::default(),
            status: 0,
            cwd,
            umask: process.umask,
            user: process.user.clone(),
            pid,
            last_bg: None,
            traps: BTreeMap::new(),
            dialect,
            fds: Fds::standard(),
            locals: Vec::new(),
            loop_depth: 0,
            func_depth: 0,
            depth: 0,
            no_errexit: 0,
            line: 1,
            subst_status: None,
            is_subshell: false,
            cmdname: None,
            getopts_pos: 0,
            aliases: BTreeMap::new(),
            exec_keeps_pid: false,
        }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).and_then(|v| v.value.as_deref())
    }

    pub fn ifs(&self) -> String {
        match self.vars.get("IFS") {
            Some(Var { value: Some(v), .. }) => v.clone(),
            Some(Var { value: None, .. }) | None => " \t\n".into(),
        }
    }

    /// Sets a variable; `Err(message)` when it is readonly (`x: is read only`).
    pub fn set_var(&mut self, name: &str, value: String) -> Result<(), String> {
        let allexport = self.opts.allexport;
        let v = self.vars.entry(name.to_owned()).or_default();
        if v.readonly {
            return Err(format!("{name}: is read only"));
        }
        v.value = Some(value);
        if allexport {
            v.exported = true;
        }
        Ok(())
    }

    pub fn unset_var(&mut self, name: &str) -> Result<(), String> {
        if let Some(v) = self.vars.get(name)
            && v.readonly
        {
            return Err(format!("{name}: is read only"));
        }
        self.vars.remove(name);
        Ok(())
    }

    /// The exported environment, sorted by name.
    pub fn environment(&self) -> Vec<(String, String)> {
        self.vars
            .iter()
            .filter(|(_, v)| v.exported)
            .filter_map(|(k, v)| v.value.clone().map(|val| (k.clone(), val)))
            .collect()
    }
}
