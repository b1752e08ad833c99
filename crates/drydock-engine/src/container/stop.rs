//! Stopping processes: `docker stop` (the stop signal — the image's STOPSIGNAL, SIGTERM by
//! default — then SIGKILL after the timeout: a PID 1 without a handler ignores the signal, so it
//! takes the whole timeout and exits 137), `docker kill` (SIGKILL → 137, or another signal),
//! Ctrl-C on an attached `docker run` (SIGINT), `docker restart`.
use super::fs::Host;
use super::start::Started;
use super::{DaemonError, LogLine};
use crate::engine::Engine;

/// How a stop went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    /// Lines the process printed while stopping.
    pub lines: Vec<LogLine>,
    pub exit_code: i32,
    /// Virtual time the stop took.
    pub took_ms: i64,
}

impl Engine {
    fn end_with(&mut self, id: &str, lines: &[(bool, String)], code: i32, took_ms: i64) -> Stopped {
        let start = self.now_ms();
        let mut out = Vec::new();
        for (i, (stderr, text)) in lines.iter().enumerate() {
            out.push(LogLine {
                at_ms: start + 5 * (i as i64 + 1),
                stderr: *stderr,
                text: text.clone(),
            });
        }
        if let Some(c) = self.container_mut(id) {
            c.logs.extend(out.iter().cloned());
        }
        self.advance(took_ms);
        let at = self.now_ms();
        self.finish_process(id, code, at);
        Stopped {
            lines: out,
            exit_code: code,
            took_ms,
        }
    }

    /// `docker stop` with `timeout_s` (default 10): sends the container's stop signal (the image's
    /// STOPSIGNAL, SIGTERM by default). Stopping a stopped container is not an error.
    pub fn stop_container(
        &mut self,
        id: &str,
        timeout_s: i64,
    ) -> Result<Option<Stopped>, DaemonError> {
        self.settle();
        let c = self
            .find_container(id)
            .map_err(|_| DaemonError::no_such_container(id))?
            .clone();
        if !c.state.running() {
            return Ok(None);
        }
        let sig = signal_name(&c.config.stop_signal);
        if sig == "KILL" {
            return Ok(Some(self.end_with(&c.id, &[], 137, 50)));
        }
        if let Some((lines, code)) = c.state.signals.handler(&sig) {
            return Ok(Some(self.end_with(&c.id, lines, code, 400)));
        }
        // PID 1 has no handler for the signal: the kernel ignores it, and the daemon sends
        // SIGKILL when the timeout runs out.
        Ok(Some(self.end_with(
            &c.id,
            &[],
            137,
            timeout_s.max(0) * 1000,
        )))
    }

    /// `docker kill [-s SIGNAL]`.
    pub fn kill_container(
        &mut self,
        reference: &str,
        signal: &str,
    ) -> Result<Stopped, DaemonError> {
        self.settle();
        let c = self
            .find_container(reference)
            .map_err(|e| {
                DaemonError::new(format!("cannot kill container: {reference}: {}", e.message))
            })?
            .clone();
        if !c.state.running() {
            return Err(DaemonError::new(format!(
                "cannot kill container: {reference}: container {} is not running",
                c.id
            )));
        }
        let sig = if signal.is_empty() {
            "KILL".to_owned()
        } else {
            signal_name(signal)
        };
        if sig == "KILL" {
            return Ok(self.end_with(&c.id, &[], 137, 50));
        }
        Ok(match c.state.signals.handler(&sig) {
            Some((lines, code)) => self.end_with(&c.id, lines, code, 400),
            None => Stopped {
                lines: Vec::new(),
                exit_code: 0,
                took_ms: 0,
            },
        })
    }

    /// Ctrl-C on an attached client: SIGINT (sig-proxy). `None` when the process ignores it.
    pub fn interrupt_container(&mut self, id: &str) -> Option<Stopped> {
        let c = self.state.containers.get(id)?.clone();
        if !c.state.running() {
            return None;
        }
        let (lines, code) = c.state.signals.handler("INT")?;
        Some(self.end_with(id, lines, code, 300))
    }

    /// `docker restart`: stop (if running), then start.
    pub fn restart_container(
        &mut self,
        reference: &str,
        timeout_s: i64,
        host: &mut Host<'_>,
    ) -> Result<Started, DaemonError> {
        let id = self.container_id(reference)?;
        self.stop_container(&id, timeout_s).map_err(|e| {
            DaemonError::new(format!(
                "Cannot restart container {reference}: {}",
                e.message
            ))
        })?;
        self.start_container(&id, host, b"").map_err(|e| {
            DaemonError::new(format!(
                "Cannot restart container {reference}: {}",
                e.message
            ))
        })
    }
}

/// A signal as the name without `SIG`, upper-cased (`sigint`, `SIGINT`, `INT` and `2` are all
/// `INT`); empty means SIGTERM, the daemon's default stop signal.
pub(crate) fn signal_name(signal: &str) -> String {
    let upper = signal.trim().to_ascii_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    match name {
        "" | "15" => "TERM",
        "1" => "HUP",
        "2" => "INT",
        "3" => "QUIT",
        "9" => "KILL",
        "10" => "USR1",
        "12" => "USR2",
        other => other,
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::signal_name;

    #[test]
    fn signal_names() {
        for (given, want) in [
            ("", "TERM"),
            ("SIGTERM", "TERM"),
            ("sigint", "INT"),
            ("2", "INT"),
            ("SIGKILL", "KILL"),
            ("9", "KILL"),
            ("SIGQUIT", "QUIT"),
        ] {
            assert_eq!(signal_name(given), want, "{given}");
        }
    }
}
