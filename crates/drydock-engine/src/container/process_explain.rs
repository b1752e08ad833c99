//! The effective-process calculator: why a container runs the argv it runs. It explains the
//! daemon's own merge (`process::merge`, ENTRYPOINT × CMD × `docker run` arguments) step by
//! step — the form of the image's ENTRYPOINT and CMD, what became of CMD (appended, replaced by
//! the run arguments, cleared by `--entrypoint`, swallowed as `$0 …` by a shell-form ENTRYPOINT),
//! the final argv, which program is PID 1 (`shell_exec::shell_chain`) and whether `docker stop`'s
//! signal reaches the program. Pure: the same input gives the same explanation.
use super::Container;
use super::process::{merge, path_and_args};
use super::shell_exec::shell_chain;
use crate::image::ImageConfig;

/// How an ENTRYPOINT or CMD was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A JSON array, run as it is.
    Exec,
    /// Plain text the builder wrapped in the SHELL (`/bin/sh -c "…"`).
    Shell,
}

impl Form {
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Exec => "exec form",
            Form::Shell => "shell form",
        }
    }
}

/// An image's ENTRYPOINT or CMD as the config stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub form: Form,
    /// The stored words (for the shell form: the shell, `-c` and the command text).
    pub words: Vec<String>,
    /// The command text of the shell form.
    pub script: Option<String>,
}

/// Where the container's entrypoint comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntrypointSource {
    /// The image's ENTRYPOINT (or none: the image has none).
    Image,
    /// `docker run --entrypoint PROGRAM`.
    Overridden(String),
    /// `docker run --entrypoint ""`.
    Reset,
}

/// Where the container's CMD comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmdSource {
    /// The image's CMD.
    Image,
    /// The arguments after the image name replace CMD.
    RunArgs,
    /// `--entrypoint` was given without arguments: the image's CMD is dropped.
    ClearedByEntrypoint,
    /// Neither the image nor the run line has one.
    None,
}

/// What the process does with the CMD words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmdFate {
    /// There is no CMD.
    Absent,
    /// No entrypoint: CMD is the whole command.
    IsTheCommand,
    /// Appended to an exec-form entrypoint as its arguments.
    Appended,
    /// After a shell-form entrypoint the words become the shell's `$0 $1 …`; `used` when the
    /// command text refers to them (`$@`, `$*`, `$1` …).
    ShellParameters { used: bool },
}

/// What the calculator is given: the image's config and the `docker run` flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProcessInput<'a> {
    pub image_entrypoint: Option<&'a [String]>,
    pub image_cmd: Option<&'a [String]>,
    /// The image's SHELL (empty: `/bin/sh -c`), to recognise the shell form.
    pub image_shell: &'a [String],
    /// The image's STOPSIGNAL (empty: SIGTERM).
    pub stop_signal: &'a str,
    /// `--entrypoint` (`Some("")` for `--entrypoint ""`).
    pub user_entrypoint: Option<&'a str>,
    /// The arguments after the image name.
    pub user_args: &'a [String],
}

impl<'a> ProcessInput<'a> {
    /// The input for an image's config with the given run flags.
    pub fn of_image(
        config: &'a ImageConfig,
        user_entrypoint: Option<&'a str>,
        user_args: &'a [String],
    ) -> Self {
        ProcessInput {
            image_entrypoint: config.entrypoint.as_deref(),
            image_cmd: config.cmd.as_deref(),
            image_shell: &config.shell,
            stop_signal: &config.stop_signal,
            user_entrypoint,
            user_args,
        }
    }
}

/// The calculator's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessExplanation {
    /// The image's ENTRYPOINT and CMD.
    pub image_entrypoint: Option<Written>,
    pub image_cmd: Option<Written>,
    pub entrypoint_source: EntrypointSource,
    pub cmd_source: CmdSource,
    pub cmd_fate: CmdFate,
    /// Entrypoint and Cmd of the container after the merge.
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    /// The process (`Path` then `Args`); empty when `error` is set.
    pub argv: Vec<String>,
    /// The daemon's error when there is nothing to run (`No command specified`).
    pub error: Option<String>,
    /// The argv PID 1 ends up running (the final program when shells exec it).
    pub pid1: Vec<String>,
    /// Whether a shell stays PID 1 with the program as its child.
    pub shell_stays: bool,
    /// The program the staying shell runs as its child, when the script says.
    pub child: Option<Vec<String>>,
    /// The signal `docker stop` sends (`SIGTERM` unless STOPSIGNAL says otherwise).
    pub stop_signal: String,
    /// Whether STOPSIGNAL set it.
    pub stop_signal_set: bool,
    /// Whether the stop signal reaches the program itself.
    pub signal_reaches_program: bool,
}

const DEFAULT_SHELL: [&str; 2] = ["/bin/sh", "-c"];

/// The form of a stored ENTRYPOINT/CMD: the shell form is the SHELL followed by one word.
fn written(words: &[String], shell: &[String]) -> Written {
    let shell_form = match words.split_last() {
        Some((script, prefix)) if shell.is_empty() => {
            (prefix.iter().map(String::as_str).eq(DEFAULT_SHELL)).then(|| script.clone())
        }
        Some((script, prefix)) => (prefix == shell).then(|| script.clone()),
        None => None,
    };
    Written {
        form: if shell_form.is_some() {
            Form::Shell
        } else {
            Form::Exec
        },
        words: words.to_vec(),
        script: shell_form,
    }
}

/// Whether a shell script refers to its positional parameters (`$@`, `$*`, `$#`, `$1`, `${1}` …).
fn uses_parameters(script: &str) -> bool {
    script.match_indices('$').any(|(i, _)| {
        let rest = script.get(i + 1..).unwrap_or("");
        let rest = rest.strip_prefix('{').unwrap_or(rest);
        rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '@' | '*' | '#'))
    })
}

/// Whether the words are a shell running a command text (`sh -c "…"`, `bash -o pipefail -c
/// "…"`): the index of the text.
fn shell_script(words: &[String]) -> Option<usize> {
    let first = words.first()?;
    let name = first.rsplit('/').next().unwrap_or(first);
    let shell = matches!(
        name,
        "sh" | "bash" | "dash" | "ash" | "zsh" | "busybox" | "pwsh" | "powershell"
    );
    let c = words.iter().position(|w| w == "-c").filter(|_| shell)?;
    (c + 1 < words.len()).then_some(c + 1)
}

/// Explains the process a container of this image runs with these `docker run` flags.
pub fn explain_process(input: &ProcessInput<'_>) -> ProcessExplanation {
    let image_entrypoint = input
        .image_entrypoint
        .filter(|e| !e.is_empty())
        .map(|e| written(e, input.image_shell));
    let image_cmd = input
        .image_cmd
        .filter(|c| !c.is_empty())
        .map(|c| written(c, input.image_shell));
    let entrypoint_source = match input.user_entrypoint {
        None => EntrypointSource::Image,
        Some("") => EntrypointSource::Reset,
        Some(e) => EntrypointSource::Overridden(e.to_owned()),
    };
    let merged = merge(
        input.user_entrypoint,
        input.user_args,
        input.image_entrypoint,
        input.image_cmd,
    );
    let (entrypoint, cmd, argv, error) = match &merged {
        Ok(m) => {
            let (path, args) = path_and_args(m);
            let mut argv = vec![path];
            argv.extend(args);
            (
                m.entrypoint.clone().unwrap_or_default(),
                m.cmd.clone().unwrap_or_default(),
                argv,
                None,
            )
        }
        Err(e) => (Vec::new(), Vec::new(), Vec::new(), Some(e.clone())),
    };
    let cmd_source = if !input.user_args.is_empty() {
        CmdSource::RunArgs
    } else if input.user_entrypoint.is_some() && image_cmd.is_some() {
        CmdSource::ClearedByEntrypoint
    } else if image_cmd.is_some() && !cmd.is_empty() {
        CmdSource::Image
    } else {
        CmdSource::None
    };
    let cmd_fate = if cmd.is_empty() {
        CmdFate::Absent
    } else if entrypoint.is_empty() {
        CmdFate::IsTheCommand
    } else if let Some(script) = shell_script(&entrypoint)
        .filter(|i| i + 1 == entrypoint.len())
        .and_then(|i| entrypoint.get(i))
    {
        CmdFate::ShellParameters {
            used: uses_parameters(script),
        }
    } else {
        CmdFate::Appended
    };
    let chain = shell_chain(&argv);
    // A shell that stays PID 1 running a command text: the program is its child. (A shell run
    // for itself, `docker run -it img sh`, is the program.)
    let shell_stays = chain.through_shell && !chain.execs && shell_script(&chain.pid1).is_some();
    let stop_signal = if input.stop_signal.is_empty() {
        "SIGTERM".to_owned()
    } else {
        input.stop_signal.to_owned()
    };
    ProcessExplanation {
        image_entrypoint,
        image_cmd,
        entrypoint_source,
        cmd_source,
        cmd_fate,
        entrypoint,
        cmd,
        error,
        signal_reaches_program: !shell_stays,
        shell_stays,
        pid1: if argv.is_empty() {
            Vec::new()
        } else {
            chain.pid1
        },
        child: chain.child,
        argv,
        stop_signal_set: !input.stop_signal.is_empty(),
        stop_signal,
    }
}

/// The `docker run` flags that give a container its process, recovered from its config against
/// the image's: `--entrypoint` when the entrypoint differs, the arguments when CMD differs.
pub fn run_flags_of(c: &Container, image: &ImageConfig) -> (Option<String>, Vec<String>) {
    let image_ep = image.entrypoint.clone().filter(|e| !e.is_empty());
    let ep = c.config.entrypoint.clone().filter(|e| !e.is_empty());
    let user_ep = if ep == image_ep {
        None
    } else {
        Some(ep.and_then(|e| e.first().cloned()).unwrap_or_default())
    };
    let cmd = c.config.cmd.clone().unwrap_or_default();
    let image_cmd = image.cmd.clone().unwrap_or_default();
    let args = if cmd == image_cmd && user_ep.is_none() {
        Vec::new()
    } else {
        cmd
    };
    (user_ep, args)
}

impl ProcessExplanation {
    /// The program PID 1 runs (its first word), or the shell that stays.
    pub fn pid1_program(&self) -> &str {
        self.pid1.first().map_or("", String::as_str)
    }

    /// Whether the stop signal cannot be caught at all.
    fn stop_is_kill(&self) -> bool {
        matches!(
            self.stop_signal
                .trim_start_matches("SIG")
                .to_ascii_uppercase()
                .as_str(),
            "KILL" | "9"
        )
    }

    /// One line: where `docker stop`'s signal goes and how the container ends.
    pub fn signal_why(&self) -> String {
        let sig = &self.stop_signal;
        if self.error.is_some() {
            return "Nothing runs: the container cannot be created.".to_owned();
        }
        if self.stop_is_kill() {
            return format!(
                "{sig} cannot be caught: docker stop ends the container at once (exit 137)."
            );
        }
        let program = self.pid1_program();
        if self.shell_stays {
            let child = self
                .child
                .as_ref()
                .and_then(|c| c.first())
                .map_or("your program".to_owned(), Clone::clone);
            return format!(
                "docker stop sends {sig} to {program} (PID 1), which does not pass it on to {child}: after the 10 s grace period Docker sends SIGKILL and it exits 137."
            );
        }
        format!(
            "docker stop sends {sig} straight to {program} (PID 1): it can shut down cleanly — if it has no handler, PID 1 ignores {sig} and Docker kills it after 10 s (exit 137)."
        )
    }

    /// One line: what became of CMD.
    pub fn cmd_why(&self) -> String {
        let args = self.cmd_source == CmdSource::RunArgs;
        match (self.cmd_source, self.cmd_fate) {
            (CmdSource::ClearedByEntrypoint, _) => {
                "--entrypoint clears the image's CMD: the new entrypoint runs alone.".to_owned()
            }
            (CmdSource::None, _) | (_, CmdFate::Absent) => {
                "No CMD: the entrypoint runs alone.".to_owned()
            }
            (_, CmdFate::IsTheCommand) if args => {
                "No entrypoint: the docker run arguments replace the image's CMD and are the whole command.".to_owned()
            }
            (_, CmdFate::IsTheCommand) => {
                "No entrypoint: the image's CMD is the whole command.".to_owned()
            }
            (_, CmdFate::Appended) if args => {
                "The docker run arguments replace the image's CMD and are appended to the entrypoint.".to_owned()
            }
            (_, CmdFate::Appended) => {
                "The image's CMD is appended to the entrypoint as its arguments.".to_owned()
            }
            (_, CmdFate::ShellParameters { used }) => {
                let what = if args {
                    "the docker run arguments"
                } else {
                    "the image's CMD"
                };
                if used {
                    format!("The entrypoint is a shell command: {what} become its $0 $1 …, which the command reads.")
                } else {
                    format!("The entrypoint is a shell command: {what} only become its $0 $1 … and are ignored.")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Option<Vec<String>> {
        match s {
            "-" => None,
            "[]" => Some(Vec::new()),
            _ => Some(s.split('|').map(str::to_owned).collect()),
        }
    }

    /// One line per case: `argv | pid1 | shell_stays | reaches | cmd_source | cmd_fate | forms`.
    fn render(x: &ProcessExplanation) -> String {
        let form = |w: &Option<Written>| w.as_ref().map_or("-", |w| w.form.as_str());
        format!(
            "{} | pid1={} | stays={} | reaches={} | {:?} | {:?} | ep={} cmd={} | {}",
            x.error.clone().unwrap_or_else(|| x.argv.join(" ")),
            x.pid1.join(" "),
            x.shell_stays,
            x.signal_reaches_program,
            x.cmd_source,
            x.cmd_fate,
            form(&x.image_entrypoint),
            form(&x.image_cmd),
            x.stop_signal,
        )
    }

    /// Checks one case: image ENTRYPOINT, CMD, SHELL, STOPSIGNAL (`|`-separated words, `-` for
    /// none), `--entrypoint` (`-` for none), run args, and the expected rendering. Returns the
    /// mismatch.
    fn check(case: &[&str; 8]) -> Option<String> {
        let [name, ep, cmd, shell, sig, user_ep, args, want] = *case;
        let (ep, cmd) = (words(ep), words(cmd));
        let shell = words(shell).unwrap_or_default();
        let args = words(args).unwrap_or_default();
        let input = ProcessInput {
            image_entrypoint: ep.as_deref(),
            image_cmd: cmd.as_deref(),
            image_shell: &shell,
            stop_signal: if sig == "-" { "" } else { sig },
            user_entrypoint: (user_ep != "-").then_some(if user_ep == "\"\"" {
                ""
            } else {
                user_ep
            }),
            user_args: &args,
        };
        let got = render(&explain_process(&input));
        (got != want).then(|| format!("case {name}\n  got:  {got}\n  want: {want}"))
    }

    /// The fixture table (`tests/process_calculator.tsv`).
    const CASES: &str = include_str!("../../tests/process_calculator.tsv");

    #[test]
    fn calculator_cases() {
        let rows: Vec<&str> = CASES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        assert!(rows.len() >= 16);
        let failures: Vec<String> = rows
            .iter()
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                let case: [&str; 8] = cols.try_into().unwrap();
                check(&case)
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn one_line_reasons() {
        let ep = words("/bin/sh|-c|cd /app && uvicorn app:app").unwrap();
        let x = explain_process(&ProcessInput {
            image_entrypoint: Some(&ep),
            ..ProcessInput::default()
        });
        assert_eq!(
            x.signal_why(),
            "docker stop sends SIGTERM to /bin/sh (PID 1), which does not pass it on to uvicorn: after the 10 s grace period Docker sends SIGKILL and it exits 137."
        );
        assert_eq!(x.cmd_why(), "No CMD: the entrypoint runs alone.");
        let cmd = words("python|app.py").unwrap();
        let x = explain_process(&ProcessInput {
            image_cmd: Some(&cmd),
            stop_signal: "SIGKILL",
            ..ProcessInput::default()
        });
        assert_eq!(
            x.signal_why(),
            "SIGKILL cannot be caught: docker stop ends the container at once (exit 137)."
        );
        assert_eq!(
            x.cmd_why(),
            "No entrypoint: the image's CMD is the whole command."
        );
    }
}
