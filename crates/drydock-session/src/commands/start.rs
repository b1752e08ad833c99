//! `docker start [-a] [-i] CONTAINER…`: starts created or exited containers (printing each name
//! as given), or with `-a` attaches to one and exits with its status.
use crate::cli::Invocation;
use crate::output::Output;
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation, stdin: &[u8]) -> Output {
    let attach = inv.bool("attach") || inv.bool("interactive");
    let mut o = Output::new();
    if attach {
        if inv.args().len() > 1 {
            return Output::error(
                "you cannot start and attach multiple containers at once\n",
                1,
            );
        }
        let r = inv.args().first().cloned().unwrap_or_default();
        let id = match s.engine.container_id(&r) {
            Ok(id) => id,
            Err(e) => return Output::error(format!("{}\n", e.daemon_text()), 1),
        };
        let tty = s
            .engine
            .find_container(&id)
            .map(|c| c.config.tty)
            .unwrap_or(false);
        let was_running = s
            .engine
            .find_container(&id)
            .is_ok_and(|c| c.state.running());
        match super::run::start(s, &id, stdin, &mut o) {
            Ok(st) => {
                super::run::print_lines(&mut o, &st, tty);
                match st.ends_ms {
                    Some(t) if !was_running => {
                        o.exit_code = super::run::wait_exit(s, &id, t, &mut o)
                    }
                    _ => crate::interactive::attach(s, &id, tty && inv.bool("interactive"), &mut o),
                }
            }
            Err(e) => {
                o.errln(e.daemon_text());
                o.exit_code = 1;
            }
        }
        return o;
    }
    let mut failed = Vec::new();
    for r in inv.args() {
        let id = match s.engine.container_id(r) {
            Ok(id) => id,
            Err(e) => {
                o.errln(e.daemon_text());
                failed.push(r.clone());
                continue;
            }
        };
        match super::run::start(s, &id, b"", &mut o) {
            Ok(_) => o.outln(r),
            Err(e) => {
                o.errln(e.daemon_text());
                failed.push(r.clone());
            }
        }
    }
    if !failed.is_empty() {
        o.errln(format!(
            "Error: failed to start containers: {}",
            failed.join(", ")
        ));
        o.exit_code = 1;
    }
    o
}
