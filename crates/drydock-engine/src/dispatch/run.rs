//! RUN (`dispatchRun`): exec or shell form (through SHELL), heredocs (a `#!` body becomes a
//! script file), `--mount` values expanded and resolved, `RUN |N k=v … # buildkit` history,
//! and the progress name with set variables expanded (quotes kept).
use std::collections::BTreeMap;

use drydock_syntax::Instruction;
use drydock_syntax::instructions::{Run, parse_mount};

use super::cmd::with_shell;
use super::{
    Cx, DState, Out, from_source, original, prefix_command, process_cmd_env, uppercase_cmd,
};
use crate::plan::{Op, RunOp, Source};

/// BuildKit's `summarizeHeredoc`.
fn summarize(doc: &str) -> String {
    let doc = doc.trim();
    let norm = doc.replace("\r\n", "\n");
    let mut it = norm.split('\n');
    let first = it.next().unwrap_or("").to_owned();
    if it.next().is_some() {
        first + "..."
    } else {
        first
    }
}

/// BuildKit's `runCommandString`.
fn run_command_string(args: &[String], d: &DState) -> String {
    let mut tmp: Vec<(String, String)> = Vec::new();
    for (k, v) in &d.build_args {
        let val = d
            .env
            .get(k)
            .map(str::to_owned)
            .unwrap_or_else(|| v.clone().unwrap_or_default());
        match tmp.iter_mut().find(|(tk, _)| tk == k) {
            Some(e) => e.1 = val,
            None => tmp.push((k.clone(), val)),
        }
    }
    let mut parts: Vec<String> = Vec::new();
    if !tmp.is_empty() {
        parts.push(format!("|{}", tmp.len()));
        parts.extend(tmp.into_iter().map(|(k, v)| format!("{k}={v}")));
    }
    parts.extend(args.iter().cloned());
    parts.join(" ")
}

pub(crate) fn dispatch(
    cx: &mut Cx<'_>,
    d: &mut DState,
    x: &Instruction<'_>,
    r: &Run<'_>,
    implicit: &BTreeMap<String, usize>,
) -> Result<Out, String> {
    let mut args: Vec<String> = r.cmd.args.iter().map(|a| a.value.to_string()).collect();
    let mut custom = original(x);
    let mut script = None;
    if let Some(first) = r.files.first() {
        if args.len() != 1 || !r.cmd.prepend_shell {
            return Err(format!(
                "parsing produced an invalid run command: [{}]",
                args.join(" ")
            ));
        }
        let whole = args
            .first()
            .and_then(|a| drydock_syntax::heredoc::must_parse_heredoc(a))
            .is_some();
        if whole {
            let data = if first.chomp {
                drydock_syntax::heredoc::chomp(&first.data)
            } else {
                first.data.to_string()
            };
            if data.starts_with("#!") {
                let name = first.name.to_string();
                args = vec![format!("/dev/pipes/{name}")];
                script = Some((name, data));
            } else {
                args = vec![data];
            }
            custom.push_str(&format!(" ({})", summarize(&first.data)));
        } else {
            let mut full = args.first().cloned().unwrap_or_default();
            for f in &r.files {
                full.push('\n');
                full.push_str(&f.data);
                full.push_str(&f.name);
            }
            args = vec![full];
        }
    }
    if r.cmd.prepend_shell && script.is_none() {
        args = with_shell(d, &args);
    }
    // Mounts, expanded with the stage environment.
    let mut mounts = Vec::new();
    for m in &r.mounts {
        let env = d.env.clone();
        let lexer = cx.lexer;
        let mut exp = |s: &str| -> Result<String, String> {
            lexer
                .process_word(s, &env)
                .map(|e| e.value.into_owned())
                .map_err(|e| e.to_string())
        };
        let mut mount = parse_mount(&m.value, Some(&mut exp))?;
        if mount.target.is_empty() {
            return Err("mount target must be specified".to_owned());
        }
        if !mount.target.starts_with('/') {
            mount.target = drydock_vfs::clean(&format!("{}/{}", d.workdir, mount.target));
        } else {
            mount.target = drydock_vfs::clean(&mount.target);
        }
        if mount.target == "/" && matches!(mount.kind.as_str(), "bind" | "cache" | "tmpfs") {
            return Err(format!("invalid mount target {:?}", mount.target));
        }
        let source = match mount.kind.as_str() {
            "bind" | "cache" if !mount.from.is_empty() => {
                let src = from_source(cx, &mount.from, implicit)?;
                if let Source::Stage(s) = src
                    && s >= cx.stage_index
                {
                    return Err(format!(
                        "cannot mount from stage {:?} to {:?}, stage needs to be defined before current command",
                        mount.from, mount.target
                    ));
                }
                Some(src)
            }
            "bind" => {
                cx.uses_context = true;
                Some(Source::Context)
            }
            _ => None,
        };
        mounts.push((mount, source));
    }
    let raw = cx.lexer.raw_quotes(true).skip_unset_env(true);
    let name = uppercase_cmd(&process_cmd_env(&raw, &custom, &d.env));
    let vertex = prefix_command(d, &name);
    let history = format!("RUN {} # buildkit", run_command_string(&args, d));
    Ok(Out {
        op: Some(Op::Run(RunOp {
            argv: args,
            env: d.env.0.clone(),
            arg_names: d.arg_names.clone(),
            workdir: d.workdir.clone(),
            user: d.user.clone(),
            mounts,
            network: r.network.to_string(),
            security: r.security.to_string(),
            script,
        })),
        history: Some((history, false)),
        vertex_name: Some(vertex),
    })
}
