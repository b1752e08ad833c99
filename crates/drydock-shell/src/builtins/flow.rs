//! `break`, `continue` and `return`: loop and function control flow.
use super::parse_num;
use crate::exec::{Exec, Flow};
use crate::process::Runtime;
use crate::state::Shell;

fn count(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Result<u32, Flow> {
    match argv.get(1) {
        None => Ok(1),
        Some(a) => match parse_num(a) {
            Some(n) if n > 0 => Ok(u32::try_from(n).unwrap_or(u32::MAX)),
            _ => Err(sh.fatal(rt, &format!("Illegal number: {a}"))),
        },
    }
}

pub(crate) fn run_break(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let n = count(sh, rt, argv)?;
    if sh.loop_depth == 0 {
        return Ok(0);
    }
    Err(Flow::Break(n.min(sh.loop_depth)))
}

pub(crate) fn run_continue(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let n = count(sh, rt, argv)?;
    if sh.loop_depth == 0 {
        return Ok(0);
    }
    Err(Flow::Continue(n.min(sh.loop_depth)))
}

pub(crate) fn run_return(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let status = match argv.get(1) {
        None => sh.status,
        Some(a) => match parse_num(a) {
            Some(n) => (n & 0xff) as i32,
            None => return Err(sh.fatal(rt, &format!("Illegal number: {a}"))),
        },
    };
    Err(Flow::Return(status))
}
