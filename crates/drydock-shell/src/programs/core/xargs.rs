//! `xargs [-0] [-d DELIM] [-n N] [-I REPL] [-r] [-t] [-P N] [COMMAND [ARG…]]`: builds command
//! lines from stdin (blank-separated items with quotes and backslashes, as GNU xargs).
use crate::programs::common as c;
use crate::programs::{ExecError, ProgramCtx};

fn items(input: &str, zero: bool, delim: Option<char>, lines: bool) -> Result<Vec<String>, String> {
    if zero {
        return Ok(input
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect());
    }
    if let Some(d) = delim {
        let mut v: Vec<String> = input.split(d).map(str::to_owned).collect();
        if v.last().is_some_and(String::is_empty) {
            v.pop();
        }
        return Ok(v);
    }
    if lines {
        return Ok(input
            .lines()
            .map(|l| l.trim_start().to_owned())
            .filter(|l| !l.is_empty())
            .collect());
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut has = false;
    let mut it = input.chars();
    while let Some(ch) = it.next() {
        match ch {
            '\'' | '"' => {
                has = true;
                loop {
                    match it.next() {
                        Some(x) if x == ch => break,
                        Some('\n') | None => {
                            let kind = if ch == '\'' { "single" } else { "double" };
                            return Err(format!(
                                "unmatched {kind} quote; by default quotes are special to xargs unless you use the -0 option"
                            ));
                        }
                        Some(x) => cur.push(x),
                    }
                }
            }
            '\\' => {
                has = true;
                if let Some(x) = it.next() {
                    cur.push(x);
                }
            }
            c if c.is_whitespace() => {
                if has {
                    out.push(std::mem::take(&mut cur));
                    has = false;
                }
            }
            c => {
                has = true;
                cur.push(c);
            }
        }
    }
    if has {
        out.push(cur);
    }
    Ok(out)
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "0d:n:I:i::L:l::rtP:s:xpE:e::a:",
        &[
            ("null", '0'),
            ("delimiter=", 'd'),
            ("max-args=", 'n'),
            ("replace=", 'I'),
            ("no-run-if-empty", 'r'),
            ("verbose", 't'),
            ("max-procs=", 'P'),
            ("max-lines=", 'L'),
            ("arg-file=", 'a'),
        ],
        false,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    ctx.consumed_stdin = true;
    let input = match a.val('a') {
        Some(f) => match c::read_operand(ctx, f, stdin) {
            Ok(b) => b,
            Err(e) => {
                c::err(ctx, &p, &format!("{f}: {}", e.message()));
                return 1;
            }
        },
        None => stdin.to_vec(),
    };
    let input = String::from_utf8_lossy(&input).into_owned();
    let delim = a.val('d').and_then(|d| match d {
        "\\n" => Some('\n'),
        "\\t" => Some('\t'),
        "\\0" => Some('\0'),
        _ => d.chars().next(),
    });
    let repl = a
        .val('I')
        .map(str::to_owned)
        .or_else(|| a.has('i').then(|| "{}".to_owned()));
    let list = match items(&input, a.has('0'), delim, repl.is_some() || a.has('L')) {
        Ok(v) => v,
        Err(m) => {
            c::err(ctx, &p, &m);
            return 1;
        }
    };
    let cmd: Vec<String> = if a.ops.is_empty() {
        vec!["echo".into()]
    } else {
        a.ops.clone()
    };
    let per: usize = if repl.is_some() {
        1
    } else {
        a.val('n')
            .or(a.val('L'))
            .and_then(|n| n.parse().ok())
            .filter(|n| *n > 0)
            .unwrap_or(usize::MAX)
    };
    let mut groups: Vec<Vec<String>> = Vec::new();
    if list.is_empty() {
        if !a.has('r') && repl.is_none() {
            groups.push(Vec::new());
        }
    } else {
        for chunk in list.chunks(per.min(list.len())) {
            groups.push(chunk.to_vec());
        }
    }
    let mut status = 0;
    for g in groups {
        let full: Vec<String> = match &repl {
            Some(r) => {
                let item = g.first().cloned().unwrap_or_default();
                cmd.iter().map(|x| x.replace(r.as_str(), &item)).collect()
            }
            None => cmd.iter().cloned().chain(g).collect(),
        };
        if a.has('t') {
            c::eout(ctx, &format!("{}\n", full.join(" ")));
        }
        let name = full.first().cloned().unwrap_or_default();
        match ctx.exec(&full, b"") {
            Ok(0) => {}
            Ok(255) => {
                c::err(
                    ctx,
                    &p,
                    &format!("{name}: exited with status 255; aborting"),
                );
                return 124;
            }
            Ok(s) if s > 128 => {
                c::err(
                    ctx,
                    &p,
                    &format!("{name}: terminated by signal {}", s - 128),
                );
                return 125;
            }
            Ok(_) => status = 123,
            Err(ExecError::NotFound) => {
                c::err(ctx, &p, &format!("{name}: No such file or directory"));
                return 127;
            }
            Err(ExecError::PermissionDenied) => {
                c::err(ctx, &p, &format!("{name}: Permission denied"));
                return 126;
            }
            Err(ExecError::NotSimulated(w)) => {
                c::err(ctx, &p, &format!("{name}: {w}"));
                return 126;
            }
        }
    }
    status
}
