//! Level 1 of the docker command line: argv → command path, flags and positional arguments, with
//! cobra/pflag's behaviour and the docker client's texts for help, usage errors and unknown
//! commands. What a command then does with its flags is level 2 (`commands/`).
pub mod flags;
pub mod help;
pub mod table;

use crate::output::Output;
use table::{ArgRule, Cmd, Def, GROUP_NOT_SIMULATED, GROUPS, NOT_SIMULATED, TOP};

/// A command line that names a command Drydock simulates, with its flags parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub cmd: Cmd,
    /// The command path as cobra names it (`run`, `container ls`, `buildx build`).
    pub path: String,
    /// Key of the command's help text.
    pub help: &'static str,
    pub flags: flags::Parsed,
}

impl Invocation {
    /// The last value of flag `long`.
    pub fn string(&self, long: &str) -> Option<&str> {
        self.flags
            .values
            .iter()
            .rev()
            .find(|(k, _)| k == long)
            .map(|(_, v)| v.as_str())
    }

    /// Whether bool flag `long` is set (last value wins).
    pub fn bool(&self, long: &str) -> bool {
        self.string(long) == Some("true")
    }

    /// Every value of a repeatable flag (`-e`, `-v`, `-p`), in order.
    pub fn list(&self, long: &str) -> Vec<&str> {
        self.flags
            .values
            .iter()
            .filter(|(k, _)| k == long)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Whether flag `long` was given at all.
    pub fn has(&self, long: &str) -> bool {
        self.flags.values.iter().any(|(k, _)| k == long)
    }

    pub fn args(&self) -> &[String] {
        &self.flags.args
    }

    /// The usage block for errors (`docker run [OPTIONS] IMAGE [COMMAND] [ARG...]`).
    pub fn use_line(&self) -> String {
        help::use_line(self.help, &self.path)
    }

    /// Docker's `docker: …\n\nRun 'docker PATH --help' for more information` wrapper of an error
    /// found while interpreting the flags (exit status `code`).
    pub fn error_with_help(&self, msg: &str, code: i32) -> Output {
        Output::error(
            format!(
                "docker: {msg}\n\nRun 'docker {} --help' for more information\n",
                self.path
            ),
            code,
        )
    }
}

/// What parsing a command line gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// A command to run.
    Run(Invocation),
    /// Nothing to run: help, version or an error, already rendered.
    Done(Output),
}

/// pflag's flag error as docker prints it (exit 125).
fn flag_error(msg: &str, use_line: &str, path: &str) -> Output {
    let cmd = if path.is_empty() {
        "docker".to_owned()
    } else {
        format!("docker {path}")
    };
    Output::error(
        format!("{msg}\n\nUsage:  {use_line}\n\nRun '{cmd} --help' for more information\n"),
        125,
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "argument" } else { "arguments" }
}

/// docker's `cli.RequiresMinArgs` & co. (exit 1).
fn args_error(rule: ArgRule, n: usize, path: &str, use_line: &str) -> Option<Output> {
    let cmd = format!("docker {path}");
    let (ok, msg, see) = match rule {
        ArgRule::None => (n == 0, format!("'{cmd}' accepts no arguments"), "Run"),
        ArgRule::Exact(k) => (n == k, format!("'{cmd}' requires {k} {}", plural(k)), "Run"),
        ArgRule::Min(k) => (
            n >= k,
            format!("'{cmd}' requires at least {k} {}", plural(k)),
            "See",
        ),
        // docker 28.2.2's RequiresMaxArgs prints "SRun" (a typo in the client, kept).
        ArgRule::Max(k) => (
            n <= k,
            format!("'{cmd}' requires at most {k} {}", plural(k)),
            "SRun",
        ),
        ArgRule::Range(a, b) => (
            n >= a && n <= b,
            format!(
                "'{cmd}' requires at least {a} and at most {b} {}",
                plural(b)
            ),
            "Run",
        ),
    };
    (!ok).then(|| {
        Output::error(
            format!(
                "docker: {msg}\n\nUsage:  {use_line}\n\n{see} '{cmd} --help' for more information\n"
            ),
            1,
        )
    })
}

/// Help printed on stdout (or stderr for a bare management command), exit 0.
fn help_output(text: String, stderr: bool) -> Output {
    let mut o = Output::new();
    if stderr {
        o.err(text);
    } else {
        o.out(text);
    }
    o
}

fn version_line(version: &str) -> String {
    format!("Docker version {version}, build e6534b4\n")
}

/// The root command's global flags, then the command.
pub fn parse(argv: &[String], client_version: &str) -> Parsed {
    let root_flags = help::flags("docker");
    let mode = flags::Mode {
        interspersed: false,
        h_is_help: true,
    };
    let parsed = match flags::parse(root_flags, argv, mode) {
        Ok(p) => p,
        Err(e) => {
            return Parsed::Done(flag_error(&e, "docker [OPTIONS] COMMAND [ARG...]", ""));
        }
    };
    let rest = parsed.args;
    let Some(name) = rest.first() else {
        if parsed.help {
            return Parsed::Done(help_output(help::text("docker").to_owned(), false));
        }
        if parsed
            .values
            .iter()
            .any(|(k, v)| k == "version" && v == "true")
        {
            let mut o = Output::new();
            o.out(version_line(client_version));
            return Parsed::Done(o);
        }
        return Parsed::Done(help_output(help::text("docker").to_owned(), true));
    };
    let mut tail: Vec<String> = rest.get(1..).unwrap_or(&[]).to_vec();
    if parsed.help {
        tail.push("--help".to_owned());
    }
    if let Some((_, d)) = TOP.iter().find(|(n, _)| n == name) {
        return leaf(*d, name.clone(), &tail);
    }
    if (name == "buildx" || name == "builder") && tail.first().map(String::as_str) == Some("build")
    {
        let d = TOP.iter().find(|(n, _)| *n == "build").map(|(_, d)| *d);
        if let Some(d) = d {
            return leaf(d, format!("{name} build"), tail.get(1..).unwrap_or(&[]));
        }
    }
    if let Some(g) = GROUPS.iter().find(|g| g.name == name) {
        return group(g, &tail);
    }
    if NOT_SIMULATED.contains(&name.as_str()) {
        return Parsed::Done(not_simulated(name));
    }
    Parsed::Done(Output::error(
        format!(
            "docker: unknown command: docker {name}\n\nRun 'docker --help' for more information\n"
        ),
        1,
    ))
}

fn not_simulated(what: &str) -> Output {
    Output::error(
        format!(
            "drydock: 'docker {what}' is not simulated: Drydock runs build, run, create, start, stop, kill, restart, rm, rename, ps, port, logs, exec, cp, diff, commit, inspect, images, rmi, tag, history, pull, volume, system df/prune, version and info.\n"
        ),
        1,
    )
}

fn group(g: &table::Group, tail: &[String]) -> Parsed {
    let key = g.name;
    // The group's own flags: only --help.
    let mut i = 0;
    let mut help = false;
    while let Some(a) = tail.get(i) {
        match a.as_str() {
            "--help" => help = true,
            "-h" => help = true,
            s if s.starts_with("--help=") => {
                let v = &s["--help=".len()..];
                match flags::parse_bool(v) {
                    Some(b) => help = b,
                    None => {
                        return Parsed::Done(flag_error(
                            &format!(
                                "invalid argument {} for \"--help\" flag: strconv.ParseBool: parsing {}: invalid syntax",
                                flags::go_quote(v),
                                flags::go_quote(v)
                            ),
                            g.use_line,
                            key,
                        ));
                    }
                }
            }
            s if s.starts_with("--") && s.len() > 2 => {
                let name = s[2..].split('=').next().unwrap_or("");
                return Parsed::Done(flag_error(
                    &format!("unknown flag: --{name}"),
                    g.use_line,
                    key,
                ));
            }
            s if s.starts_with('-') && s.len() > 1 => {
                let c = s[1..].chars().next().unwrap_or('-');
                return Parsed::Done(flag_error(
                    &format!("unknown shorthand flag: '{c}' in -{}", &s[1..]),
                    g.use_line,
                    key,
                ));
            }
            _ => break,
        }
        i += 1;
    }
    let rest = tail.get(i..).unwrap_or(&[]);
    let Some(sub) = rest.first() else {
        return Parsed::Done(help_output(help::text(key).to_owned(), !help));
    };
    let mut after: Vec<String> = rest.get(1..).unwrap_or(&[]).to_vec();
    if help {
        after.push("--help".to_owned());
    }
    if let Some((n, _, d)) = g
        .subs
        .iter()
        .find(|(n, aliases, _)| *n == sub || aliases.contains(&sub.as_str()))
    {
        return leaf(*d, format!("{} {n}", g.name), &after);
    }
    let unsimulated = GROUP_NOT_SIMULATED
        .iter()
        .any(|(gn, subs)| *gn == g.name && subs.contains(&sub.as_str()));
    if unsimulated {
        return Parsed::Done(not_simulated(&format!("{} {sub}", g.name)));
    }
    if help {
        return Parsed::Done(help_output(help::text(key).to_owned(), false));
    }
    Parsed::Done(Output::error(
        format!(
            "docker: unknown command: docker {} {sub}\n\nUsage:  {}\n\nRun 'docker {} --help' for more information\n",
            g.name, g.use_line, g.name
        ),
        1,
    ))
}

fn leaf(d: Def, path: String, tail: &[String]) -> Parsed {
    if d.cmd == Cmd::Build {
        // buildx has its own flag set and texts (commands/build.rs).
        return Parsed::Run(Invocation {
            cmd: d.cmd,
            path,
            help: d.help,
            flags: flags::Parsed {
                args: tail.to_vec(),
                ..flags::Parsed::default()
            },
        });
    }
    let use_line = help::use_line(d.help, &path);
    let mode = flags::Mode {
        interspersed: d.interspersed,
        h_is_help: d.h_is_help,
    };
    let parsed = match flags::parse(help::flags(d.help), tail, mode) {
        Ok(p) => p,
        Err(e) => return Parsed::Done(flag_error(&e, &use_line, &path)),
    };
    if parsed.help {
        let mut o = Output::new();
        if parsed.deprecated_h {
            o.out("Flag shorthand -h has been deprecated, use --help\n");
        }
        o.out(help::for_path(d.help, &path));
        return Parsed::Done(o);
    }
    if let Some(e) = args_error(d.args, parsed.args.len(), &path, &use_line) {
        return Parsed::Done(e);
    }
    Parsed::Run(Invocation {
        cmd: d.cmd,
        path,
        help: d.help,
        flags: parsed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expect_stdout: &str, expect_stderr: &str, code: i32) {
        let argv: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
        match parse(&argv, "28.2.2") {
            Parsed::Done(o) => {
                assert_eq!(o.stdout(), expect_stdout, "{line}");
                assert_eq!(o.stderr(), expect_stderr, "{line}");
                assert_eq!(o.exit_code, code, "{line}");
            }
            Parsed::Run(inv) => panic!("{line}: parsed as {inv:?}"),
        }
    }

    #[test]
    fn usage_errors() {
        check(
            "run",
            "",
            "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n",
            1,
        );
        check(
            "run --foo x",
            "",
            "unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
            125,
        );
        check(
            "foo",
            "",
            "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n",
            1,
        );
        check(
            "images a b",
            "",
            "docker: 'docker images' requires at most 1 argument\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nSRun 'docker images --help' for more information\n",
            1,
        );
        check(
            "container foo",
            "",
            "docker: unknown command: docker container foo\n\nUsage:  docker container\n\nRun 'docker container --help' for more information\n",
            1,
        );
    }

    #[test]
    fn routes() {
        let argv: Vec<String> = ["container", "list", "-aq"].map(String::from).to_vec();
        let Parsed::Run(inv) = parse(&argv, "28.2.2") else {
            panic!()
        };
        assert_eq!(inv.cmd, Cmd::Ps);
        assert_eq!(inv.path, "container ls");
        assert!(inv.bool("all") && inv.bool("quiet"));
    }
}
