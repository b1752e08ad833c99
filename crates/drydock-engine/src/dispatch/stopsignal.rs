//! STOPSIGNAL (`dispatchStopSignal`): must be a signal name (with or without SIG) or a
//! positive number (moby/sys/signal `ParseSignal`).
use drydock_syntax::instructions::StopSignal;

use super::{Cx, DState, Out};

const SIGNALS: [&str; 33] = [
    "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL",
    "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP",
    "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU",
];

fn valid(s: &str) -> bool {
    if let Ok(n) = s.parse::<i64>() {
        return n > 0;
    }
    let up = s.to_uppercase();
    let name = up.strip_prefix("SIG").unwrap_or(&up);
    if SIGNALS.contains(&name) || name == "XFSZ" {
        return true;
    }
    // RTMIN+n / RTMAX-n
    name.strip_prefix("RTMIN")
        .is_some_and(|r| r.is_empty() || r.starts_with('+'))
        || name
            .strip_prefix("RTMAX")
            .is_some_and(|r| r.is_empty() || r.starts_with('-'))
}

pub(crate) fn dispatch(cx: &mut Cx<'_>, d: &mut DState, s: &StopSignal<'_>) -> Result<Out, String> {
    let sig = cx.word(d, &s.signal.value)?;
    if !valid(&sig) {
        return Err(format!("invalid signal: {sig}"));
    }
    d.config.stop_signal = sig.clone();
    Ok(Out {
        history: Some((format!("STOPSIGNAL {sig}"), true)),
        ..Out::default()
    })
}
