//! Running files: `not found` (127) and `Permission denied` (126) as dash prints them, then the
//! program's identity (a `#!drydock:program NAME` marker, a `#!` interpreter line, or a plain
//! shell script) and dispatch through the program registry.
use super::resolve::Resolved;
use super::{Exec, Flow};
use crate::process::Runtime;
use crate::programs::{ExecError, ProgramCtx, exec_file};
use crate::state::Shell;

impl Shell {
    /// dash: `NAME: not found`; bash: `NAME: command not found` (or the errno text for paths).
    pub(crate) fn not_found_message(&self, name: &str) -> String {
        match self.dialect {
            crate::state::Dialect::Dash => format!("{name}: not found"),
            crate::state::Dialect::Bash if name.contains('/') => {
                format!("{name}: No such file or directory")
            }
            crate::state::Dialect::Bash => format!("{name}: command not found"),
        }
    }

    pub(crate) fn run_resolved(
        &mut self,
        rt: &mut Runtime<'_>,
        resolved: Resolved,
        argv: &[String],
        assigns: &[(String, String)],
    ) -> Exec {
        let name = argv.first().cloned().unwrap_or_default();
        let path = match resolved {
            Resolved::File(p) => p,
            Resolved::Denied(_) => {
                self.errmsg(rt, &format!("{name}: Permission denied"));
                return Ok(126);
            }
            _ => {
                let msg = self.not_found_message(&name);
                self.errmsg(rt, &msg);
                return Ok(127);
            }
        };
        let mut env = self.environment();
        for (k, v) in assigns {
            env.retain(|(ek, _)| ek != k);
            env.push((k.clone(), v.clone()));
        }
        drydock_text::sort::sort(&mut env);
        let stdin_all = match self.fds.get(0) {
            Some(crate::exec::io::Fd::In(b)) => {
                let b = b.borrow();
                b.data.get(b.pos..).unwrap_or(&[]).to_vec()
            }
            _ => Vec::new(),
        };
        let (Some(out), Some(err)) = (self.fds.sink(1), self.fds.sink(2)) else {
            return Ok(1);
        };
        let pid = if std::mem::take(&mut self.exec_keeps_pid) {
            self.pid
        } else {
            rt.alloc_pid()
        };
        let mut ctx = ProgramCtx {
            rt,
            env,
            cwd: self.cwd.clone(),
            user: self.user.clone(),
            umask: self.umask,
            pid,
            path: path.clone(),
            stdout: out,
            stderr: err,
            depth: self.depth + 1,
            consumed_stdin: false,
            fd_inputs: (3..crate::exec::io::MAX_FD as u32)
                .filter_map(|fd| match self.fds.get(fd) {
                    Some(crate::exec::io::Fd::In(b)) => {
                        let b = b.borrow();
                        Some((fd, b.data.get(b.pos..).unwrap_or(&[]).to_vec()))
                    }
                    _ => None,
                })
                .collect(),
        };
        let r = exec_file(&mut ctx, &path, argv, &stdin_all);
        let consumed = ctx.consumed_stdin;
        if consumed {
            self.fds.take_input(0);
        }
        if let Some(code) = rt.aborted {
            return Err(Flow::Exit(code));
        }
        match r {
            Ok(s) => Ok(s),
            Err(ExecError::NotFound) => {
                let msg = self.not_found_message(&name);
                self.errmsg(rt, &msg);
                Ok(127)
            }
            Err(ExecError::PermissionDenied) => {
                self.errmsg(rt, &format!("{name}: Permission denied"));
                Ok(126)
            }
            Err(ExecError::NotSimulated(what)) => {
                self.errmsg(rt, &format!("{name}: {what}"));
                rt.notes.push(format!("line {}: {name}: {what}", self.line));
                Ok(126)
            }
        }
    }
}
