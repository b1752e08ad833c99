//! Command substitution: runs the list in a subshell with stdout captured, strips trailing newlines.
use super::io::{Fd, Sink};
use crate::ast::List;
use crate::expand::XResult;
use crate::process::Runtime;
use crate::state::Shell;

impl Shell {
    pub(crate) fn command_substitution(
        &mut self,
        rt: &mut Runtime<'_>,
        list: &List,
    ) -> XResult<String> {
        rt.captures.push(Vec::new());
        let idx = rt.captures.len() - 1;
        let line = self.line;
        let r = self.subshell(rt, |sh, rt| {
            sh.fds.set(1, Some(Fd::Out(Sink::Capture(idx))));
            sh.exec_list(rt, list)
        });
        self.line = line;
        let bytes = rt.captures.pop().unwrap_or_default();
        let status = r?;
        self.subst_status = Some(status);
        self.status = status;
        let mut s = String::from_utf8_lossy(&bytes).into_owned();
        while s.ends_with('\n') {
            s.pop();
        }
        Ok(s)
    }
}
