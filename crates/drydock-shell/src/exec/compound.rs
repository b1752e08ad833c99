//! Compound commands: `{ }`, `( )`, `if`, `for`, `while`/`until`, `case`, with their redirections
//! and `break`/`continue` handling.
use super::{Exec, Flow};
use crate::ast::{CompoundCommand, CompoundKind, List};
use crate::expand::Ctx;
use crate::expand::pattern::Pattern;
use crate::process::Runtime;
use crate::state::Shell;

/// What a loop body's control flow asks for.
enum Next {
    Go,
    Stop,
}

impl Shell {
    pub(crate) fn exec_compound(&mut self, rt: &mut Runtime<'_>, c: &CompoundCommand) -> Exec {
        self.line = c.line;
        let saved = match self.apply_redirects(rt, &c.redirects) {
            Ok(s) => s,
            Err(()) => return Ok(2),
        };
        let r = self.exec_compound_kind(rt, &c.kind);
        self.restore_fds(saved);
        r
    }

    fn cond(&mut self, rt: &mut Runtime<'_>, l: &List) -> Exec {
        self.no_errexit += 1;
        let r = self.exec_list(rt, l);
        self.no_errexit -= 1;
        r
    }

    /// Runs a loop body; maps `break`/`continue` of this loop.
    fn body(&mut self, rt: &mut Runtime<'_>, l: &List, status: &mut i32) -> Result<Next, Flow> {
        match self.exec_list(rt, l) {
            Ok(s) => {
                *status = s;
                Ok(Next::Go)
            }
            Err(Flow::Break(n)) => {
                *status = 0;
                if n > 1 {
                    Err(Flow::Break(n - 1))
                } else {
                    Ok(Next::Stop)
                }
            }
            Err(Flow::Continue(n)) => {
                *status = 0;
                if n > 1 {
                    Err(Flow::Continue(n - 1))
                } else {
                    Ok(Next::Go)
                }
            }
            Err(e) => Err(e),
        }
    }

    fn exec_compound_kind(&mut self, rt: &mut Runtime<'_>, kind: &CompoundKind) -> Exec {
        match kind {
            CompoundKind::Brace(l) => self.exec_list(rt, l),
            CompoundKind::Subshell(l) => self.subshell(rt, |sh, rt| sh.exec_list(rt, l)),
            CompoundKind::If {
                branches,
                else_body,
            } => {
                for (cond, body) in branches {
                    if self.cond(rt, cond)? == 0 {
                        return self.exec_list(rt, body);
                    }
                }
                match else_body {
                    Some(b) => self.exec_list(rt, b),
                    None => Ok(0),
                }
            }
            CompoundKind::For { var, words, body } => {
                let items = match words {
                    Some(ws) => self.expand_words(rt, ws)?,
                    None => self.positional.clone(),
                };
                let mut status = 0;
                self.loop_depth += 1;
                let r = (|| {
                    for item in items {
                        self.step(rt)?;
                        if let Err(m) = self.set_var(var, item) {
                            return Err(self.fatal(rt, &m));
                        }
                        if let Next::Stop = self.body(rt, body, &mut status)? {
                            break;
                        }
                    }
                    Ok(status)
                })();
                self.loop_depth -= 1;
                r
            }
            CompoundKind::While { cond, body, until } => {
                let mut status = 0;
                self.loop_depth += 1;
                let r = (|| {
                    loop {
                        self.step(rt)?;
                        let c = self.cond(rt, cond);
                        let c = match c {
                            Ok(c) => c,
                            Err(Flow::Break(n)) => {
                                if n > 1 {
                                    return Err(Flow::Break(n - 1));
                                }
                                break;
                            }
                            Err(Flow::Continue(n)) => {
                                if n > 1 {
                                    return Err(Flow::Continue(n - 1));
                                }
                                continue;
                            }
                            Err(e) => return Err(e),
                        };
                        if (c == 0) == *until {
                            break;
                        }
                        if let Next::Stop = self.body(rt, body, &mut status)? {
                            break;
                        }
                    }
                    Ok(status)
                })();
                self.loop_depth -= 1;
                r
            }
            CompoundKind::DoubleBracket(words) => self.double_bracket(rt, words),
            CompoundKind::Case { word, arms } => {
                let subject = self.expand_string(rt, word, Ctx::Args)?;
                for arm in arms {
                    for p in &arm.patterns {
                        let chars = self.expand_pattern(rt, p)?;
                        if Pattern::compile(&chars).matches(&subject) {
                            return match &arm.body {
                                Some(b) => self.exec_list(rt, b),
                                None => Ok(0),
                            };
                        }
                    }
                }
                Ok(0)
            }
        }
    }
}
