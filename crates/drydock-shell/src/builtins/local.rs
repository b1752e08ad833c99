//! `local NAME[=VALUE]…`: function-local variables, restored when the function returns.
use crate::exec::Exec;
use crate::lexer::is_name;
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    if sh.func_depth == 0 || sh.locals.is_empty() {
        return Err(sh.fatal(rt, "not in a function"));
    }
    for a in argv.iter().skip(1) {
        let (name, value) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (a.as_str(), None),
        };
        if !is_name(name) {
            return Err(sh.fatal(rt, &format!("{name}: bad variable name")));
        }
        let old = sh.vars.get(name).cloned();
        if let Some(frame) = sh.locals.last_mut()
            && !frame.iter().any(|(n, _)| n == name)
        {
            frame.push((name.to_owned(), old));
        }
        if let Some(v) = value
            && let Err(m) = sh.set_var(name, v)
        {
            return Err(sh.fatal(rt, &m));
        }
    }
    Ok(0)
}
