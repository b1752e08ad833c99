//! ENTRYPOINT (`dispatchEntrypoint`): resets a CMD inherited from the base unless this stage
//! set CMD itself.
use drydock_syntax::instructions::Entrypoint;

use super::cmd::with_shell;
use super::{DState, Out};
use crate::image::go_quote_list;

pub(crate) fn dispatch(d: &mut DState, e: &Entrypoint<'_>) -> Out {
    let mut args: Vec<String> = e.cmd.args.iter().map(|a| a.value.to_string()).collect();
    if e.cmd.prepend_shell {
        args = with_shell(d, &args);
    }
    d.config.entrypoint = Some(args.clone());
    if !d.cmd_set {
        d.config.cmd = None;
    }
    Out {
        history: Some((format!("ENTRYPOINT {}", go_quote_list(&args)), true)),
        ..Out::default()
    }
}
