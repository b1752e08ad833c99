//! Simple commands: expansion, assignments (kept, temporary or exported), `set -x` tracing,
//! redirections, and dispatch to special builtins, functions, builtins or executables.
use super::resolve::Resolved;
use super::{Exec, Flow};
use crate::ast::SimpleCommand;
use crate::builtins;
use crate::expand::Ctx;
use crate::process::Runtime;
use crate::state::{Shell, Var};

/// Bound on the expanded words of one command (keeps `x=$x$x` loops from exhausting memory).
const MAX_WORDS_BYTES: usize = 64 << 20;

impl Shell {
    fn trace(&mut self, rt: &mut Runtime<'_>, fields: &[String]) {
        if self.opts.xtrace {
            let ps4 = self.get("PS4").unwrap_or("+ ").to_owned();
            let line = format!("{ps4}{}\n", fields.join(" "));
            self.err(rt, &line);
        }
    }

    pub(crate) fn exec_simple(&mut self, rt: &mut Runtime<'_>, c: &SimpleCommand) -> Exec {
        self.line = c.line;
        self.step(rt)?;
        self.subst_status = None;
        let argv = self.expand_words(rt, &c.words)?;
        let mut assigns = Vec::new();
        for a in &c.assigns {
            let v = self.expand_string(rt, &a.value, Ctx::Assign)?;
            if argv.is_empty()
                && let Err(m) = self.set_var(&a.name, v.clone())
            {
                return Err(self.fatal(rt, &m));
            }
            assigns.push((a.name.clone(), v));
        }
        let size: usize = argv.iter().map(String::len).sum::<usize>()
            + assigns.iter().map(|(_, v)| v.len()).sum::<usize>();
        if size > MAX_WORDS_BYTES {
            let msg = "simulation memory limit exceeded (a command's words exceed 64 MiB)";
            self.errmsg(rt, msg);
            rt.aborted = Some(super::LIMIT_STATUS);
            return Err(Flow::Exit(super::LIMIT_STATUS));
        }
        let mut trace: Vec<String> = assigns.iter().map(|(k, v)| format!("{k}={v}")).collect();
        trace.extend(argv.iter().cloned());
        if !trace.is_empty() {
            self.trace(rt, &trace);
        }
        let Some(name) = argv.first().cloned() else {
            let status = self.subst_status.unwrap_or(0);
            return match self.apply_redirects(rt, &c.redirects) {
                Ok(saved) => {
                    self.restore_fds(saved);
                    Ok(status)
                }
                Err(()) => Ok(2),
            };
        };
        match self.resolve_command(&*rt.fs, &name) {
            Resolved::SpecialBuiltin => {
                for (k, v) in &assigns {
                    if let Err(m) = self.set_var(k, v.clone()) {
                        return Err(self.fatal(rt, &m));
                    }
                }
                let saved = match self.apply_redirects(rt, &c.redirects) {
                    Ok(s) => s,
                    Err(()) => {
                        self.status = 2;
                        return Err(Flow::Exit(2));
                    }
                };
                let r = builtins::run(self, rt, &argv);
                if name == "exec" && argv.len() == 1 {
                    // `exec >file` keeps its redirections.
                } else {
                    self.restore_fds(saved);
                }
                r
            }
            Resolved::Function | Resolved::Builtin => {
                let old = self.push_temp_vars(&assigns);
                let r = match self.apply_redirects(rt, &c.redirects) {
                    Ok(saved) => {
                        let r = if self.funcs.contains_key(&name) {
                            self.call_function(rt, &name, &argv)
                        } else {
                            builtins::run(self, rt, &argv)
                        };
                        self.restore_fds(saved);
                        r
                    }
                    Err(()) => Ok(2),
                };
                self.pop_temp_vars(old);
                r
            }
            resolved => {
                let saved = match self.apply_redirects(rt, &c.redirects) {
                    Ok(s) => s,
                    Err(()) => return Ok(2),
                };
                let r = self.run_resolved(rt, resolved, &argv, &assigns);
                self.restore_fds(saved);
                r
            }
        }
    }

    /// Prefix assignments for a function or regular builtin: set (exported) for the call, then
    /// put back.
    fn push_temp_vars(&mut self, assigns: &[(String, String)]) -> Vec<(String, Option<Var>)> {
        let mut old = Vec::new();
        for (k, v) in assigns {
            old.push((k.clone(), self.vars.get(k).cloned()));
            let e = self.vars.entry(k.clone()).or_default();
            if !e.readonly {
                e.value = Some(v.clone());
                e.exported = true;
            }
        }
        old
    }

    fn pop_temp_vars(&mut self, old: Vec<(String, Option<Var>)>) {
        for (k, v) in old.into_iter().rev() {
            match v {
                Some(v) => {
                    self.vars.insert(k, v);
                }
                None => {
                    self.vars.remove(&k);
                }
            }
        }
    }

    /// Calls function `name` with `argv[1..]` as positional parameters.
    pub(crate) fn call_function(
        &mut self,
        rt: &mut Runtime<'_>,
        name: &str,
        argv: &[String],
    ) -> Exec {
        let Some(body) = self.funcs.get(name).cloned() else {
            return Ok(127);
        };
        if self.depth >= rt.config.limits.max_depth {
            return Err(self.fatal(
                rt,
                "simulation nesting limit exceeded (function recursion too deep)",
            ));
        }
        self.step(rt)?;
        self.depth += 1;
        self.func_depth += 1;
        let saved_args =
            std::mem::replace(&mut self.positional, argv.get(1..).unwrap_or(&[]).to_vec());
        self.locals.push(Vec::new());
        let saved_loop = std::mem::replace(&mut self.loop_depth, 0);
        let r = self.exec_command(rt, &body);
        self.loop_depth = saved_loop;
        if let Some(locals) = self.locals.pop() {
            self.pop_temp_vars(locals);
        }
        self.positional = saved_args;
        self.func_depth -= 1;
        self.depth -= 1;
        match r {
            Ok(s) => Ok(s),
            Err(Flow::Return(s)) => Ok(s),
            Err(e) => Err(e),
        }
    }
}
