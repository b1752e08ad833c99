//! The interpreter core: control flow (`Flow`), lists and and-or lists, `set -e`, the step budget,
//! error messages with dash's `sh: LINE:` prefix, and running a whole script.
mod compound;
mod double_bracket;
pub(crate) mod external;
pub mod io;
mod pipeline;
pub(crate) mod redirect;
pub(crate) mod resolve;
mod simple;
mod subst;

use crate::ast::{AndOr, AndOrOp, Command, List, Script};
use crate::process::Runtime;
use crate::state::Shell;
use io::write_sink;

/// Non-local control flow out of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Break(u32),
    Continue(u32),
    Return(i32),
    /// The shell (or subshell) exits with this status.
    Exit(i32),
}

/// A command's result: its exit status, or control flow.
pub type Exec = Result<i32, Flow>;

/// Exit status when a limit of the simulation was hit.
pub const LIMIT_STATUS: i32 = 124;

impl Shell {
    /// Writes to the shell's fd `fd`; `false` when it is not open for writing.
    pub(crate) fn write_fd(&mut self, rt: &mut Runtime<'_>, fd: u32, bytes: &[u8]) -> bool {
        match self.fds.sink(fd) {
            Some(s) => {
                write_sink(rt, &s, bytes);
                true
            }
            None => false,
        }
    }

    pub(crate) fn out(&mut self, rt: &mut Runtime<'_>, s: &str) {
        self.write_fd(rt, 1, s.as_bytes());
    }

    pub(crate) fn err(&mut self, rt: &mut Runtime<'_>, s: &str) {
        self.write_fd(rt, 2, s.as_bytes());
    }

    /// Prints `ARG0: LINE: msg` on stderr, as dash does.
    pub(crate) fn errmsg(&mut self, rt: &mut Runtime<'_>, msg: &str) {
        let at = match self.dialect {
            crate::state::Dialect::Dash => self.line.to_string(),
            crate::state::Dialect::Bash => format!("line {}", self.line),
        };
        let line = match &self.cmdname {
            Some(b) => format!("{}: {at}: {b}: {msg}\n", self.arg0),
            None => format!("{}: {at}: {msg}\n", self.arg0),
        };
        self.err(rt, &line);
    }

    /// Reports an error that ends a non-interactive shell (status 2).
    pub(crate) fn fatal(&mut self, rt: &mut Runtime<'_>, msg: &str) -> Flow {
        self.errmsg(rt, msg);
        self.status = 2;
        Flow::Exit(2)
    }

    /// Counts one step of the budget; past it the whole run unwinds.
    pub(crate) fn step(&mut self, rt: &mut Runtime<'_>) -> Result<(), Flow> {
        if let Some(code) = rt.aborted {
            return Err(Flow::Exit(code));
        }
        rt.steps += 1;
        if rt.steps > rt.config.limits.max_steps {
            let msg = format!(
                "simulation step limit exceeded ({} steps): the script was stopped",
                rt.config.limits.max_steps
            );
            self.errmsg(rt, &msg);
            rt.aborted = Some(LIMIT_STATUS);
            return Err(Flow::Exit(LIMIT_STATUS));
        }
        if rt.output.truncated {
            rt.aborted = Some(LIMIT_STATUS);
            rt.notes.push(format!(
                "simulation output limit exceeded ({} bytes): the script was stopped",
                rt.config.limits.max_output
            ));
            return Err(Flow::Exit(LIMIT_STATUS));
        }
        Ok(())
    }

    /// Runs a parsed script as the top level of this shell: the complete commands in order, then
    /// the syntax error that stopped the parse (if reached), then the EXIT trap. Returns the
    /// shell's exit status.
    pub fn run_script(&mut self, rt: &mut Runtime<'_>, script: &Script) -> i32 {
        let mut exited = false;
        for cmd in &script.commands {
            match self.exec_list(rt, cmd) {
                Ok(s) => self.status = s,
                Err(Flow::Exit(s)) | Err(Flow::Return(s)) => {
                    self.status = s;
                    exited = true;
                    break;
                }
                Err(Flow::Break(_)) | Err(Flow::Continue(_)) => {}
            }
        }
        if !exited && let Some(e) = &script.error {
            self.line = e.line;
            let msg = e.message.clone();
            self.errmsg(rt, &msg);
            self.status = 2;
        }
        self.run_exit_trap(rt);
        self.status
    }

    /// Runs one line typed at an interactive prompt: its complete commands in order, then the
    /// syntax error that stopped the parse (if any). Returns `Some(status)` when the shell exits
    /// (`exit`, a limit of the simulation) after running the EXIT trap, `None` while it keeps
    /// reading lines.
    pub fn run_interactive(&mut self, rt: &mut Runtime<'_>, script: &Script) -> Option<i32> {
        for cmd in &script.commands {
            match self.exec_list(rt, cmd) {
                Ok(s) => self.status = s,
                Err(Flow::Exit(s)) => {
                    self.status = s;
                    self.run_exit_trap(rt);
                    return Some(self.status);
                }
                Err(Flow::Return(s)) => self.status = s,
                Err(Flow::Break(_)) | Err(Flow::Continue(_)) => {}
            }
        }
        if let Some(e) = &script.error {
            self.line = e.line;
            let msg = e.message.clone();
            self.errmsg(rt, &msg);
            self.status = 2;
        }
        None
    }

    /// Runs the EXIT trap once (traps are recorded; only EXIT/0 runs, at exit).
    pub(crate) fn run_exit_trap(&mut self, rt: &mut Runtime<'_>) {
        let action = self.traps.remove("EXIT").or_else(|| self.traps.remove("0"));
        if let Some(action) = action {
            if action.is_empty() || rt.aborted.is_some() {
                return;
            }
            let status = self.status;
            let script = crate::parser::parse_with(&action, self.parse_options());
            for cmd in &script.commands {
                if self.exec_list(rt, cmd).is_err() {
                    break;
                }
            }
            self.status = status;
        }
    }

    pub(crate) fn parse_options(&self) -> crate::parser::ParseOptions {
        crate::parser::ParseOptions {
            bash: self.dialect == crate::state::Dialect::Bash,
        }
    }

    pub(crate) fn exec_list(&mut self, rt: &mut Runtime<'_>, list: &List) -> Exec {
        let mut status = self.status;
        for item in &list.items {
            if self.opts.noexec {
                break;
            }
            status = self.exec_and_or(rt, item)?;
            self.status = status;
        }
        Ok(status)
    }

    fn exec_and_or(&mut self, rt: &mut Runtime<'_>, ao: &AndOr) -> Exec {
        if ao.background {
            rt.notes.push(format!(
                "line {}: `&` ran the command in the foreground (background jobs are not simulated)",
                self.line
            ));
        }
        let n = ao.rest.len();
        let mut status = if n > 0 {
            self.no_errexit += 1;
            let r = self.exec_pipeline(rt, &ao.first);
            self.no_errexit -= 1;
            r?
        } else {
            self.exec_pipeline(rt, &ao.first)?
        };
        self.status = status;
        for (i, (op, p)) in ao.rest.iter().enumerate() {
            let run = match op {
                AndOrOp::And => status == 0,
                AndOrOp::Or => status != 0,
            };
            if !run {
                continue;
            }
            let last = i + 1 == n;
            if !last {
                self.no_errexit += 1;
            }
            let r = self.exec_pipeline(rt, p);
            if !last {
                self.no_errexit -= 1;
            }
            status = r?;
            self.status = status;
        }
        if ao.background {
            let pid = rt.alloc_pid();
            self.last_bg = Some(pid);
            status = 0;
        }
        Ok(status)
    }

    /// `set -e`: exits when a command failed outside a tested context.
    pub(crate) fn check_errexit(&mut self, status: i32) -> Exec {
        if status != 0 && self.opts.errexit && self.no_errexit == 0 {
            return Err(Flow::Exit(status));
        }
        Ok(status)
    }

    pub(crate) fn exec_command(&mut self, rt: &mut Runtime<'_>, cmd: &Command) -> Exec {
        match cmd {
            Command::Simple(c) => self.exec_simple(rt, c),
            Command::Compound(c) => self.exec_compound(rt, c),
            Command::Function(f) => {
                self.funcs
                    .insert(f.name.clone(), std::sync::Arc::clone(&f.body));
                Ok(0)
            }
        }
    }

    /// Runs `f` in a copy of this shell (a subshell): nothing it changes survives.
    pub(crate) fn subshell(
        &mut self,
        rt: &mut Runtime<'_>,
        f: impl FnOnce(&mut Shell, &mut Runtime<'_>) -> Exec,
    ) -> Exec {
        if self.depth >= rt.config.limits.max_depth {
            return Err(self.fatal(rt, "simulation nesting limit exceeded"));
        }
        let mut child = self.clone();
        child.is_subshell = true;
        child.depth += 1;
        child.traps.clear();
        let status = match f(&mut child, rt) {
            Ok(s) => s,
            Err(Flow::Exit(s)) | Err(Flow::Return(s)) => s,
            Err(Flow::Break(_)) | Err(Flow::Continue(_)) => child.status,
        };
        child.status = status;
        child.run_exit_trap(rt);
        if let Some(code) = rt.aborted {
            return Err(Flow::Exit(code));
        }
        Ok(status)
    }
}
