//! `readlink [-f|-e|-m] [-n] FILE…` and `realpath [-e|-m|-s] FILE…`: link targets and canonical
//! paths.
use crate::fs::{FsError, Kind};
use crate::programs::ProgramCtx;
use crate::programs::common as c;

/// Resolves every symlink in `path` (absolute); `missing_ok` allows a missing last component
/// (`-f`) or any missing components (`-m` = `all_missing`).
pub(crate) fn canonical(
    ctx: &ProgramCtx<'_, '_>,
    path: &str,
    missing_last_ok: bool,
    all_missing_ok: bool,
) -> Result<String, FsError> {
    let mut todo: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    todo.reverse();
    let mut cur = String::from("/");
    let mut hops = 0;
    while let Some(comp) = todo.pop() {
        if comp == "." {
            continue;
        }
        if comp == ".." {
            cur = c::parent(&cur).to_owned();
            continue;
        }
        let next = c::join(&cur, &comp);
        match ctx.rt.fs.lstat(&next) {
            Ok(st) if st.kind == Kind::Symlink => {
                hops += 1;
                if hops > 40 {
                    return Err(FsError::TooManySymlinks);
                }
                let t = ctx.rt.fs.read_link(&next)?;
                if t.starts_with('/') {
                    cur = "/".into();
                }
                let mut parts: Vec<String> = t
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                parts.reverse();
                todo.extend(parts);
            }
            Ok(st) => {
                if st.kind != Kind::Dir && !todo.is_empty() {
                    return Err(FsError::NotADirectory);
                }
                cur = next;
            }
            Err(FsError::NotFound) if all_missing_ok || (missing_last_ok && todo.is_empty()) => {
                cur = next;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(cur)
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let is_realpath = p == "realpath";
    let a = match c::parse(
        argv,
        "femnqsvz",
        &[
            ("canonicalize", 'f'),
            ("canonicalize-existing", 'e'),
            ("canonicalize-missing", 'm'),
            ("no-newline", 'n'),
            ("quiet", 'q'),
            ("silent", 's'),
            ("strip", 's'),
            ("no-symlinks", 's'),
            ("verbose", 'v'),
            ("zero", 'z'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    if a.ops.is_empty() {
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let mut status = 0;
    let mut text = String::new();
    for op in &a.ops {
        let abs = ctx.abs(op);
        let r = if is_realpath {
            if a.has('s') {
                Ok(abs.clone())
            } else {
                canonical(ctx, &abs, !a.has('e'), a.has('m'))
            }
        } else if a.has('f') || a.has('e') || a.has('m') {
            canonical(ctx, &abs, a.has('f'), a.has('m'))
        } else {
            ctx.rt.fs.read_link(&abs).map_err(|e| {
                if e == FsError::NotFound {
                    e
                } else {
                    FsError::InvalidArgument
                }
            })
        };
        match r {
            Ok(s) => {
                text.push_str(&s);
                if !a.has('n') {
                    text.push('\n');
                }
            }
            Err(e) => {
                status = 1;
                if is_realpath || a.has('v') {
                    ctx.stdout(text.as_bytes());
                    text.clear();
                    c::err(ctx, &p, &format!("{op}: {}", e.message()));
                }
            }
        }
    }
    ctx.stdout(text.as_bytes());
    status
}
