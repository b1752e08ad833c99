//! `. FILE` (and bash's `source`): read a file (searched in PATH when it has no `/`) and run it in
//! this shell; `return` ends it.
use crate::exec::{Exec, Flow};
use crate::fs::{Kind, resolve};
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let Some(name) = argv.get(1) else {
        return Ok(0);
    };
    let candidates: Vec<String> = if name.contains('/') {
        vec![resolve(&sh.cwd, name)]
    } else {
        let path = sh.get("PATH").unwrap_or("").to_owned();
        path.split(':')
            .map(|d| {
                resolve(
                    &sh.cwd,
                    &format!("{}/{name}", if d.is_empty() { "." } else { d }),
                )
            })
            .collect()
    };
    let found = candidates
        .into_iter()
        .find(|p| rt.fs.stat(p).is_ok_and(|s| s.kind == Kind::File));
    let text = match found.map(|p| rt.fs.read_file(&p)) {
        Some(Ok(b)) => String::from_utf8_lossy(&b).into_owned(),
        _ if name.contains('/') => {
            return Err(sh.fatal(rt, &format!("cannot open {name}: No such file")));
        }
        _ => return Err(sh.fatal(rt, &format!("{name}: not found"))),
    };
    let saved_line = sh.line;
    let saved_name = sh.cmdname.take();
    let r = super::eval::run_text(sh, rt, &text, 0);
    sh.cmdname = saved_name;
    sh.line = saved_line;
    match r {
        Err(Flow::Return(s)) => Ok(s),
        r => r,
    }
}
