//! `docker exec`: a process in a running container (its user, directory and environment, with
//! `-u`, `-w`, `-e` on top), over the container's filesystem and mounts. Its output is not part
//! of the container's log. A missing executable is the OCI runtime's exec error, printed by the
//! client, with status 127 (126 when it cannot be run).
use drydock_shell::{ExecError, Runtime, ShellConfig, run_argv};

use super::fs::Host;
use super::programs::{ContainerPrograms, base_registry};
use super::start::{ProcessOverrides, log_lines, prepare};
use super::{DaemonError, LogLine};
use crate::engine::Engine;

/// What `docker exec` runs.
#[derive(Debug, Clone, Default)]
pub struct ExecSpec {
    pub argv: Vec<String>,
    pub overrides: ProcessOverrides,
    pub stdin: Vec<u8>,
    /// `-t`: the process's output is a terminal.
    pub tty: bool,
}

/// What it printed and how it ended.
#[derive(Debug, Clone, Default)]
pub struct ExecResult {
    pub lines: Vec<LogLine>,
    pub exit_code: i32,
    pub notes: Vec<String>,
}

/// The runtime's message when an exec cannot start.
pub fn oci_exec_error(e: &ExecError, name: &str) -> Option<(String, i32)> {
    super::start::oci_error(
        "OCI runtime exec failed: exec failed: unable to start container process:",
        e,
        name,
    )
}

impl Engine {
    /// The running container a reference names, or the daemon's error.
    pub fn running_container(&mut self, reference: &str) -> Result<super::Container, DaemonError> {
        self.settle();
        let c = self.find_container(reference)?.clone();
        if !c.state.running() {
            return Err(DaemonError::new(format!(
                "container {} is not running",
                c.id
            )));
        }
        Ok(c)
    }

    /// Runs `spec` in the container.
    pub fn exec_in_container(
        &mut self,
        reference: &str,
        spec: &ExecSpec,
        host: &mut Host<'_>,
    ) -> Result<ExecResult, DaemonError> {
        let c = self.running_container(reference)?;
        let mut mounted = self.mount(&c, host)?;
        let process = match prepare(&mut mounted, &c, &spec.overrides) {
            Ok(p) => p,
            Err(e) => {
                self.unmount(&c.id, mounted, host);
                return Err(DaemonError::new(e));
            }
        };
        let now = self.now_ms();
        let base = base_registry();
        let programs = ContainerPrograms::new(&base);
        let config = ShellConfig {
            pid: 100 + u32::try_from(self.state.container_seq % 1000).unwrap_or(0),
            mtime: now.div_euclid(1000),
            network: c.host_config.network_mode != "none",
            tty: spec.tty,
            ..ShellConfig::default()
        };
        let (result, log, notes) = {
            let mut rt = Runtime::new(&mut mounted.upper, &programs, config);
            let r = run_argv(&mut rt, &process, &spec.argv, &spec.stdin);
            (r, rt.output.log.clone(), rt.notes.clone())
        };
        self.unmount(&c.id, mounted, host);
        let effects = programs.effects.borrow().clone();
        let mut lines = log_lines(&log, now, 20, &|o| effects.busy_before(o));
        let name = spec.argv.first().cloned().unwrap_or_default();
        let exit_code = match result {
            Ok(code) => code,
            Err(e) => match oci_exec_error(&e, &name) {
                Some((msg, code)) => {
                    lines.push(LogLine {
                        at_ms: now,
                        stderr: false,
                        text: msg,
                    });
                    code
                }
                None => 0,
            },
        };
        if effects.busy_ms > 0 {
            self.advance(effects.busy_ms);
        }
        let mut all_notes = notes;
        all_notes.extend(effects.notes);
        Ok(ExecResult {
            lines,
            exit_code,
            notes: all_notes,
        })
    }
}
