//! `cd [-L|-P] [dir|-]`: change directory (HOME, OLDPWD, PWD), dash's `can't cd to` error.
use crate::exec::Exec;
use crate::fs::{Kind, resolve};
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let mut args = argv.get(1..).unwrap_or(&[]).iter().peekable();
    while let Some(a) = args.peek() {
        match a.as_str() {
            "-L" | "-P" => {
                args.next();
            }
            "--" => {
                args.next();
                break;
            }
            _ => break,
        }
    }
    let mut print = false;
    let target = match args.next().map(String::as_str) {
        None => match sh.get("HOME") {
            Some(h) if !h.is_empty() => h.to_owned(),
            _ => return Ok(0),
        },
        Some("-") => {
            print = true;
            match sh.get("OLDPWD") {
                Some(o) => o.to_owned(),
                None => {
                    sh.errmsg(rt, "OLDPWD not set");
                    return Ok(2);
                }
            }
        }
        Some(d) => d.to_owned(),
    };
    let path = resolve(&sh.cwd, &target);
    match rt.fs.stat(&path) {
        Ok(st) if st.kind == Kind::Dir => {}
        _ => {
            sh.errmsg(rt, &format!("can't cd to {target}"));
            return Ok(2);
        }
    }
    let old = std::mem::replace(&mut sh.cwd, path.clone());
    let _ = sh.set_var("OLDPWD", old);
    let _ = sh.set_var("PWD", path.clone());
    if print {
        sh.out(rt, &format!("{path}\n"));
    }
    Ok(0)
}
