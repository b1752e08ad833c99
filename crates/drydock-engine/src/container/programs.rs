//! The program registry a container runs with: drydock-shell's simulated programs, plus what the
//! container runtime adds — Python scripts (`python_script.rs`), web servers that keep running
//! (`servers.rs`) — and bookkeeping of time: `sleep` durations, and programs that never end on
//! their own (`sleep infinity`, `tail -f`, servers), so a container can stay "Up".
use std::cell::RefCell;

pub use drydock_shell::Registry;
use drydock_shell::{ExitStatus, ProgramCtx, Programs};

use super::Signals;

/// What the programs of one run did besides output.
#[derive(Debug, Clone, Default)]
pub struct Effects {
    /// Virtual time spent (sleeps, training loops), in milliseconds.
    pub busy_ms: i64,
    /// Set when a program runs until stopped; the container stays running.
    pub forever: Option<String>,
    /// Ports something listens on.
    pub listening: Vec<u16>,
    /// How the never-ending program reacts to signals.
    pub signals: Signals,
    /// Notes on what was simulated.
    pub notes: Vec<String>,
    /// `(bytes of output so far, busy_ms after)` each time time passes, so that output printed
    /// after a `sleep` is stamped after it.
    pub checkpoints: Vec<(usize, i64)>,
}

impl Effects {
    /// Lets `ms` of virtual time pass after `bytes` of output.
    pub fn pass(&mut self, bytes: usize, ms: i64) {
        self.busy_ms += ms;
        self.checkpoints.push((bytes, self.busy_ms));
    }

    /// Virtual time spent before the output byte at `offset` was printed.
    pub fn busy_before(&self, offset: usize) -> i64 {
        self.checkpoints
            .iter()
            .rev()
            .find(|(b, _)| *b <= offset)
            .map_or(0, |(_, ms)| *ms)
    }
}

/// Bytes printed so far by a run.
pub fn printed(ctx: &ProgramCtx<'_, '_>) -> usize {
    ctx.rt.output.stdout.len() + ctx.rt.output.stderr.len()
}

/// The registry every container process uses.
pub fn base_registry() -> Registry {
    Registry::standard()
}

/// drydock-shell's programs plus the container runtime's.
pub struct ContainerPrograms<'a> {
    pub inner: &'a dyn Programs,
    pub effects: RefCell<Effects>,
    /// For a container command that starts with a shell: whether the shell(s) `exec` the program
    /// they run, which is then PID 1 (`sh -c 'uvicorn …'`), or stay its parent (`cd /app &&
    /// uvicorn …`); see `shell_exec.rs`. `None`: decided by the process numbering.
    pub shell_execs: Option<bool>,
}

impl<'a> ContainerPrograms<'a> {
    pub fn new(inner: &'a dyn Programs) -> Self {
        ContainerPrograms {
            inner,
            effects: RefCell::new(Effects::default()),
            shell_execs: None,
        }
    }
}

/// `sleep` operands in milliseconds (`None` for `infinity`).
fn sleep_ms(argv: &[String]) -> Option<i64> {
    let mut total = 0f64;
    for a in argv.iter().skip(1) {
        if a == "infinity" || a == "inf" {
            return None;
        }
        let (num, mult) = match a.chars().last() {
            Some('s') => (&a[..a.len() - 1], 1.0),
            Some('m') => (&a[..a.len() - 1], 60.0),
            Some('h') => (&a[..a.len() - 1], 3600.0),
            Some('d') => (&a[..a.len() - 1], 86400.0),
            _ => (a.as_str(), 1.0),
        };
        total += num.parse::<f64>().unwrap_or(0.0) * mult;
    }
    Some((total * 1000.0) as i64)
}

const SERVERS: &[&str] = &["uvicorn", "streamlit", "flask", "gunicorn", "fastapi"];

impl Programs for ContainerPrograms<'_> {
    fn contains(&self, name: &str) -> bool {
        self.inner.contains(name)
            || matches!(
                name,
                "python" | "python3" | "sleep" | "tail" | "nginx" | "nginx-debug"
            )
            || SERVERS.contains(&name)
    }

    fn run(
        &self,
        name: &str,
        ctx: &mut ProgramCtx<'_, '_>,
        argv: &[String],
        stdin: &[u8],
    ) -> ExitStatus {
        if self.effects.borrow().forever.is_some() {
            // Something before this never returned: nothing after it runs.
            return 0;
        }
        match name {
            "sleep" => {
                let status = if self.inner.contains("sleep") {
                    self.inner.run(name, ctx, argv, stdin)
                } else {
                    0
                };
                if status == 0 {
                    let bytes = printed(ctx);
                    let mut e = self.effects.borrow_mut();
                    match sleep_ms(argv) {
                        Some(ms) => e.pass(bytes, ms),
                        None => e.forever = Some("sleep infinity".to_owned()),
                    }
                }
                status
            }
            "tail"
                if argv.iter().any(|a| {
                    a == "-f" || a == "-F" || a == "--follow" || a.starts_with("--follow=")
                }) =>
            {
                let status = if self.inner.contains("tail") {
                    self.inner.run(name, ctx, argv, stdin)
                } else {
                    0
                };
                if status == 0 {
                    self.effects.borrow_mut().forever = Some("tail -f".to_owned());
                }
                status
            }
            "python" | "python3" => super::python_script::run(self, ctx, argv, stdin),
            "nginx" | "nginx-debug" => super::nginx::run(self, ctx, argv),
            n if SERVERS.contains(&n) && !self.inner.contains(n) => {
                super::servers::run(self, n, ctx, argv)
            }
            _ => self.inner.run(name, ctx, argv, stdin),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleeps() {
        let a = |s: &[&str]| s.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        assert_eq!(sleep_ms(&a(&["sleep", "2", "1m"])), Some(62_000));
        assert_eq!(sleep_ms(&a(&["sleep", "infinity"])), None);
    }
}
