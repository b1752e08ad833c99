//! `sh`, `dash` and `bash`: `-c 'script' [name [args]]`, `sh script.sh [args]`, scripts on stdin,
//! option flags; a nested shell over the same runtime.
use super::{ExitStatus, Program, ProgramCtx};
use crate::exec::io::{Fd, input};
use crate::process::Process;
use crate::state::{Dialect, Shell};

/// The shell program (`bash` when `bash` is set).
pub struct Sh {
    pub bash: bool,
}

fn new_shell(
    ctx: &ProgramCtx<'_, '_>,
    bash: bool,
    arg0: &str,
    args: Vec<String>,
    stdin: &[u8],
) -> Shell {
    let process = Process {
        env: ctx.env.clone(),
        cwd: ctx.cwd.clone(),
        user: ctx.user.clone(),
        umask: ctx.umask,
    };
    let dialect = if bash { Dialect::Bash } else { Dialect::Dash };
    let mut sh = Shell::new(&process, arg0, args, ctx.pid, dialect);
    sh.depth = ctx.depth;
    sh.fds.set(0, Some(input(stdin.to_vec())));
    sh.fds.set(1, Some(Fd::Out(ctx.stdout.clone())));
    sh.fds.set(2, Some(Fd::Out(ctx.stderr.clone())));
    sh
}

fn run_text(ctx: &mut ProgramCtx<'_, '_>, sh: &mut Shell, text: &str) -> ExitStatus {
    let script = crate::parser::parse_with(text, sh.parse_options());
    sh.run_script(ctx.rt, &script)
}

/// Runs the script file `path` (already known to exist) in a new shell.
pub(crate) fn run_file(
    ctx: &mut ProgramCtx<'_, '_>,
    bash: bool,
    arg0: &str,
    path: &str,
    args: &[String],
    stdin: &[u8],
) -> ExitStatus {
    let text = match ctx.rt.fs.read_file(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(_) => {
            let name = if bash { "bash" } else { "sh" };
            ctx.stderr(format!("{name}: 0: cannot open {arg0}: No such file\n").as_bytes());
            return 2;
        }
    };
    let mut sh = new_shell(ctx, bash, arg0, args.to_vec(), stdin);
    run_text(ctx, &mut sh, &text)
}

impl Program for Sh {
    fn run(&self, ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> ExitStatus {
        let invoked = argv.first().cloned().unwrap_or_else(|| "sh".into());
        let mut command_mode = false;
        let mut flags: Vec<String> = Vec::new();
        let mut i = 1;
        while let Some(a) = argv.get(i) {
            if a == "--" {
                i += 1;
                break;
            }
            if a == "-" {
                i += 1;
                break;
            }
            if (a.starts_with('-') || a.starts_with('+')) && a.len() > 1 {
                if a.starts_with("--") {
                    // bash long options like --norc / --login are accepted and ignored
                    i += 1;
                    continue;
                }
                let mut rest = String::new();
                for c in a.chars().skip(1) {
                    match c {
                        'c' => command_mode = true,
                        's' | 'i' | 'l' => {}
                        'o' => {
                            i += 1;
                            if let Some(name) = argv.get(i) {
                                flags.push(format!("{}o", a.get(..1).unwrap_or("-")));
                                flags.push(name.clone());
                            }
                        }
                        c => rest.push(c),
                    }
                }
                if !rest.is_empty() {
                    flags.push(format!("{}{rest}", a.get(..1).unwrap_or("-")));
                }
                i += 1;
                continue;
            }
            break;
        }
        let rest = argv.get(i..).unwrap_or(&[]);
        let name = if self.bash { "bash" } else { "sh" };
        let (arg0, args, text) = if command_mode {
            let Some(cmd) = rest.first() else {
                ctx.stderr(format!("{name}: 0: -c requires an argument\n").as_bytes());
                return 2;
            };
            let arg0 = rest.get(1).cloned().unwrap_or_else(|| invoked.clone());
            (arg0, rest.get(2..).unwrap_or(&[]).to_vec(), cmd.clone())
        } else if let Some(file) = rest.first() {
            let path = ctx.abs(file);
            let text = match ctx.rt.fs.read_file(&path) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(_) => {
                    let who = invoked.clone();
                    ctx.stderr(format!("{who}: 0: cannot open {file}: No such file\n").as_bytes());
                    return if self.bash { 127 } else { 2 };
                }
            };
            (file.clone(), rest.get(1..).unwrap_or(&[]).to_vec(), text)
        } else {
            ctx.consumed_stdin = true;
            (
                invoked.clone(),
                Vec::new(),
                String::from_utf8_lossy(stdin).into_owned(),
            )
        };
        let stdin_for_shell: &[u8] = if command_mode || !rest.is_empty() {
            stdin
        } else {
            &[]
        };
        let mut sh = new_shell(ctx, self.bash, &arg0, args, stdin_for_shell);
        if !flags.is_empty()
            && let Err(m) = crate::builtins::apply_set_options(&mut sh, ctx.rt, &flags)
        {
            ctx.stderr(format!("{invoked}: 0: {m}\n").as_bytes());
            return 2;
        }
        run_text(ctx, &mut sh, &text)
    }
}
