//! The terminal's connection to containers: a shell inside a container (`docker run -it … sh`,
//! `docker exec -it … sh`), being attached to a running container's output, Ctrl-C, detaching,
//! and containers that exit while the learner does something else.
use crate::output::{Event, Output};
use crate::session::{Mode, Session};

/// A shell session inside a container.
pub struct ShellMode {
    pub container: String,
}

impl ShellMode {
    pub fn prompt(&self) -> String {
        "# ".to_owned()
    }
}

/// Attached to a container that keeps running.
pub struct Attached {
    pub container: String,
}

/// Containers whose process ended by now: `ContainerExited` events.
pub fn settle(s: &mut Session, o: &mut Output) {
    for (id, code) in s.engine.settle() {
        o.events.push(Event::ContainerExited { id, code });
    }
}

/// Stays connected to a running container: a shell (`-it` with a shell process) or its output.
pub fn attach(s: &mut Session, id: &str, shell: bool, o: &mut Output) {
    let _ = (shell, o);
    s.mode = Mode::Attached(Attached {
        container: id.to_owned(),
    });
}

/// A line typed while connected to a container.
pub fn line(s: &mut Session, text: &str) -> Output {
    let _ = text;
    s.mode = Mode::Docker;
    Output::new()
}

/// Ctrl-C.
pub fn interrupt(s: &mut Session) -> Output {
    s.mode = Mode::Docker;
    Output::new().with_code(130)
}

/// Ctrl-P Ctrl-Q.
pub fn detach(s: &mut Session) -> Output {
    s.mode = Mode::Docker;
    Output::new()
}
