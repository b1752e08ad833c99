//! `command [-p] [-v|-V] NAME [ARG…]`: describe a name, or run it bypassing functions.
use crate::exec::Exec;
use crate::exec::resolve::Resolved;
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let mut i = 1;
    let (mut v, mut big_v) = (false, false);
    while let Some(a) = argv.get(i) {
        match a.as_str() {
            "-v" => v = true,
            "-V" => big_v = true,
            "-p" => {}
            "--" => {
                i += 1;
                break;
            }
            _ => break,
        }
        i += 1;
    }
    let rest = argv.get(i..).unwrap_or(&[]);
    let Some(name) = rest.first() else {
        return Ok(0);
    };
    if v || big_v {
        if big_v {
            return match super::type_::describe(sh, rt, name) {
                Some(d) => {
                    sh.out(rt, &format!("{d}\n"));
                    Ok(0)
                }
                None => {
                    sh.out(rt, &format!("{name}: not found\n"));
                    Ok(127)
                }
            };
        }
        if crate::parser::is_reserved(name) {
            sh.out(rt, &format!("{name}\n"));
            return Ok(0);
        }
        return match sh.resolve_command(&*rt.fs, name) {
            Resolved::File(p) => {
                sh.out(rt, &format!("{p}\n"));
                Ok(0)
            }
            Resolved::Denied(_) | Resolved::NotFound => Ok(127),
            _ => {
                sh.out(rt, &format!("{name}\n"));
                Ok(0)
            }
        };
    }
    let saved = sh.cmdname.take();
    let r = if crate::builtins::lookup_in(sh, name).is_some() && !name.contains('/') {
        crate::builtins::run(sh, rt, rest)
    } else {
        let path = sh.get("PATH").unwrap_or("").to_owned();
        let resolved =
            crate::exec::resolve::find_executable(&*rt.fs, &path, &sh.cwd, &sh.user, name);
        sh.run_resolved(rt, resolved, rest, &[])
    };
    sh.cmdname = saved;
    r
}
