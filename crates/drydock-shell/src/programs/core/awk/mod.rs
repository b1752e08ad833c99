//! `awk [-F FS] [-v var=value]… 'program' | -f progfile|- [file…]` (also `mawk`/`gawk`): a
//! POSIX awk over the simulated filesystem (lexer, parser, values, interpreter in this folder).
mod interp;
mod lexer;
mod parser;
mod value;

use crate::programs::ProgramCtx;
use crate::programs::common as c;
use interp::{Flow, Interp};
use value::Val;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let mut fs: Option<String> = None;
    let mut assigns: Vec<(String, String)> = Vec::new();
    let mut src: Option<String> = None;
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        match a.as_str() {
            "-F" => {
                fs = argv.get(i + 1).cloned();
                i += 2;
            }
            "-v" => {
                if let Some((k, v)) = argv.get(i + 1).and_then(|s| s.split_once('=')) {
                    assigns.push((k.to_owned(), v.to_owned()));
                }
                i += 2;
            }
            "-f" => {
                let f = argv.get(i + 1).cloned().unwrap_or_default();
                let abs = ctx.abs(&f);
                if f == "-" || f == "/dev/stdin" {
                    ctx.consumed_stdin = true;
                    src = Some(String::from_utf8_lossy(stdin).into_owned());
                    i += 2;
                    continue;
                }
                match c::read_text(ctx, &abs) {
                    Ok(t) => src = Some(t),
                    Err(_) => {
                        c::err(ctx, &p, &format!("couldn't open file {f}"));
                        return 2;
                    }
                }
                i += 2;
            }
            "--" => {
                i += 1;
                break;
            }
            s if s.starts_with("-F") => {
                fs = Some(s.get(2..).unwrap_or("").to_owned());
                i += 1;
            }
            s if s.starts_with("-v") => {
                if let Some((k, v)) = s.get(2..).and_then(|s| s.split_once('=')) {
                    assigns.push((k.to_owned(), v.to_owned()));
                }
                i += 1;
            }
            s if s.starts_with("--") => i += 1,
            _ => break,
        }
    }
    let src = match src {
        Some(s) => s,
        None => match argv.get(i) {
            Some(s) => {
                i += 1;
                s.clone()
            }
            None => {
                c::eout(
                    ctx,
                    &format!(
                        "usage: {p} [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: {p} [-F value] [-v var=value] [-f program-file] [file ...]\n"
                    ),
                );
                return 2;
            }
        },
    };
    let toks = match lexer::lex(&src) {
        Ok(t) => t,
        Err(m) => {
            c::err(ctx, &p, &format!("line 1: {m}"));
            return 2;
        }
    };
    let prog = match parser::Parser::new(toks).program() {
        Ok(pr) => pr,
        Err(m) => {
            c::err(ctx, &p, &format!("line 1: {m}"));
            return 2;
        }
    };
    let files: Vec<String> = argv.get(i..).unwrap_or(&[]).to_vec();
    let mut it = Interp::new(&prog);
    if let Some(f) = fs {
        let f = if f == "t" {
            "\t".to_owned()
        } else {
            f.replace("\\t", "\t")
        };
        it.vars.insert("FS".into(), Val::Str(f));
    }
    for (k, v) in assigns {
        it.set_input_var(&k, &v);
    }
    let env: std::collections::BTreeMap<String, Val> = ctx
        .env
        .iter()
        .map(|(k, v)| (k.clone(), Val::StrNum(v.clone())))
        .collect();
    it.arrays.insert("ENVIRON".into(), env);
    let mut argv_arr = std::collections::BTreeMap::new();
    argv_arr.insert("0".to_owned(), Val::Str(p.clone()));
    for (k, f) in files.iter().enumerate() {
        argv_arr.insert((k + 1).to_string(), Val::Str(f.clone()));
    }
    it.arrays.insert("ARGV".into(), argv_arr);
    it.vars
        .insert("ARGC".into(), Val::Num(files.len() as f64 + 1.0));
    let mut exit_code: Option<i32> = None;
    match it.special(ctx, true) {
        Ok(()) => {}
        Err(Flow::Exit(code)) => exit_code = Some(code),
        Err(Flow::Error(m)) => {
            it.flush(ctx);
            it.warn(ctx, &m);
            return 2;
        }
        Err(_) => {}
    }
    let mut status = 0;
    if exit_code.is_none() && it.has_main() {
        let sources: Vec<String> = if files.iter().all(|f| f.contains('=')) {
            let mut v: Vec<String> = files.iter().filter(|f| f.contains('=')).cloned().collect();
            v.push("-".into());
            v
        } else {
            files.clone()
        };
        'files: for f in &sources {
            if let Some((k, v)) = f.split_once('=')
                && !k.is_empty()
                && k.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
            {
                it.set_input_var(k, v);
                continue;
            }
            let data = match c::read_operand(ctx, f, stdin) {
                Ok(d) => d,
                Err(_) => {
                    it.flush(ctx);
                    c::err(
                        ctx,
                        &p,
                        &format!("cannot open \"{f}\" (No such file or directory)"),
                    );
                    status = 2;
                    continue;
                }
            };
            it.vars.insert(
                "FILENAME".into(),
                Val::Str(if f == "-" { String::new() } else { f.clone() }),
            );
            it.vars.insert("FNR".into(), Val::Num(0.0));
            let text = String::from_utf8_lossy(&data).into_owned();
            let rs = it
                .vars
                .get("RS")
                .map(Val::str)
                .unwrap_or_else(|| "\n".into());
            it.input = if rs.is_empty() {
                text.split("\n\n")
                    .map(|s| s.trim_matches('\n').to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            } else {
                let sep = rs.chars().next().unwrap_or('\n');
                let mut v: Vec<String> = text.split(sep).map(str::to_owned).collect();
                if text.ends_with(sep) || text.is_empty() {
                    v.pop();
                }
                v
            };
            it.pos = 0;
            while let Some(line) = it.input.get(it.pos).cloned() {
                it.pos += 1;
                let nr = it.vars.get("NR").map_or(0.0, Val::num) + 1.0;
                let fnr = it.vars.get("FNR").map_or(0.0, Val::num) + 1.0;
                it.vars.insert("NR".into(), Val::Num(nr));
                it.vars.insert("FNR".into(), Val::Num(fnr));
                it.record = line;
                it.split_record();
                match it.record_items(ctx) {
                    Ok(()) | Err(Flow::Next) => {}
                    Err(Flow::Exit(code)) => {
                        exit_code = Some(code);
                        break 'files;
                    }
                    Err(Flow::Error(m)) => {
                        it.flush(ctx);
                        it.warn(ctx, &m);
                        return 2;
                    }
                    Err(_) => {}
                }
            }
        }
    }
    match it.special(ctx, false) {
        Ok(()) => {}
        Err(Flow::Exit(code)) => exit_code = Some(code),
        Err(Flow::Error(m)) => {
            it.flush(ctx);
            it.warn(ctx, &m);
            return 2;
        }
        Err(_) => {}
    }
    it.flush(ctx);
    it.close_all(ctx);
    exit_code.unwrap_or(status)
}
