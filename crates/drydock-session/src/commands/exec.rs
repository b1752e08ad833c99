//! `docker exec [-it] [-u USER] [-w DIR] [-e K=V] CONTAINER COMMAND [ARG…]`: a process in a
//! running container; with `-it` and a shell, the terminal enters that shell.
use drydock_engine::container::exec::ExecSpec;
use drydock_engine::container::fs::Host;
use drydock_engine::container::start::ProcessOverrides;

use crate::cli::Invocation;
use crate::output::{Event, Output};
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation, stdin: &[u8]) -> Output {
    let args = inv.args();
    let reference = args.first().cloned().unwrap_or_default();
    let argv: Vec<String> = args.get(1..).unwrap_or(&[]).to_vec();
    let interactive = inv.bool("interactive");
    let tty = inv.bool("tty");
    if let Err(e) = s.engine.find_container(&reference) {
        return Output::error(format!("{}\n", e.daemon_text()), 1);
    }
    if !inv.bool("detach") && interactive && tty && !s.config.stdin_tty {
        return Output::error("the input device is not a TTY\n", 1);
    }
    let mut env: Vec<String> = Vec::new();
    for f in inv.list("env-file") {
        match super::container_opts::env_file(s, f) {
            Ok(v) => env.extend(v),
            Err(e) => return Output::error(format!("{e}\n"), 1),
        }
    }
    env.extend(inv.list("env").iter().map(|e| (*e).to_owned()));
    let overrides = ProcessOverrides {
        user: inv
            .string("user")
            .filter(|u| !u.is_empty())
            .map(str::to_owned),
        workdir: inv
            .string("workdir")
            .filter(|w| !w.is_empty())
            .map(str::to_owned),
        env,
        tty,
    };
    let root = s.config.host_dir.clone();
    let mut o = Output::new();
    if interactive && tty {
        let mut host = Host::new(&root, &mut s.host);
        let r = s
            .engine
            .exec_shell(&reference, &argv, &overrides, &mut host);
        for p in std::mem::take(&mut host.changed) {
            o.events.push(Event::HostFileChanged { path: p });
        }
        match r {
            Ok(Some(sess)) => {
                crate::interactive::enter_shell(s, sess, false, &mut o);
                return o;
            }
            Ok(None) => {}
            Err(e) => {
                o.errln(e.daemon_text());
                o.exit_code = 1;
                return o;
            }
        }
    }
    let spec = ExecSpec {
        argv,
        overrides,
        stdin: if interactive {
            stdin.to_vec()
        } else {
            Vec::new()
        },
        tty,
    };
    let mut host = Host::new(&root, &mut s.host);
    let r = s.engine.exec_in_container(&reference, &spec, &mut host);
    for p in std::mem::take(&mut host.changed) {
        o.events.push(Event::HostFileChanged { path: p });
    }
    match r {
        Ok(res) => {
            if inv.bool("detach") {
                return o;
            }
            for l in &res.lines {
                if l.stderr && !tty {
                    o.errln(&l.text);
                } else {
                    o.outln(&l.text);
                }
            }
            o.exit_code = res.exit_code;
        }
        Err(e) => {
            o.errln(e.daemon_text());
            o.exit_code = 1;
        }
    }
    o
}
