//! LABEL (`dispatchLabel`): keys and values expanded, merged into the config labels.
use drydock_syntax::instructions::Label;

use super::{Cx, DState, Out};

pub(crate) fn dispatch(cx: &mut Cx<'_>, d: &mut DState, l: &Label<'_>) -> Result<Out, String> {
    let mut pairs = Vec::new();
    for kv in &l.pairs {
        pairs.push((cx.word(d, &kv.key.value)?, cx.word(d, &kv.value.value)?));
    }
    let mut msg = String::from("LABEL");
    for (k, v) in pairs {
        msg.push_str(&format!(" {k}={v}"));
        d.config.labels.insert(k, v);
    }
    Ok(Out {
        history: Some((msg, true)),
        ..Out::default()
    })
}
