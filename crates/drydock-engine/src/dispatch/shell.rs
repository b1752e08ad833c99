//! SHELL (`dispatchShell`): the shell for later shell-form RUN/CMD/ENTRYPOINT.
use drydock_syntax::instructions::Shell;

use super::{DState, Out};
use crate::image::go_list;

pub(crate) fn dispatch(d: &mut DState, s: &Shell<'_>) -> Out {
    let sh: Vec<String> = s.shell.iter().map(|a| a.value.to_string()).collect();
    d.config.shell = sh.clone();
    Out {
        history: Some((format!("SHELL {}", go_list(&sh)), true)),
        ..Out::default()
    }
}
