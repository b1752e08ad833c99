//! `readonly [-p] [NAME[=VALUE]…]`: make variables read-only, or list them.
use super::quote::single_quote;
use crate::exec::Exec;
use crate::lexer::is_name;
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let args: Vec<&String> = argv.iter().skip(1).filter(|a| a.as_str() != "-p").collect();
    if args.is_empty() {
        let mut out = String::new();
        for (k, v) in &sh.vars {
            if v.readonly {
                match &v.value {
                    Some(val) => out.push_str(&format!("readonly {k}={}\n", single_quote(val))),
                    None => out.push_str(&format!("readonly {k}\n")),
                }
            }
        }
        sh.out(rt, &out);
        return Ok(0);
    }
    for a in args {
        let (name, value) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (a.as_str(), None),
        };
        if !is_name(name) {
            return Err(sh.fatal(rt, &format!("{name}: bad variable name")));
        }
        if let Some(v) = value
            && let Err(m) = sh.set_var(name, v)
        {
            return Err(sh.fatal(rt, &m));
        }
        sh.vars.entry(name.to_owned()).or_default().readonly = true;
    }
    Ok(0)
}
