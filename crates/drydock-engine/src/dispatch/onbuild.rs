//! ONBUILD (`dispatchOnbuild`): the trigger text is stored in the config; no history entry.
use drydock_syntax::instructions::Onbuild;

use super::{DState, Out};

pub(crate) fn dispatch(d: &mut DState, o: &Onbuild<'_>) -> Out {
    d.config.on_build.push(o.expression.to_string());
    Out::default()
}
