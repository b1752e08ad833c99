//! Pipelines: `!`, single commands in this shell, and multi-stage pipelines run stage by stage in
//! subshells with each stage's buffered stdout as the next one's stdin; `pipefail`.
use super::io::{Fd, Sink, input};
use super::{Exec, Flow};
use crate::ast::Pipeline;
use crate::process::Runtime;
use crate::state::Shell;

impl Shell {
    pub(crate) fn exec_pipeline(&mut self, rt: &mut Runtime<'_>, p: &Pipeline) -> Exec {
        if p.bang {
            self.no_errexit += 1;
        }
        let r = self.exec_pipeline_stages(rt, p);
        if p.bang {
            self.no_errexit -= 1;
        }
        let status = r?;
        if p.bang {
            let s = i32::from(status == 0);
            self.status = s;
            return Ok(s);
        }
        self.status = status;
        self.check_errexit(status)
    }

    fn exec_pipeline_stages(&mut self, rt: &mut Runtime<'_>, p: &Pipeline) -> Exec {
        let n = p.commands.len();
        if n == 1
            && let Some(c) = p.commands.first()
        {
            return self.exec_command(rt, c);
        }
        let mut carry: Option<Vec<u8>> = None;
        let mut status = 0;
        let mut failed = 0;
        for (i, cmd) in p.commands.iter().enumerate() {
            let last = i + 1 == n;
            let stdin = carry.take();
            let cap = if last {
                None
            } else {
                rt.captures.push(Vec::new());
                Some(rt.captures.len() - 1)
            };
            let r = self.subshell(rt, |sh, rt| {
                if let Some(d) = stdin {
                    sh.fds.set(0, Some(input(d)));
                }
                if let Some(i) = cap {
                    sh.fds.set(1, Some(Fd::Out(Sink::Capture(i))));
                }
                sh.exec_command(rt, cmd)
            });
            if cap.is_some() {
                carry = rt.captures.pop();
            }
            status = match r {
                Ok(s) => s,
                Err(Flow::Exit(s)) => return Err(Flow::Exit(s)),
                Err(_) => 0,
            };
            if status != 0 {
                failed = status;
            }
        }
        if self.opts.pipefail && status == 0 {
            status = failed;
        }
        Ok(status)
    }
}
