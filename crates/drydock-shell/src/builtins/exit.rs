//! `exit [n]`: leave the shell (status modulo 256), running the EXIT trap.
use super::parse_num;
use crate::exec::{Exec, Flow};
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let status = match argv.get(1) {
        None => sh.status,
        Some(a) => match parse_num(a) {
            Some(n) => (n & 0xff) as i32,
            None => return Err(sh.fatal(rt, &format!("Illegal number: {a}"))),
        },
    };
    Err(Flow::Exit(status))
}
