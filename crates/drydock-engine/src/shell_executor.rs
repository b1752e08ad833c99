//! A [`RunExecutor`] that runs RUN through drydock-shell: the process is exec'd from the step's
//! filesystem (PATH search, program identity, `#!` scripts) with the simulated programs of a
//! registry. Programs that are not simulated make the command fail (exit 126) with a note.
use drydock_shell::{Process, Programs, Registry, Runtime, ShellConfig, User, run_argv};

use crate::executor::{RunExecutor, RunOutcome, RunRequest};

/// Runs RUN through the shell interpreter with a program registry (by default every program
/// drydock-shell simulates: `Registry::standard()`).
pub struct ShellExecutor {
    programs: Box<dyn Programs>,
    lenient: bool,
}

impl Default for ShellExecutor {
    fn default() -> Self {
        ShellExecutor::new(Box::new(Registry::standard()))
    }
}

impl ShellExecutor {
    /// An executor over `programs` (e.g. `Registry::with_shells()` plus simulated programs).
    pub fn new(programs: Box<dyn Programs>) -> Self {
        ShellExecutor {
            programs,
            lenient: false,
        }
    }

    /// When a command needs a program that is not simulated, record the step instead of
    /// failing it (the filesystem is left as it was before the step, and a note says so).
    #[must_use]
    pub fn lenient(mut self) -> Self {
        self.lenient = true;
        self
    }
}

/// Splits one output chunk (written from byte `offset` on) into lines stamped with the virtual
/// time the programs had reached when each line was written, plus `at`.
fn split_lines(
    output: &drydock_shell::Output,
    (bytes, offset): (&[u8], usize),
    stderr: bool,
    at: i64,
    out: &mut Vec<(i64, bool, String)>,
) {
    if bytes.is_empty() {
        return;
    }
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let mut start = 0;
    for l in body.split(|b| *b == b'\n') {
        let t = i64::try_from(output.time_at(offset + start)).unwrap_or(i64::MAX);
        out.push((
            at.saturating_add(t),
            stderr,
            String::from_utf8_lossy(l).into_owned(),
        ));
        start += l.len() + 1;
    }
}

impl RunExecutor for ShellExecutor {
    fn run(&self, req: RunRequest<'_>) -> RunOutcome {
        if !self.lenient {
            return self.run_strict(req);
        }
        let before = req.upper.tree().clone();
        let argv = req.argv.clone();
        let mut req = req;
        let up = &mut *req.upper;
        let saved = before;
        let outcome = self.run_strict(RunRequest {
            upper: up,
            argv: req.argv.clone(),
            env: std::mem::take(&mut req.env),
            workdir: std::mem::take(&mut req.workdir),
            user: req.user.clone(),
            mounts: std::mem::take(&mut req.mounts),
            network: std::mem::take(&mut req.network),
            hostname: std::mem::take(&mut req.hostname),
            now_secs: req.now_secs,
        });
        let not_simulated = outcome.notes.iter().any(|n| n.contains("not simulated"))
            || outcome
                .start_error
                .as_ref()
                .is_some_and(|e| e.contains("not simulated"));
        if outcome.exit_code != 0 && not_simulated {
            *req.upper.tree_mut() = saved;
            let mut notes = outcome.notes;
            notes.push(format!(
                "recorded only (needs programs Drydock does not simulate yet): {}",
                argv.join(" ")
            ));
            return RunOutcome {
                exit_code: 0,
                lines: Vec::new(),
                duration_ms: outcome.duration_ms,
                start_error: None,
                notes,
            };
        }
        outcome
    }
}

impl ShellExecutor {
    fn run_strict(&self, req: RunRequest<'_>) -> RunOutcome {
        let process = Process {
            env: req.env.clone(),
            cwd: req.workdir.clone(),
            user: User {
                uid: req.user.uid,
                gid: req.user.gid,
                name: req.user.name.clone(),
            },
            umask: 0o022,
        };
        let config = ShellConfig {
            pid: 1,
            mtime: req.now_secs,
            ..ShellConfig::default()
        };
        let mut rt = Runtime::new(req.upper, self.programs.as_ref(), config);
        let r = run_argv(&mut rt, &process, &req.argv, b"");
        let mut lines = Vec::new();
        let mut at = 20;
        let mut offset = 0;
        for (stream, bytes) in &rt.output.log {
            split_lines(
                &rt.output,
                (bytes, offset),
                matches!(stream, drydock_shell::Stream::Stderr),
                at,
                &mut lines,
            );
            offset += bytes.len();
            at += 5;
        }
        // the programs' virtual clock (downloads, installs, sleep) plus a little per chunk
        let busy = i64::try_from(rt.output.clock_ms).unwrap_or(i64::MAX);
        let duration_ms = (80 + at).saturating_add(busy);
        let notes = rt.notes.clone();
        match r {
            Ok(code) => RunOutcome {
                exit_code: code,
                lines,
                duration_ms,
                start_error: None,
                notes,
            },
            Err(e) => {
                let name = req.argv.first().cloned().unwrap_or_default();
                let msg = match e {
                    drydock_shell::ExecError::NotFound => format!(
                        "runc run failed: unable to start container process: error during container init: exec: {}: executable file not found in $PATH: unknown",
                        drydock_syntax::words::go_quote(&name)
                    ),
                    drydock_shell::ExecError::PermissionDenied => format!(
                        "runc run failed: unable to start container process: error during container init: exec: {}: permission denied: unknown",
                        drydock_syntax::words::go_quote(&name)
                    ),
                    drydock_shell::ExecError::NotSimulated(what) => {
                        format!("{name}: {what} (Drydock)")
                    }
                };
                RunOutcome {
                    exit_code: 126,
                    lines,
                    duration_ms,
                    start_error: Some(msg),
                    notes,
                }
            }
        }
    }
}
