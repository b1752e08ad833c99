//! `timeout [-s SIG] [-k D] DURATION COMMAND [ARG…]`, and `nohup`/`nice`/`stdbuf`-style wrappers
//! that just run their command (the simulation has no real time or signals).
use crate::programs::common as c;
use crate::programs::{ExecError, ProgramCtx};

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let mut i = 1;
    // wrapper options before the command
    while let Some(a) = argv.get(i) {
        match a.as_str() {
            "-s" | "-k" | "-n" | "--signal" | "--kill-after" | "--adjustment" | "-i" | "-o"
            | "-e" => i += 2,
            "--" => {
                i += 1;
                break;
            }
            s if s.starts_with('-')
                && s.len() > 1
                && !s.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) =>
            {
                i += 1
            }
            _ => break,
        }
    }
    if p == "timeout" {
        if argv.get(i).is_none() {
            c::err(ctx, &p, "missing operand");
            c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
            return 125;
        }
        i += 1; // the duration
    }
    let rest = argv.get(i..).unwrap_or(&[]);
    if rest.is_empty() {
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 125;
    }
    let name = rest.first().cloned().unwrap_or_default();
    match ctx.exec(rest, stdin) {
        Ok(s) => s,
        Err(ExecError::NotFound) => {
            let q = c::squote(&name);
            c::err(
                ctx,
                &p,
                &format!("failed to run command {q}: No such file or directory"),
            );
            127
        }
        Err(ExecError::PermissionDenied) => {
            let q = c::squote(&name);
            c::err(
                ctx,
                &p,
                &format!("failed to run command {q}: Permission denied"),
            );
            126
        }
        Err(ExecError::NotSimulated(w)) => {
            c::err(ctx, &p, &format!("{name}: {w}"));
            126
        }
    }
}

/// Programs with nothing to simulate (`ldconfig`, `sync`, `update-ca-certificates`, …): exit 0.
pub(crate) fn run_noop(_: &mut ProgramCtx<'_, '_>, _: &[String], _: &[u8]) -> i32 {
    0
}
