//! `docker logs CONTAINER`: what the process printed (stdout lines to stdout, stderr lines to
//! stderr), `-n/--tail`, `-t/--timestamps`; `-f` on a running container stays attached.
use crate::cli::Invocation;
use crate::output::Output;
use crate::session::Session;

/// RFC 3339 with nanoseconds as the json-file log driver stamps lines.
fn stamp(ms: i64) -> String {
    let base = drydock_engine::timefmt::rfc3339(ms - ms.rem_euclid(1000));
    let base = base.trim_end_matches('Z');
    format!("{base}.{:03}000000Z", ms.rem_euclid(1000))
}

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    s.engine.settle();
    let r = inv.args().first().cloned().unwrap_or_default();
    let c = match s.engine.find_container(&r) {
        Ok(c) => c.clone(),
        Err(e) => return Output::error(format!("{}\n", e.daemon_text()), 1),
    };
    let tail = inv.string("tail").unwrap_or("all");
    let now = s.engine.now_ms();
    let lines: Vec<_> = c.logs.iter().filter(|l| l.at_ms <= now).collect();
    let skip = match tail.parse::<usize>() {
        Ok(n) => lines.len().saturating_sub(n),
        Err(_) => 0,
    };
    let mut o = Output::new();
    for l in lines.iter().skip(skip) {
        let text = if inv.bool("timestamps") {
            format!("{} {}", stamp(l.at_ms), l.text)
        } else {
            l.text.clone()
        };
        if l.stderr && !c.config.tty {
            o.errln(text);
        } else {
            o.outln(text);
        }
    }
    if inv.bool("follow") && c.state.running() {
        crate::interactive::attach(s, &c.id, false, &mut o);
    }
    o
}
