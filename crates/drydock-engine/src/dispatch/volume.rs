//! VOLUME (`dispatchVolume`): mount points recorded in the config.
use drydock_syntax::instructions::Volume;

use super::{Cx, DState, Out};

pub(crate) fn dispatch(cx: &mut Cx<'_>, d: &mut DState, v: &Volume<'_>) -> Result<Out, String> {
    let mut vols = Vec::new();
    for a in &v.volumes {
        let w = cx.word(d, &a.value)?;
        if w.is_empty() {
            return Err("VOLUME specified can not be an empty string".to_owned());
        }
        vols.push(w);
    }
    for w in &vols {
        d.config.volumes.insert(w.clone());
    }
    Ok(Out {
        history: Some((format!("VOLUME [{}]", vols.join(" ")), true)),
        ..Out::default()
    })
}
