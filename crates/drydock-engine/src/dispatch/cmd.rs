//! CMD (`dispatchCmd`): shell form through the current SHELL; sets ArgsEscaped.
use drydock_syntax::instructions::Cmd;

use super::{DState, Out};
use crate::image::go_quote_list;

/// BuildKit's `withShell`: the image SHELL (or `/bin/sh -c`) + the joined command.
pub(crate) fn with_shell(d: &DState, args: &[String]) -> Vec<String> {
    let mut v = if d.config.shell.is_empty() {
        vec!["/bin/sh".to_owned(), "-c".to_owned()]
    } else {
        d.config.shell.clone()
    };
    v.push(args.join(" "));
    v
}

pub(crate) fn dispatch(d: &mut DState, c: &Cmd<'_>) -> Out {
    let mut args: Vec<String> = c.cmd.args.iter().map(|a| a.value.to_string()).collect();
    if c.cmd.prepend_shell {
        args = with_shell(d, &args);
    }
    d.config.cmd = Some(args.clone());
    d.config.args_escaped = true;
    d.cmd_set = true;
    Out {
        history: Some((format!("CMD {}", go_quote_list(&args)), true)),
        ..Out::default()
    }
}
