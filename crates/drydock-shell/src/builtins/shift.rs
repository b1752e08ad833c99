//! `shift [n]`: drop positional parameters.
use super::parse_num;
use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let n = match argv.get(1) {
        None => 1,
        Some(a) => match parse_num(a) {
            Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
            None => return Err(sh.fatal(rt, &format!("Illegal number: {a}"))),
        },
    };
    if n > sh.positional.len() {
        return Err(sh.fatal(rt, "can't shift that many"));
    }
    sh.positional.drain(..n);
    Ok(0)
}
