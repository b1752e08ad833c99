//! USER (`dispatchUser`): expanded, not validated (a later RUN resolves it).
use drydock_syntax::instructions::User;

use super::{Cx, DState, Out};

pub(crate) fn dispatch(cx: &mut Cx<'_>, d: &mut DState, u: &User<'_>) -> Result<Out, String> {
    let user = cx.word(d, &u.user.value)?;
    d.user = user.clone();
    d.config.user = user.clone();
    Ok(Out {
        history: Some((format!("USER {user}"), true)),
        ..Out::default()
    })
}
