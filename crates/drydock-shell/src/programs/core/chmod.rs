//! `chmod [-R] MODE FILE…` with octal and symbolic modes (`u+x,g-w`, `a=rX`, `+x`); the mode
//! parser is shared with `mkdir -m` and `install -m`.
use crate::fs::Kind;
use crate::programs::ProgramCtx;
use crate::programs::common as c;

/// Applies `spec` to `old` (permission bits); `None` when the spec is invalid.
pub(crate) fn apply_mode(spec: &str, old: u32, is_dir: bool, umask: u32) -> Option<u32> {
    if !spec.is_empty() && spec.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        let v = u32::from_str_radix(spec, 8).ok()?;
        if v > 0o7777 {
            return None;
        }
        // GNU keeps a directory's setgid/setuid bits for short octal modes
        let keep = if is_dir && spec.len() < 5 {
            old & 0o6000
        } else {
            0
        };
        return Some(v | keep);
    }
    let mut mode = old & 0o7777;
    for clause in spec.split(',') {
        let bytes: Vec<char> = clause.chars().collect();
        let mut i = 0;
        let mut who = 0u32;
        while let Some(&ch) = bytes.get(i) {
            match ch {
                'u' => who |= 0o4700,
                'g' => who |= 0o2070,
                'o' => who |= 0o1007,
                'a' => who |= 0o7777,
                _ => break,
            }
            i += 1;
        }
        let implicit = who == 0;
        if implicit {
            who = 0o7777;
        }
        bytes.get(i)?;
        while let Some(&op) = bytes.get(i) {
            if !matches!(op, '+' | '-' | '=') {
                return None;
            }
            i += 1;
            let mut perm = 0u32;
            while let Some(&ch) = bytes.get(i) {
                let bits = match ch {
                    'r' => 0o444,
                    'w' => 0o222,
                    'x' => 0o111,
                    'X' => {
                        if is_dir || mode & 0o111 != 0 {
                            0o111
                        } else {
                            0
                        }
                    }
                    's' => 0o6000,
                    't' => 0o1000,
                    'u' => copy_class(mode, 6),
                    'g' => copy_class(mode, 3),
                    'o' => copy_class(mode, 0),
                    _ => break,
                };
                perm |= bits;
                i += 1;
            }
            let mut eff = perm & who;
            if implicit {
                eff &= !umask | 0o7000;
            }
            match op {
                '+' => mode |= eff,
                '-' => mode &= !eff,
                _ => {
                    let clear = who & 0o777 | (who & 0o7000 & !if is_dir { 0o6000 } else { 0 });
                    mode = (mode & !clear) | eff;
                }
            }
        }
    }
    Some(mode)
}

fn copy_class(mode: u32, shift: u32) -> u32 {
    let v = (mode >> shift) & 7;
    v | (v << 3) | (v << 6)
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    // a mode like `-x` must not be taken for an option
    let mut args: Vec<String> = Vec::new();
    let mut mode_arg: Option<String> = None;
    let mut recursive = false;
    let mut verbose = false;
    for a in argv.iter().skip(1) {
        match a.as_str() {
            "-R" | "--recursive" => recursive = true,
            "-v" | "--verbose" | "-c" | "--changes" => verbose = true,
            "-f" | "--silent" | "--quiet" => {}
            s if mode_arg.is_none() && !s.starts_with("--") => mode_arg = Some(s.to_owned()),
            s if s.starts_with("--") => {
                return c::usage_error(ctx, &p, &c::opts::BadOpt::Long(s.to_owned()), 1);
            }
            s => args.push(s.to_owned()),
        }
    }
    let _ = verbose;
    let Some(spec) = mode_arg else {
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    };
    if args.is_empty() {
        let q = c::lquote(ctx, &spec);
        c::err(ctx, &p, &format!("missing operand after {q}"));
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let mut status = 0;
    for f in &args {
        let abs = ctx.abs(f);
        let targets = if recursive {
            c::walk(ctx, &abs)
        } else {
            vec![abs.clone()]
        };
        for t in targets {
            let st = match c::stat(ctx, &t) {
                Ok(s) => s,
                Err(e) => {
                    if c::lstat(ctx, &t).is_ok() {
                        continue; // dangling symlinks met during -R are skipped
                    }
                    let m = if c::busybox(ctx) {
                        format!("{f}: {}", e.message())
                    } else {
                        format!("cannot access {}: {}", c::squote(f), e.message())
                    };
                    c::err(ctx, &p, &m);
                    status = 1;
                    continue;
                }
            };
            if recursive
                && t != abs
                && matches!(c::lstat(ctx, &t), Ok(s) if s.kind == Kind::Symlink)
            {
                continue;
            }
            let Some(new) = apply_mode(&spec, st.mode, st.kind == Kind::Dir, ctx.umask) else {
                let q = c::lquote(ctx, &spec);
                c::err(ctx, &p, &format!("invalid mode: {q}"));
                c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
                return 1;
            };
            if ctx.user.uid != 0 && ctx.user.uid != st.uid {
                let m = format!(
                    "changing permissions of {}: Operation not permitted",
                    c::squote(f)
                );
                c::err(ctx, &p, &m);
                status = 1;
                continue;
            }
            if let Err(e) = ctx.fs().chmod(&t, new) {
                c::err(
                    ctx,
                    &p,
                    &format!("changing permissions of {}: {}", c::squote(f), e.message()),
                );
                status = 1;
            }
        }
    }
    status
}
