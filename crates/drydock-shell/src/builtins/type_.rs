//! `type NAME…`: how each name would be run (keyword, function, builtin, path).
use crate::exec::Exec;
use crate::exec::resolve::Resolved;
use crate::process::Runtime;
use crate::state::Shell;

/// dash's description of `name` (also `command -V`); `None` when not found.
pub(crate) fn describe(sh: &Shell, rt: &Runtime<'_>, name: &str) -> Option<String> {
    if crate::parser::is_reserved(name) {
        return Some(format!("{name} is a shell keyword"));
    }
    Some(match sh.resolve_command(&*rt.fs, name) {
        Resolved::SpecialBuiltin => format!("{name} is a special shell builtin"),
        Resolved::Function => format!("{name} is a shell function"),
        Resolved::Builtin => format!("{name} is a shell builtin"),
        Resolved::File(p) => format!("{name} is {p}"),
        Resolved::Denied(_) | Resolved::NotFound => return None,
    })
}

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let mut status = 0;
    for name in argv.iter().skip(1) {
        match describe(sh, rt, name) {
            Some(d) => sh.out(rt, &format!("{d}\n")),
            None => {
                sh.out(rt, &format!("{name}: not found\n"));
                status = 127;
            }
        }
    }
    Ok(status)
}
