//! `env [-i] [-u NAME] [NAME=VALUE…] [COMMAND [ARG…]]`: print or modify the environment and run
//! a command (coreutils' messages).
use super::{ExecError, ExitStatus, Program, ProgramCtx};

pub struct Env;

impl Program for Env {
    fn run(&self, ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> ExitStatus {
        let mut env = ctx.env.clone();
        let mut i = 1;
        while let Some(a) = argv.get(i) {
            match a.as_str() {
                "-i" | "-" | "--ignore-environment" => env.clear(),
                "-u" | "--unset" => {
                    i += 1;
                    if let Some(n) = argv.get(i) {
                        env.retain(|(k, _)| k != n);
                    }
                }
                "--" => {
                    i += 1;
                    break;
                }
                s if s.starts_with('-') && s.len() > 1 => {
                    ctx.stderr(
                        format!("env: invalid option -- '{}'\n", s.get(1..2).unwrap_or(""))
                            .as_bytes(),
                    );
                    ctx.stderr(b"Try 'env --help' for more information.\n");
                    return 125;
                }
                _ => break,
            }
            i += 1;
        }
        while let Some((k, v)) = argv.get(i).and_then(|a| a.split_once('=')) {
            env.retain(|(ek, _)| ek != k);
            env.push((k.to_owned(), v.to_owned()));
            i += 1;
        }
        let rest = argv.get(i..).unwrap_or(&[]);
        if rest.is_empty() {
            let mut out = String::new();
            for (k, v) in &env {
                out.push_str(&format!("{k}={v}\n"));
            }
            ctx.stdout(out.as_bytes());
            return 0;
        }
        let saved = std::mem::replace(&mut ctx.env, env);
        let r = ctx.exec(rest, stdin);
        ctx.env = saved;
        let name = rest.first().cloned().unwrap_or_default();
        match r {
            Ok(s) => s,
            Err(ExecError::NotFound) => {
                ctx.stderr(format!("env: '{name}': No such file or directory\n").as_bytes());
                127
            }
            Err(ExecError::PermissionDenied) => {
                ctx.stderr(format!("env: '{name}': Permission denied\n").as_bytes());
                126
            }
            Err(ExecError::NotSimulated(what)) => {
                ctx.stderr(format!("env: '{name}': {what}\n").as_bytes());
                126
            }
        }
    }
}
