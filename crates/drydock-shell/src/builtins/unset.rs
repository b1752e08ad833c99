//! `unset [-f|-v] NAME…`: remove variables or functions.
use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let mut funcs = false;
    for a in argv.iter().skip(1) {
        match a.as_str() {
            "-f" => funcs = true,
            "-v" => funcs = false,
            name if funcs => {
                sh.funcs.remove(name);
            }
            name => {
                if !crate::lexer::is_name(name) {
                    return Err(sh.fatal(rt, &format!("{name}: bad variable name")));
                }
                if let Err(m) = sh.unset_var(name) {
                    return Err(sh.fatal(rt, &m));
                }
            }
        }
    }
    Ok(0)
}
