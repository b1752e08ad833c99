//! What follows a docker command in a real terminal: typing into a shell inside a container
//! (`docker run -it … sh`), answering a `[y/N]` question, or staying attached to a running
//! container until Ctrl-C. Without a terminal on stdin an attached container is left running.
use std::io::{BufRead, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use drydock_session::{Action, Prompt, Session};

use crate::docker::emit;

fn read_line() -> Option<String> {
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_owned()),
    }
}

/// Continues until the terminal is back at the docker prompt; returns the final exit status.
pub fn continue_session(session: &mut Session, root: &std::path::Path, mut code: i32) -> i32 {
    let interrupted = Arc::new(AtomicBool::new(false));
    let mut handler_set = false;
    loop {
        match session.prompt() {
            Prompt::Docker => return code,
            Prompt::Question => {
                let answer = read_line().unwrap_or_default();
                let out = session.apply(Action::Line { text: answer });
                emit(session, root, &out);
                code = out.exit_code;
            }
            Prompt::Shell { prompt, .. } => {
                print!("{prompt}");
                let _ = std::io::stdout().flush();
                // End of input is Ctrl-D: the shell exits.
                let line = match read_line() {
                    Some(l) => l,
                    None => {
                        println!();
                        "exit".to_owned()
                    }
                };
                let out = session.apply(Action::Line { text: line });
                emit(session, root, &out);
                code = out.exit_code;
            }
            Prompt::Attached { .. } => {
                if !std::io::stdin().is_terminal() {
                    // Nobody can press Ctrl-C: leave the container running.
                    return code;
                }
                if !handler_set {
                    let flag = interrupted.clone();
                    handler_set =
                        ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst)).is_ok();
                    if !handler_set {
                        return code;
                    }
                }
                let mut presses = 0;
                while matches!(session.prompt(), Prompt::Attached { .. }) {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                    let out = session.apply(Action::Wait { ms: 100 });
                    emit(session, root, &out);
                    if !matches!(session.prompt(), Prompt::Attached { .. }) {
                        code = out.exit_code;
                        break;
                    }
                    if interrupted.swap(false, Ordering::SeqCst) {
                        presses += 1;
                        let out = if presses > 1 {
                            session.apply(Action::Detach)
                        } else {
                            session.apply(Action::Interrupt)
                        };
                        emit(session, root, &out);
                        code = out.exit_code;
                    }
                }
            }
        }
    }
}
