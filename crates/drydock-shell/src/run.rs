//! Entry points for the engine: run an argv the way the container runtime execs it (`RUN` exec
//! form, or shell form as `["/bin/sh", "-c", script]`), or run script text directly.
use crate::exec::io::Sink;
use crate::process::{Process, Runtime};
use crate::programs::{ExecError, ExitStatus, ProgramCtx, exec_file};
use crate::state::{Dialect, Shell};

/// Execs `argv` like execvp from the process: PATH search in the filesystem, then the file's
/// identity (a simulated program, a `#!` script, …). The shell form of `RUN` is
/// `run_argv(rt, process, &["/bin/sh", "-c", script], b"")`. Output lands in `rt.output`.
pub fn run_argv(
    rt: &mut Runtime<'_>,
    process: &Process,
    argv: &[String],
    stdin: &[u8],
) -> Result<ExitStatus, ExecError> {
    let pid = rt.config.pid;
    let mut ctx = ProgramCtx {
        rt,
        env: sorted_env(process),
        cwd: process.cwd.clone(),
        user: process.user.clone(),
        umask: process.umask,
        pid,
        path: String::new(),
        stdout: Sink::Stdout,
        stderr: Sink::Stderr,
        depth: 0,
        consumed_stdin: false,
        fd_inputs: Vec::new(),
    };
    let Some(name) = argv.first() else {
        return Err(ExecError::NotFound);
    };
    if name.contains('/') {
        let path = ctx.abs(name);
        exec_file(&mut ctx, &path, argv, stdin)
    } else {
        ctx.exec(argv, stdin)
    }
}

fn sorted_env(process: &Process) -> Vec<(String, String)> {
    let mut env: Vec<(String, String)> = Vec::new();
    for (k, v) in &process.env {
        env.retain(|(ek, _)| ek != k);
        env.push((k.clone(), v.clone()));
    }
    drydock_text::sort::sort(&mut env);
    env
}

/// Runs script text in a new shell named `arg0` (e.g. `/bin/sh`) without looking the shell up in
/// the filesystem. Returns the exit status; output lands in `rt.output`.
pub fn run_script(
    rt: &mut Runtime<'_>,
    process: &Process,
    arg0: &str,
    script: &str,
    dialect: Dialect,
) -> ExitStatus {
    let pid = rt.config.pid;
    let mut sh = Shell::new(process, arg0, Vec::new(), pid, dialect);
    let parsed = crate::parser::parse_with(script, sh.parse_options());
    sh.run_script(rt, &parsed)
}
