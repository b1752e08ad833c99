//! `pwd [-L|-P]`: print the working directory.
use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, _: &[String]) -> Exec {
    let line = format!("{}\n", sh.cwd);
    sh.out(rt, &line);
    Ok(0)
}
