//! `alias` and `unalias`: aliases are recorded and listed (not expanded: a documented divergence).
use super::quote::single_quote;
use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run_alias(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let args = argv.get(1..).unwrap_or(&[]);
    if args.is_empty() {
        let list: String = sh
            .aliases
            .iter()
            .map(|(k, v)| format!("{k}={}\n", single_quote(v)))
            .collect();
        sh.out(rt, &list);
        return Ok(0);
    }
    let mut status = 0;
    for a in args {
        match a.split_once('=') {
            Some((k, v)) => {
                sh.aliases.insert(k.to_owned(), v.to_owned());
                rt.notes.push(format!(
                    "line {}: alias {k} recorded (aliases are not expanded)",
                    sh.line
                ));
            }
            None => match sh.aliases.get(a).cloned() {
                Some(v) => sh.out(rt, &format!("{a}={}\n", single_quote(&v))),
                None => {
                    sh.err(rt, &format!("alias: {a} not found\n"));
                    status = 1;
                }
            },
        }
    }
    Ok(status)
}

pub(crate) fn run_unalias(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let mut status = 0;
    for a in argv.iter().skip(1) {
        if a == "-a" {
            sh.aliases.clear();
        } else if sh.aliases.remove(a).is_none() {
            sh.err(rt, &format!("unalias: {a} not found\n"));
            status = 1;
        }
    }
    Ok(status)
}
