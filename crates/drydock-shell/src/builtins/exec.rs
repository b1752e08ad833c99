//! `exec [COMMAND ARG…]`: with a command, run it in the shell's place (it keeps the shell's pid)
//! and exit with its status; without one, the redirections stay (handled by the caller).
use crate::exec::resolve::{Resolved, find_executable};
use crate::exec::{Exec, Flow};
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let args = argv.get(1..).unwrap_or(&[]);
    let args = if args.first().map(String::as_str) == Some("--") {
        args.get(1..).unwrap_or(&[])
    } else {
        args
    };
    let Some(name) = args.first() else {
        return Ok(0);
    };
    let path = sh.get("PATH").unwrap_or("").to_owned();
    let resolved = find_executable(&*rt.fs, &path, &sh.cwd, &sh.user, name);
    let status = match resolved {
        Resolved::NotFound => {
            sh.errmsg(rt, &format!("{name}: not found"));
            127
        }
        r => {
            let saved = sh.cmdname.take();
            sh.exec_keeps_pid = true;
            let s = sh.run_resolved(rt, r, args, &[]);
            sh.exec_keeps_pid = false;
            sh.cmdname = saved;
            s?
        }
    };
    Err(Flow::Exit(status))
}
