//! Interactive shells in containers: `docker run -it IMAGE sh|bash` (the shell is PID 1 and the
//! container exits with its status) and `docker exec -it CONTAINER sh`. Lines are run one at a
//! time by drydock-shell with the shell's state kept between them; prompts are what the shell
//! prints (dash `# `/`$ `, busybox ash `/ # `, Debian's bash `root@3f4c5d6e7f8a:/# `), and error
//! messages count lines as an interactive shell does.
use drydock_shell::{Dialect, Process, Runtime, Shell, ShellConfig};
use drydock_vfs::Tree;

use super::fs::Host;
use super::programs::{ContainerPrograms, base_registry};
use super::start::log_lines;
use super::{DaemonError, LogLine};
use crate::engine::Engine;

/// Which shell it is (for the prompt and the dialect).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShellKind {
    /// dash as `/bin/sh` (Debian, Ubuntu).
    Dash,
    /// busybox ash (`alpine`, `busybox`).
    Ash,
    Bash,
}

/// The program identity (`#!drydock:program NAME`) of an executable, following symlinks and
/// searching `PATH` for a bare name.
pub fn program_of(tree: &Tree, name: &str, path_var: &str) -> Option<String> {
    let candidates: Vec<String> = if name.contains('/') {
        vec![name.to_owned()]
    } else {
        path_var
            .split(':')
            .filter(|d| !d.is_empty())
            .map(|d| format!("{}/{name}", d.trim_end_matches('/')))
            .collect()
    };
    for c in candidates {
        if let Ok((_, node)) = tree.lookup(&c, true)
            && let Some(content) = node.content()
        {
            let head = content.read(0, 128);
            let text = String::from_utf8_lossy(&head);
            let first = text.lines().next().unwrap_or("");
            return Some(
                first
                    .strip_prefix(drydock_shell::programs::PROGRAM_MARKER)
                    .map_or_else(|| "script".to_owned(), |n| n.trim().to_owned()),
            );
        }
    }
    None
}

/// Whether `argv` (with a terminal and stdin) is an interactive shell, and which.
pub fn interactive_shell(tree: &Tree, argv: &[String], path_var: &str) -> Option<ShellKind> {
    let (first, rest) = argv.split_first()?;
    if !rest
        .iter()
        .all(|a| matches!(a.as_str(), "-i" | "-l" | "--login" | "-il" | "-li"))
    {
        return None;
    }
    let base = first.rsplit('/').next().unwrap_or(first);
    if !matches!(base, "sh" | "bash" | "dash" | "ash") {
        return None;
    }
    let busybox = tree.exists("/bin/busybox");
    match program_of(tree, first, path_var)?.as_str() {
        "bash" => Some(ShellKind::Bash),
        "busybox" | "ash" => Some(ShellKind::Ash),
        "sh" if busybox => Some(ShellKind::Ash),
        "sh" | "dash" => Some(ShellKind::Dash),
        _ => None,
    }
}

/// A shell the terminal is typing into.
pub struct ShellSession {
    /// The container's id.
    pub container: String,
    /// `docker exec -it` (leaving it does not stop the container).
    pub exec: bool,
    pub kind: ShellKind,
    shell: Shell,
    lines_read: u32,
    hostname: String,
    home: String,
}

impl ShellSession {
    /// The shell's working directory.
    pub fn cwd(&self) -> &str {
        &self.shell.cwd
    }

    /// The prompt the shell prints now.
    pub fn prompt(&self) -> String {
        let root = self.shell.user.uid == 0;
        let sign = if root { '#' } else { '$' };
        let cwd = self.shell.cwd.clone();
        let tilde = if !self.home.is_empty() && self.home != "/" && cwd.starts_with(&self.home) {
            format!("~{}", &cwd[self.home.len()..])
        } else {
            cwd.clone()
        };
        match self.kind {
            ShellKind::Dash => format!("{sign} "),
            ShellKind::Ash => format!("{tilde} {sign} "),
            ShellKind::Bash => format!("{}@{}:{tilde}{sign} ", self.shell.user.name, self.hostname),
        }
    }
}

impl Engine {
    /// A shell session for a container's process or an exec (`process` as prepared).
    pub fn open_shell(
        &mut self,
        container: &str,
        argv: &[String],
        process: &Process,
        kind: ShellKind,
        exec: bool,
    ) -> Result<ShellSession, DaemonError> {
        let c = self.find_container(container)?.clone();
        let arg0 = argv.first().cloned().unwrap_or_else(|| "sh".to_owned());
        let dialect = if kind == ShellKind::Bash {
            Dialect::Bash
        } else {
            Dialect::Dash
        };
        let shell = Shell::new(
            process,
            &arg0,
            Vec::new(),
            if exec { 7 } else { 1 },
            dialect,
        );
        let home = process
            .env
            .iter()
            .find(|(k, _)| k == "HOME")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        Ok(ShellSession {
            container: c.id.clone(),
            exec,
            kind,
            shell,
            lines_read: 0,
            hostname: c.config.hostname.clone(),
            home,
        })
    }

    /// Runs one typed line; returns the output (stdout and stderr in order, as a terminal shows
    /// them) and `Some(status)` when the shell exited.
    pub fn shell_line(
        &mut self,
        sess: &mut ShellSession,
        line: &str,
        host: &mut Host<'_>,
    ) -> Result<(Vec<LogLine>, Option<i32>), DaemonError> {
        let c = self.running_container(&sess.container)?;
        let mut mounted = self.mount(&c, host)?;
        sess.lines_read += 1;
        // Interactive dash counts lines read; the parser counts from 1, so the line is placed at
        // its number.
        let text = format!(
            "{}{line}\n",
            "\n".repeat(usize::try_from(sess.lines_read.saturating_sub(1)).unwrap_or(0))
        );
        let options = drydock_shell::ParseOptions {
            bash: sess.kind == ShellKind::Bash,
        };
        let script = drydock_shell::parse_with(&text, options);
        let now = self.now_ms();
        let base = base_registry();
        let programs = ContainerPrograms::new(&base);
        let config = ShellConfig {
            pid: if sess.exec { 7 } else { 1 },
            mtime: now.div_euclid(1000),
            network: c.host_config.network_mode != "none",
            ..ShellConfig::default()
        };
        let (exit, log) = {
            let mut rt = Runtime::new(&mut mounted.upper, &programs, config);
            let r = sess.shell.run_interactive(&mut rt, &script);
            (r, rt.output.log.clone())
        };
        self.unmount(&c.id, mounted, host);
        let effects = programs.effects.borrow().clone();
        let lines = log_lines(&log, now, 5, &|o| effects.busy_before(o));
        if effects.busy_ms > 0 {
            self.advance(effects.busy_ms);
        }
        if !sess.exec
            && let Some(cm) = self.container_mut(&c.id)
        {
            cm.logs.extend(lines.iter().cloned());
        }
        Ok((lines, exit))
    }

    /// Whether a container's own process is a shell that would read the terminal.
    pub fn container_shell_kind(&mut self, id: &str) -> Option<ShellKind> {
        let c = self.find_container(id).ok()?.clone();
        let tree = self.container_tree(&c.id)?;
        let path = c
            .config
            .env
            .iter()
            .find_map(|e| e.strip_prefix("PATH="))
            .unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .to_owned();
        interactive_shell(&tree, &c.argv(), &path)
    }

    /// `docker exec -it CONTAINER sh`: a shell session when `argv` is an interactive shell
    /// (`Ok(None)` otherwise: the caller runs it as a plain exec).
    pub fn exec_shell(
        &mut self,
        reference: &str,
        argv: &[String],
        overrides: &super::start::ProcessOverrides,
        host: &mut Host<'_>,
    ) -> Result<Option<ShellSession>, DaemonError> {
        let c = self.running_container(reference)?;
        let mut mounted = self.mount(&c, host)?;
        let prepared = super::start::prepare(&mut mounted, &c, overrides);
        let tree = mounted.upper.tree().clone();
        self.unmount(&c.id, mounted, host);
        let process = prepared.map_err(DaemonError::new)?;
        let path = process
            .env
            .iter()
            .find(|(k, _)| k == "PATH")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let Some(kind) = interactive_shell(&tree, argv, &path) else {
            return Ok(None);
        };
        self.open_shell(&c.id, argv, &process, kind, true).map(Some)
    }

    /// The PID 1 shell of `docker run -it` exited: so does the container.
    pub fn end_shell(&mut self, sess: &ShellSession, code: i32) {
        if !sess.exec {
            let at = self.now_ms();
            self.finish_process(&sess.container, code, at);
        }
    }
}
