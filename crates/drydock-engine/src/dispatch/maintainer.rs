//! MAINTAINER (`dispatchMaintainer`): sets the image author.
use drydock_syntax::instructions::Maintainer;

use super::{DState, Out};

pub(crate) fn dispatch(d: &mut DState, m: &Maintainer<'_>) -> Out {
    let who = m.maintainer.value.to_string();
    d.author = who.clone();
    Out {
        history: Some((format!("MAINTAINER {who}"), true)),
        ..Out::default()
    }
}
