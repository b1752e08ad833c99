//! The terminal's connection to containers and questions: a shell inside a container (`docker
//! run -it … sh`, `docker exec -it … sh`), being attached to a running container's output
//! (Ctrl-C sends SIGINT, as the client's signal proxy does), the `[y/N]` confirmation of prune
//! commands, Ctrl-P Ctrl-Q, and containers that exit while the learner does something else.
use drydock_engine::container::fs::Host;
use drydock_engine::container::interactive::ShellSession;

use crate::cli::Invocation;
use crate::output::{Event, Output};
use crate::session::{Mode, Session};

/// A shell session inside a container.
pub struct ShellMode {
    /// The container's id.
    pub container: String,
    pub session: ShellSession,
    /// `docker run -it --rm`: the container goes away when the shell exits.
    pub auto_remove: bool,
}

impl ShellMode {
    pub fn prompt(&self) -> String {
        self.session.prompt()
    }
}

/// Attached to a container that keeps running.
pub struct Attached {
    pub container: String,
    /// Output up to this instant has been shown.
    pub shown_ms: i64,
    /// With a terminal (`-t`): stderr goes to stdout.
    pub tty: bool,
}

/// A `[y/N]` question whose `y` re-runs the command with `--force`.
pub struct Confirm {
    pub argv: Vec<String>,
}

/// The question docker prints, then waits for a line.
pub fn confirm(s: &mut Session, warning: &str, _inv: &Invocation) -> Output {
    let mut argv = s.current_argv.clone();
    argv.push("--force".to_owned());
    s.mode = Mode::Confirm(Confirm { argv });
    let mut o = Output::new();
    o.out(format!(
        "{warning}\nAre you sure you want to continue? [y/N] "
    ));
    o
}

/// Containers whose process ended by now: `ContainerExited` events; an attached terminal shows
/// the output that came meanwhile and is released when its container exits.
pub fn settle(s: &mut Session, o: &mut Output) {
    let exited = s.engine.settle();
    for (id, code) in &exited {
        o.events.push(Event::ContainerExited {
            id: id.clone(),
            code: *code,
        });
    }
    let Mode::Attached(a) = &s.mode else { return };
    let (id, since, tty) = (a.container.clone(), a.shown_ms, a.tty);
    let now = s.engine.now_ms();
    for l in s.engine.container_output(&id, since) {
        if l.at_ms > now {
            continue;
        }
        if l.stderr && !tty {
            o.errln(&l.text);
        } else {
            o.outln(&l.text);
        }
    }
    if let Mode::Attached(a) = &mut s.mode {
        a.shown_ms = now;
    }
    if let Some((_, code)) = exited.iter().find(|(c, _)| *c == id) {
        s.mode = Mode::Docker;
        o.exit_code = *code;
    } else if s.engine.find_container(&id).is_err() {
        s.mode = Mode::Docker;
    }
}

/// Stays connected to a container that keeps running: a shell when its process is one reading
/// the terminal, else its output.
pub fn attach(s: &mut Session, id: &str, shell: bool, o: &mut Output) {
    let _ = o;
    let tty = s.engine.find_container(id).is_ok_and(|c| c.config.tty);
    let _ = shell;
    s.mode = Mode::Attached(Attached {
        container: id.to_owned(),
        shown_ms: s.engine.now_ms(),
        tty,
    });
}

/// Enters a shell session.
pub fn enter_shell(s: &mut Session, session: ShellSession, auto_remove: bool, o: &mut Output) {
    o.events.push(Event::ShellEntered {
        container: session.container.clone(),
    });
    o.out(session.banner());
    if session.kind == drydock_engine::container::interactive::ShellKind::Python {
        o.events.push(Event::Explanation {
            topic: "python-prompt".to_owned(),
        });
    }
    s.mode = Mode::Shell(Box::new(ShellMode {
        container: session.container.clone(),
        session,
        auto_remove,
    }));
}

fn shell_line(s: &mut Session, text: &str) -> Output {
    let Mode::Shell(mut m) = std::mem::replace(&mut s.mode, Mode::Docker) else {
        return Output::new();
    };
    let mut o = Output::new();
    let root = s.config.host_dir.clone();
    let mut host = Host::new(&root, &mut s.host);
    let r = s.engine.shell_line(&mut m.session, text, &mut host);
    for p in std::mem::take(&mut host.changed) {
        o.events.push(Event::HostFileChanged { path: p });
    }
    match r {
        Ok((lines, exit)) => {
            for l in lines {
                o.outln(l.text);
            }
            match exit {
                Some(code) => {
                    if m.session.kind == drydock_engine::container::interactive::ShellKind::Bash {
                        o.out("exit\n");
                    }
                    s.engine.end_shell(&m.session, code);
                    if !m.session.exec {
                        o.events.push(Event::ContainerExited {
                            id: m.container.clone(),
                            code,
                        });
                        if m.auto_remove && s.engine.find_container(&m.container).is_ok() {
                            let _ = s.engine.remove_container(&m.container, true, true);
                        }
                        if s.engine.find_container(&m.container).is_err() {
                            o.events.push(Event::ContainerRemoved {
                                id: m.container.clone(),
                            });
                        }
                    }
                    o.events.push(Event::ShellExited {
                        container: m.container.clone(),
                        code,
                    });
                    o.exit_code = code;
                }
                None => s.mode = Mode::Shell(m),
            }
        }
        Err(e) => {
            // The container is gone or stopped under the shell.
            o.errln(e.daemon_text());
            o.exit_code = 1;
        }
    }
    o
}

/// A line typed while connected to a container or asked a question.
pub fn line(s: &mut Session, text: &str) -> Output {
    match &s.mode {
        Mode::Docker => Output::new(),
        Mode::Shell(_) => shell_line(s, text),
        // Without -i the container does not read what is typed.
        Mode::Attached(_) => Output::new(),
        Mode::Confirm(_) => {
            let Mode::Confirm(c) = std::mem::replace(&mut s.mode, Mode::Docker) else {
                return Output::new();
            };
            let answer = text.trim();
            if matches!(answer, "y" | "Y" | "yes" | "Yes" | "YES") {
                let argv = c.argv;
                s.current_argv = argv.clone();
                crate::commands::run(s, &argv, b"")
            } else {
                // docker: "… has been cancelled" is an errdefs.Cancelled error: exit 0, silent.
                Output::new()
            }
        }
    }
}

/// Ctrl-C.
pub fn interrupt(s: &mut Session) -> Output {
    match std::mem::replace(&mut s.mode, Mode::Docker) {
        Mode::Attached(a) => {
            let mut o = Output::new();
            match s.engine.interrupt_container(&a.container) {
                Some(st) => {
                    for l in &st.lines {
                        if l.stderr && !a.tty {
                            o.errln(&l.text);
                        } else {
                            o.outln(&l.text);
                        }
                    }
                    o.events.push(Event::ContainerExited {
                        id: a.container.clone(),
                        code: st.exit_code,
                    });
                    if s.engine.find_container(&a.container).is_err() {
                        o.events.push(Event::ContainerRemoved {
                            id: a.container.clone(),
                        });
                    }
                    o.exit_code = st.exit_code;
                }
                None => {
                    // The process ignores SIGINT: the client stays attached.
                    s.mode = Mode::Attached(a);
                }
            }
            o
        }
        Mode::Shell(m) => {
            // The shell abandons the line and prints a fresh prompt; Python says why.
            let python =
                m.session.kind == drydock_engine::container::interactive::ShellKind::Python;
            s.mode = Mode::Shell(m);
            let mut o = Output::new();
            o.out(if python {
                "\nKeyboardInterrupt\n"
            } else {
                "\n"
            });
            o.exit_code = 130;
            o
        }
        Mode::Confirm(_) | Mode::Docker => Output::new(),
    }
}

/// Ctrl-P Ctrl-Q: leaves a container running (docker allows it with `-it`; Drydock also lets a
/// terminal stuck on a process that ignores Ctrl-C go).
pub fn detach(s: &mut Session) -> Output {
    match std::mem::replace(&mut s.mode, Mode::Docker) {
        Mode::Shell(m) if m.session.exec => {
            s.mode = Mode::Shell(m);
            Output::new()
        }
        _ => Output::new(),
    }
}
