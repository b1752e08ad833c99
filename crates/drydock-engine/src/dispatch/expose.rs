//! EXPOSE (`dispatchExpose`): each word expanded and split, then parsed as port specs.
use drydock_syntax::instructions::{Expose, parse_port_specs};

use super::{Cx, DState, Out};

pub(crate) fn dispatch(cx: &mut Cx<'_>, d: &mut DState, e: &Expose<'_>) -> Result<Out, String> {
    let mut words = Vec::new();
    for p in &e.ports {
        words.extend(
            cx.lexer
                .process_words(&p.value, &d.env)
                .map_err(|e| e.to_string())?,
        );
    }
    let ports = parse_port_specs(&words)?;
    let mut set: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    for p in ports {
        set.insert(p.clone());
        d.config.exposed_ports.insert(p);
    }
    let shown: Vec<String> = set.iter().map(|p| format!("{p}:{{}}")).collect();
    Ok(Out {
        history: Some((format!("EXPOSE map[{}]", shown.join(" ")), true)),
        ..Out::default()
    })
}
