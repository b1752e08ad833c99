//! COPY and ADD (`dispatchCopy`): sources, destination (relative to WORKDIR, trailing slash
//! kept), `--chown`/`--chmod` expanded and checked, heredoc sources expanded unless quoted,
//! `--from` resolved and ordered, history `COPY [--chown=…] src… dest # buildkit`.
use std::collections::BTreeMap;

use drydock_syntax::Instruction;
use drydock_syntax::instructions::{Add, Copy, SourceContent};
use drydock_syntax::words::expand_heredoc;

use super::{
    Cx, DState, Out, from_source, original, prefix_command, process_cmd_env, uppercase_cmd,
};
use crate::plan::{CopyOp, Op, Source};

/// Whether a source is an http(s) URL (and not a git repository).
pub(crate) fn is_http(src: &str) -> bool {
    (src.starts_with("http://") || src.starts_with("https://")) && !is_git(src)
}

/// Whether a source is a git reference.
pub(crate) fn is_git(src: &str) -> bool {
    src.starts_with("git@")
        || src.starts_with("git://")
        || src.split('#').next().is_some_and(|u| {
            (u.starts_with("https://") || u.starts_with("http://") || u.starts_with("ssh://"))
                && u.ends_with(".git")
        })
}

/// Validates a `--chmod` value like BuildKit (octal ≤ 07777, or a symbolic mode).
pub(crate) fn check_chmod(v: &str) -> Result<(), String> {
    let non_octal = || {
        format!("invalid chmod parameter: '{v}'. it should be octal string and between 0 and 07777")
    };
    if !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit()) {
        return match u32::from_str_radix(v, 8) {
            Ok(p) if p <= 0o7777 => Ok(()),
            _ => Err(non_octal()),
        };
    }
    match crate::solve::chmod::parse_symbolic(v) {
        Some(_) => Ok(()),
        None if v.bytes().next().is_some_and(|c| c.is_ascii_digit()) => Err(non_octal()),
        None => Err(format!("invalid mode: {v}")),
    }
}

struct Common<'a> {
    srcs: Vec<String>,
    contents: &'a [SourceContent<'a>],
    dest: String,
    chown: Option<String>,
    chmod: Option<String>,
    link: bool,
    parents: bool,
    excludes: Vec<String>,
}

fn finish(
    cx: &mut Cx<'_>,
    d: &mut DState,
    x: &Instruction<'_>,
    c: Common<'_>,
    add: bool,
    source: Source,
    unpack: Option<bool>,
) -> Result<Out, String> {
    if let Some(m) = &c.chmod {
        check_chmod(m)?;
    }
    let mut contents = Vec::new();
    for sc in c.contents {
        let data = if sc.expand {
            expand_heredoc(&sc.data, &d.env)
                .map_err(|e| e.to_string())?
                .value
                .into_owned()
        } else {
            sc.data.to_string()
        };
        contents.push((sc.path.to_string(), data));
    }
    let mut msg = String::from(if add { "ADD" } else { "COPY" });
    if c.parents {
        msg.push_str(" --parents");
    }
    if let Some(o) = &c.chown {
        msg.push_str(&format!(" --chown={o}"));
    }
    if let Some(m) = &c.chmod {
        msg.push_str(&format!(" --chmod={m}"));
    }
    for s in &c.srcs {
        msg.push(' ');
        msg.push_str(s);
        if !add && is_git(s) {
            return Err("source can't be a git ref for COPY".to_owned());
        }
        if !add && is_http(s) {
            return Err("source can't be a URL for COPY".to_owned());
        }
    }
    for (n, _) in &contents {
        msg.push_str(&format!(" <<{n}"));
    }
    msg.push(' ');
    msg.push_str(&c.dest);
    let dest = {
        let p = c.dest.as_str();
        if p.starts_with('/') {
            drydock_vfs::normalize_path("/", p, true)
        } else {
            let p = if p == "." || p.is_empty() { "./" } else { p };
            drydock_vfs::normalize_path(&d.workdir, p, true)
        }
    };
    if source == Source::Context && !c.srcs.iter().all(|s| is_http(s) || is_git(s)) {
        cx.uses_context = true;
    }
    let name = uppercase_cmd(&process_cmd_env(&cx.lexer, &original(x), &d.env));
    let vertex = prefix_command(d, &name);
    Ok(Out {
        op: Some(Op::Copy(CopyOp {
            add,
            source,
            srcs: c.srcs,
            contents,
            dest,
            chown: c.chown,
            chmod: c.chmod,
            link: c.link,
            parents: c.parents,
            excludes: c.excludes,
            unpack,
        })),
        history: Some((format!("{msg} # buildkit"), false)),
        vertex_name: Some(vertex),
    })
}

fn words(cx: &Cx<'_>, d: &DState, v: &[drydock_syntax::Arg<'_>]) -> Result<Vec<String>, String> {
    v.iter().map(|a| cx.word(d, &a.value)).collect()
}

fn opt_word(
    cx: &Cx<'_>,
    d: &DState,
    v: Option<&drydock_syntax::Arg<'_>>,
) -> Result<Option<String>, String> {
    v.map(|a| cx.word(d, &a.value))
        .transpose()
        .map(|o| o.filter(|s| !s.is_empty()))
}

pub(crate) fn dispatch_copy(
    cx: &mut Cx<'_>,
    d: &mut DState,
    x: &Instruction<'_>,
    c: &Copy<'_>,
    implicit: &BTreeMap<String, usize>,
) -> Result<Out, String> {
    let source = match &c.from {
        None => Source::Context,
        Some(f) => {
            let f = f.value.as_str();
            let src = from_source(cx, f, implicit)?;
            if let Source::Stage(s) = src
                && s >= cx.stage_index
            {
                return Err(format!(
                    "cannot copy from stage {}, it needs to be defined before current stage {}",
                    drydock_syntax::words::go_quote(f),
                    drydock_syntax::words::go_quote(&cx.stage_display)
                ));
            }
            src
        }
    };
    let common = Common {
        srcs: words(cx, d, &c.sources)?,
        contents: &c.contents,
        dest: cx.word(d, &c.dest.value)?,
        chown: opt_word(cx, d, c.chown.as_ref())?,
        chmod: opt_word(cx, d, c.chmod.as_ref())?,
        link: c.link,
        parents: c.parents,
        excludes: c.excludes.iter().map(|e| e.value.to_string()).collect(),
    };
    finish(cx, d, x, common, false, source, None)
}

pub(crate) fn dispatch_add(
    cx: &mut Cx<'_>,
    d: &mut DState,
    x: &Instruction<'_>,
    a: &Add<'_>,
) -> Result<Out, String> {
    let srcs = words(cx, d, &a.sources)?;
    if let Some(ck) = opt_word(cx, d, a.checksum.as_ref())? {
        if srcs.len() != 1 {
            return Err("checksum can't be specified for multiple sources".to_owned());
        }
        if !srcs.first().is_some_and(|s| is_http(s) || is_git(s)) {
            return Err("checksum requires HTTP(S) or Git sources".to_owned());
        }
        let _ = ck;
    }
    let common = Common {
        srcs,
        contents: &a.contents,
        dest: cx.word(d, &a.dest.value)?,
        chown: opt_word(cx, d, a.chown.as_ref())?,
        chmod: opt_word(cx, d, a.chmod.as_ref())?,
        link: a.link,
        parents: false,
        excludes: a.excludes.iter().map(|e| e.value.to_string()).collect(),
    };
    finish(cx, d, x, common, true, Source::Context, a.unpack)
}
