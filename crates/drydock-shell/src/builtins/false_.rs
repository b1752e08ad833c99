//! `false`: fail with status 1.
use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(_: &mut Shell, _: &mut Runtime<'_>, _: &[String]) -> Exec {
    Ok(1)
}
