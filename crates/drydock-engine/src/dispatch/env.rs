//! ENV (`dispatchEnv`): keys and values expanded with the environment from before the
//! instruction; each pair set in the build environment and the image config.
use drydock_syntax::instructions::Env;

use super::{Cx, DState, Out};

pub(crate) fn dispatch(cx: &mut Cx<'_>, d: &mut DState, e: &Env<'_>) -> Result<Out, String> {
    let mut pairs = Vec::new();
    for kv in &e.pairs {
        pairs.push((cx.word(d, &kv.key.value)?, cx.word(d, &kv.value.value)?));
    }
    let mut msg = String::from("ENV");
    for (k, v) in pairs {
        msg.push_str(&format!(" {k}={v}"));
        d.env.set(&k, &v);
        d.arg_names.retain(|a| a != &k);
        d.config.set_env(&k, &v);
    }
    Ok(Out {
        history: Some((msg, true)),
        ..Out::default()
    })
}
