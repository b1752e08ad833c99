//! ARG in a stage (`dispatchArg`): build arg > expanded default > global value; unset when
//! none; values join the build environment (not the image config); `ARG k=v` history.
use drydock_syntax::instructions::Args;

use super::{Cx, DState, Out};

pub(crate) fn dispatch(cx: &mut Cx<'_>, d: &mut DState, a: &Args<'_>) -> Result<Out, String> {
    let mut commit = Vec::new();
    for def in &a.args {
        let key = def.key.to_string();
        let has_value = cx.build_args.contains_key(&key);
        let mut value: Option<String> = None;
        if !has_value && def.value.is_none() {
            value = cx.globals.get(&key).map(str::to_owned);
        }
        if has_value {
            value = cx.build_args.get(&key).cloned();
        } else if let Some(raw) = &def.value {
            value = Some(cx.word(d, raw)?);
        }
        if let Some(v) = &value {
            d.env.set(&key, v);
            if !d.arg_names.contains(&key) {
                d.arg_names.push(key.clone());
            }
        }
        if !cx.consumed.contains(&key) {
            cx.consumed.push(key.clone());
        }
        d.build_args.push((key.clone(), value.clone()));
        commit.push(match &value {
            Some(v) => format!("{key}={v}"),
            None => key,
        });
    }
    Ok(Out {
        history: Some((format!("ARG {}", commit.join(" ")), true)),
        ..Out::default()
    })
}
