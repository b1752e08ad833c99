//! `drydock docker …`: the docker command line over a `drydock_session::Session` whose host is the
//! working directory. The session's output is printed as is (stdout and stderr in order), host
//! files it changed are written back to disk, the state is saved, and the exit status is
//! docker's. A shell inside a container, a `[y/N]` question or an attached container continue in
//! `docker_terminal.rs`.
use std::io::{IsTerminal, Read, Write};

use drydock_session::{Action, Event, Output, Session, SessionConfig, Stream};

use crate::{docker_state, docker_terminal};

/// Prints an output and writes back the host files it changed.
pub fn emit(session: &Session, root: &std::path::Path, out: &Output) {
    let mut stdout = std::io::stdout();
    let mut stderr = std::io::stderr();
    for c in &out.chunks {
        let _ = match c.stream {
            Stream::Stdout => stdout.write_all(c.text.as_bytes()),
            Stream::Stderr => stderr.write_all(c.text.as_bytes()),
        };
    }
    let _ = stdout.flush();
    let _ = stderr.flush();
    let mut written: Vec<&str> = Vec::new();
    for e in &out.events {
        if let Event::HostFileChanged { path } = e
            && !written.contains(&path.as_str())
        {
            written.push(path);
            if let Err(err) = docker_state::write_back(root, session.host(), path) {
                eprintln!("drydock: {err}");
            }
        }
    }
}

fn wants_stdin(args: &[String]) -> bool {
    args.iter().take_while(|a| *a != "--").any(|a| {
        a == "--interactive"
            || (a.starts_with('-') && !a.starts_with("--") && a.contains('i') && a.len() <= 4)
    })
}

/// Runs `docker ARGS…`; returns the exit status.
pub fn run(args: &[String]) -> i32 {
    let root = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("drydock: {e}");
            return 1;
        }
    };
    let host = match docker_state::read_tree(&root) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("drydock: {e}");
            return 1;
        }
    };
    let state = match docker_state::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ERROR: {e}");
            return 1;
        }
    };
    let stdin_tty = std::io::stdin().is_terminal();
    let config = SessionConfig {
        host_dir: root.to_string_lossy().into_owned(),
        home: std::env::var("HOME").unwrap_or_else(|_| "/root".to_owned()),
        stdin_tty,
        ..SessionConfig::default()
    };
    let mut session = Session::restore(config, host, state);
    let mut stdin = Vec::new();
    if !stdin_tty && wants_stdin(args) {
        let _ = std::io::stdin().read_to_end(&mut stdin);
    }
    let out = session.apply(Action::Docker {
        argv: args.to_vec(),
        stdin,
    });
    emit(&session, &root, &out);
    let code = docker_terminal::continue_session(&mut session, &root, out.exit_code);
    if let Err(e) = docker_state::save(&session.state()) {
        eprintln!("ERROR: {e}");
        return 1;
    }
    code
}
