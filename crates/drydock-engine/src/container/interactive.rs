//! Interactive shells in containers: `docker run -it IMAGE sh|bash` (the shell is PID 1 and the
//! container exits with its status) and `docker exec -it CONTAINER sh`. Lines are run one at a
//! time by drydock-shell with the shell's state kept between them; prompts are what the shell
//! prints (dash `# `/`$ `, busybox ash `/ # `, Debian's bash `root@3f4c5d6e7f8a:/# `), and error
//! messages count lines as an interactive shell does. `docker run -it python` gets Python's
//! prompt (`>>> `): each line runs as `python -c LINE` would (imports checked against what the
//! image has, literal prints printed), with the REPL's banner, tracebacks and `exit()`.
use drydock_shell::programs::{python_bound_names, python_name_column};
use drydock_shell::{Dialect, Process, Runtime, Shell, ShellConfig};
use drydock_vfs::{Content, Tree};

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
    /// The Python interpreter's interactive prompt.
    Python,
}

/// The content of the executable `name` runs (following symlinks, searching `PATH` for a bare
/// name): the first candidate that is a file.
fn executable<'t>(tree: &'t Tree, name: &str, path_var: &str) -> Option<&'t Content> {
    let candidates: Vec<String> = if name.contains('/') {
        vec![name.to_owned()]
    } else {
        path_var
            .split(':')
            .filter(|d| !d.is_empty())
            .map(|d| format!("{}/{name}", d.trim_end_matches('/')))
            .collect()
    };
    candidates
        .iter()
        .find_map(|c| tree.lookup(c, true).ok().and_then(|(_, n)| n.content()))
}

/// The program identity (`#!drydock:program NAME`) of an executable, following symlinks and
/// searching `PATH` for a bare name.
pub fn program_of(tree: &Tree, name: &str, path_var: &str) -> Option<String> {
    let head = executable(tree, name, path_var)?.read(0, 128);
    let text = String::from_utf8_lossy(&head);
    let first = text.lines().next().unwrap_or("");
    Some(
        first
            .strip_prefix(drydock_shell::programs::PROGRAM_MARKER)
            .map_or_else(|| "script".to_owned(), |n| n.trim().to_owned()),
    )
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
    if base.starts_with("python") {
        // `python`, `python3`, `python3.11` with no script: the REPL.
        return (program_of(tree, first, path_var)? == "python").then_some(ShellKind::Python);
    }
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

/// The `key=value` info line `key` of the program executable `name` resolves to.
fn program_info(tree: &Tree, name: &str, path_var: &str, key: &str) -> Option<String> {
    let head = executable(tree, name, path_var)?.read(0, 512);
    let text = String::from_utf8_lossy(&head);
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .map(str::to_owned)
}

/// What a line typed at Python's prompt does.
enum PythonLine {
    /// Run this shell line (the interpreter with `-c`); `true`: the line was a bare expression
    /// whose value is a string, which the prompt echoes as its repr (quoted).
    Run(String, bool),
    /// Print this (possibly nothing); `Some(status)`: the interpreter exits.
    Done(String, Option<i32>),
}

fn python_prompt_line(sess: &ShellSession, program: &str, line: &str) -> PythonLine {
    let code = line.trim();
    let exit_status = |arg: &str| -> Option<i32> {
        match arg.trim() {
            "" | "None" => Some(0),
            n => n.parse().ok(),
        }
    };
    let sys_bound = sess
        .python_imports
        .iter()
        .flat_map(|i| python_bound_names(i))
        .any(|name| name == "sys");
    for f in ["exit(", "quit(", "sys.exit("] {
        if f == "sys.exit(" && !sys_bound {
            continue;
        }
        if let Some(arg) = code.strip_prefix(f).and_then(|r| r.strip_suffix(')'))
            && let Some(status) = exit_status(arg)
        {
            return PythonLine::Done(String::new(), Some(status));
        }
    }
    match code {
        "" => PythonLine::Done(String::new(), None),
        "exit" | "quit" if sess.new_repl() => PythonLine::Done(String::new(), Some(0)),
        "exit" | "quit" => {
            PythonLine::Done(format!("Use {code}() or Ctrl-D (i.e. EOF) to exit"), None)
        }
        _ => {
            // The earlier imports run first (their names stay bound); the typed line is the last.
            let prelude: String = sess
                .python_imports
                .iter()
                .map(|i| format!("{i}\n"))
                .collect();
            let quote = |c: &str| format!("{prelude}{c}").replace('\'', "'\\''");
            // A bare expression the interpreter simulation can print: the prompt echoes its value.
            if let Some(stringy) = drydock_shell::programs::python_prompt_value(code) {
                let print = format!("print({code})");
                return PythonLine::Run(format!("{program} -c '{}'", quote(&print)), stringy);
            }
            PythonLine::Run(format!("{program} -c '{}'", quote(code)), false)
        }
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
    /// For the Python prompt: the interpreter as started and its version (`3.11.14`).
    /// The compiler its banner names comes third.
    python: Option<(String, String, &'static str)>,
    /// The import statements typed at the Python prompt that ran (without the other statements
    /// of their lines): each later line runs after them, so the names they bound stay bound.
    python_imports: Vec<String>,
}

impl ShellSession {
    /// What the program prints when it starts (Python's banner; shells print nothing).
    pub fn banner(&self) -> String {
        match &self.python {
            Some((_, version, compiler)) => format!(
                "Python {version} (main, Oct 21 2025, 00:00:00) [{compiler}] on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n"
            ),
            None => String::new(),
        }
    }

    /// Python 3.13's new REPL (`exit` leaves, tracebacks name `<python-input-N>`).
    fn new_repl(&self) -> bool {
        self.python.as_ref().is_some_and(|(_, v, _)| {
            let mut parts = v.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
            (parts.next().unwrap_or(0), parts.next().unwrap_or(0)) >= (3, 13)
        })
    }

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
            ShellKind::Python => ">>> ".to_owned(),
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
        let python = (kind == ShellKind::Python).then(|| {
            let path = process
                .env
                .iter()
                .find(|(k, _)| k == "PATH")
                .map_or("", |(_, v)| v.as_str());
            let tree = self.container_tree(&c.id);
            let version = tree
                .as_ref()
                .and_then(|t| program_info(t, &arg0, path, "version"))
                .unwrap_or_else(|| "3".to_owned());
            let release = |p: &str| {
                tree.as_ref()
                    .and_then(|t| t.lookup(p, true).ok())
                    .and_then(|(_, n)| n.content())
                    .map(|c| String::from_utf8_lossy(&c.read(0, 64)).into_owned())
            };
            let compiler = drydock_shell::programs::python_compiler(
                release("/etc/debian_version").as_deref(),
                release("/etc/alpine-release").is_some(),
            );
            (arg0.clone(), version, compiler)
        });
        Ok(ShellSession {
            container: c.id.clone(),
            exec,
            kind,
            shell,
            lines_read: 0,
            hostname: c.config.hostname.clone(),
            home,
            python,
            python_imports: Vec::new(),
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
        let python_line = match &sess.python {
            Some((program, _, _)) => match python_prompt_line(sess, program, line) {
                PythonLine::Run(script, repr) => Some((script, repr)),
                PythonLine::Done(out, exit) => {
                    let now = self.now_ms();
                    let lines = out
                        .lines()
                        .map(|l| LogLine {
                            at_ms: now,
                            stderr: false,
                            text: l.to_owned(),
                        })
                        .collect();
                    return Ok((lines, exit));
                }
            },
            None => None,
        };
        let mut mounted = self.mount(&c, host)?;
        sess.lines_read += 1;
        let typed = line;
        let line = python_line.as_ref().map_or(line, |(l, _)| l.as_str());
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
            tty: true,
            ..ShellConfig::default()
        };
        let (exit, log) = {
            let mut rt = Runtime::new(&mut mounted.upper, &programs, config);
            let r = sess.shell.run_interactive(&mut rt, &script);
            (r, rt.output.log.clone())
        };
        self.unmount(&c.id, mounted, host);
        let effects = programs.effects.borrow().clone();
        let mut lines = log_lines(&log, now, 5, &|o| effects.busy_before(o));
        if sess.python.is_some() {
            // `-c`'s code is `<string>`; typed at the prompt it is `<stdin>` (3.13: numbered inputs).
            let name = if sess.new_repl() {
                format!("<python-input-{}>", sess.lines_read.saturating_sub(1))
            } else {
                "<stdin>".to_owned()
            };
            let repr = python_line.as_ref().is_some_and(|(_, r)| *r);
            // The typed line ran after the earlier imports: its frame is line 1 of the input.
            let after_imports =
                format!("File \"<string>\", line {}", sess.python_imports.len() + 1);
            // Python points carets at the name a NameError names.
            let unbound = lines.iter().rev().find_map(|l| {
                let rest = l.text.strip_prefix("NameError: name '")?;
                rest.split_once('\'').map(|(n, _)| n.to_owned())
            });
            let mut out = Vec::with_capacity(lines.len() + 2);
            for mut l in lines {
                let frame = l.text.contains("File \"<string>\"");
                l.text = l
                    .text
                    .replace(&after_imports, "File \"<string>\", line 1")
                    .replace("File \"<string>\"", &format!("File \"{name}\""));
                if repr && !l.stderr && !l.text.starts_with("Traceback") {
                    l.text = format!("'{}'", l.text);
                }
                let mut source = Vec::new();
                if frame && sess.new_repl() {
                    let typed = typed.trim();
                    source.push(LogLine {
                        text: format!("    {typed}"),
                        ..l.clone()
                    });
                    let column = unbound
                        .as_deref()
                        .and_then(|n| python_name_column(typed, n).map(|c| (c, n.chars().count())));
                    if let Some((column, width)) = column {
                        source.push(LogLine {
                            text: format!("    {}{}", " ".repeat(column), "^".repeat(width)),
                            ..l.clone()
                        });
                    }
                }
                out.push(l);
                out.extend(source);
            }
            lines = out;
            if exit.is_none() && !lines.iter().any(|l| l.text.starts_with("Traceback")) {
                let imports = typed
                    .split(';')
                    .map(str::trim)
                    .filter(|stmt| !python_bound_names(stmt).is_empty());
                sess.python_imports.extend(imports.map(str::to_owned));
            }
        }
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
