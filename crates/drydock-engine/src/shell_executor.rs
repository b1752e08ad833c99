//! A [`RunExecutor`] that runs RUN through drydock-shell: the process is exec'd from the step's
//! filesystem (PATH search, program identity, `#!` scripts) with the simulated programs of a
//! registry. Programs that are not simulated make the command fail (exit 126) with a note.
use drydock_shell::{Process, Programs, Registry, Runtime, ShellConfig, User, run_argv};

use crate::executor::{RunExecutor, RunOutcome, RunRequest};

/// Runs RUN through the shell interpreter with a program registry.
pub struct ShellExecutor {
    programs: Box<dyn Programs>,
}

impl Default for ShellExecutor {
    fn default() -> Self {
        ShellExecutor::new(Box::new(Registry::with_shells()))
    }
}

impl ShellExecutor {
    /// An executor over `programs` (e.g. `Registry::with_shells()` plus simulated programs).
    pub fn new(programs: Box<dyn Programs>) -> Self {
        ShellExecutor { programs }
    }
}

fn split_lines(bytes: &[u8], stderr: bool, at: i64, out: &mut Vec<(i64, bool, String)>) {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_suffix('\n').unwrap_or(&text);
    if text.is_empty() && bytes.is_empty() {
        return;
    }
    for l in text.split('\n') {
        out.push((at, stderr, l.to_owned()));
    }
}

impl RunExecutor for ShellExecutor {
    fn run(&self, req: RunRequest<'_>) -> RunOutcome {
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
        for (stream, bytes) in &rt.output.log {
            split_lines(
                bytes,
                matches!(stream, drydock_shell::Stream::Stderr),
                at,
                &mut lines,
            );
            at += 5;
        }
        let duration_ms = 80 + at;
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
