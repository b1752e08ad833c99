//! `cp [-r|-R|-a] [-p] [-f] [-n] [-v] [-L|-P] [-T] [-t DIR] SRC… DEST` and `mv [-f] [-n] [-v]
//! SRC… DEST`: copies share file contents (synthetic payloads stay synthetic), `-a`/`-p` keep
//! mode, owner and time.
use crate::fs::{FsError, Kind, NewMeta};
use crate::programs::ProgramCtx;
use crate::programs::common as c;

struct Opt {
    recursive: bool,
    preserve: bool,
    no_clobber: bool,
    verbose: bool,
    deref: bool,
    bb: bool,
}

fn report(ctx: &mut ProgramCtx<'_, '_>, p: &str, bb: bool, gnu: String, busy: String) {
    let m = if bb { busy } else { gnu };
    c::err(ctx, p, &m);
}

/// Copies one entry (recursively for directories) from `src` to `dst` (absolute paths).
fn copy_one(
    ctx: &mut ProgramCtx<'_, '_>,
    p: &str,
    o: &Opt,
    src: &str,
    dst: &str,
    shown_src: &str,
    shown_dst: &str,
) -> bool {
    let st = match if o.deref {
        c::stat(ctx, src)
    } else {
        c::lstat(ctx, src)
    } {
        Ok(s) => s,
        Err(e) => {
            report(
                ctx,
                p,
                o.bb,
                format!("cannot stat {}: {}", c::squote(shown_src), e.message()),
                format!("can't stat '{shown_src}': {}", e.message()),
            );
            return false;
        }
    };
    let meta = |ctx: &ProgramCtx<'_, '_>| -> NewMeta {
        if o.preserve {
            NewMeta {
                mode: st.mode,
                uid: st.uid,
                gid: st.gid,
                mtime: st.mtime,
            }
        } else {
            ctx.new_meta(st.mode)
        }
    };
    match st.kind {
        Kind::Dir => {
            if !o.recursive {
                report(
                    ctx,
                    p,
                    o.bb,
                    format!(
                        "-r not specified; omitting directory {}",
                        c::squote(shown_src)
                    ),
                    format!("omitting directory '{shown_src}'"),
                );
                return false;
            }
            if dst == src || dst.starts_with(&format!("{src}/")) {
                report(
                    ctx,
                    p,
                    o.bb,
                    format!(
                        "cannot copy a directory, {}, into itself, {}",
                        c::squote(shown_src),
                        c::squote(shown_dst)
                    ),
                    format!("cannot copy a directory, '{shown_src}', into itself, '{shown_dst}'"),
                );
                return false;
            }
            match c::stat(ctx, dst) {
                Ok(d) if d.kind == Kind::Dir => {}
                Ok(_) => {
                    report(
                        ctx,
                        p,
                        o.bb,
                        format!(
                            "cannot overwrite non-directory {} with directory {}",
                            c::squote(shown_dst),
                            c::squote(shown_src)
                        ),
                        format!("'{shown_dst}' exists but is not a directory"),
                    );
                    return false;
                }
                Err(_) => {
                    let mut m = meta(ctx);
                    m.mode = st.mode & 0o7777;
                    if !o.preserve {
                        m.mode &= !ctx.umask;
                    }
                    if let Err(e) = ctx.fs().mkdir(dst, m) {
                        report(
                            ctx,
                            p,
                            o.bb,
                            format!(
                                "cannot create directory {}: {}",
                                c::squote(shown_dst),
                                e.message()
                            ),
                            format!("can't create directory '{shown_dst}': {}", e.message()),
                        );
                        return false;
                    }
                }
            }
            if o.verbose {
                c::out(
                    ctx,
                    &format!("{} -> {}", c::squote(shown_src), c::squote(shown_dst)),
                );
            }
            let names = ctx.rt.fs.read_dir(src).unwrap_or_default();
            let mut ok = true;
            for n in names {
                ok &= copy_one(
                    ctx,
                    p,
                    &Opt { deref: false, ..*o },
                    &c::join(src, &n),
                    &c::join(dst, &n),
                    &c::join(shown_src, &n),
                    &c::join(shown_dst, &n),
                );
            }
            if o.preserve {
                let _ = ctx.fs().chown(dst, st.uid, st.gid);
                let _ = ctx.fs().set_mtime(dst, st.mtime);
            }
            ok
        }
        Kind::Symlink => {
            let target = ctx.rt.fs.read_link(src).unwrap_or_default();
            let _ = ctx.fs().remove(dst);
            let m = meta(ctx);
            if let Err(e) = ctx.fs().symlink(&target, dst, m) {
                report(
                    ctx,
                    p,
                    o.bb,
                    format!(
                        "cannot create symbolic link {}: {}",
                        c::squote(shown_dst),
                        e.message()
                    ),
                    format!("can't create symlink '{shown_dst}': {}", e.message()),
                );
                return false;
            }
            true
        }
        Kind::File => {
            if let Ok(d) = c::stat(ctx, dst) {
                if o.no_clobber {
                    return true;
                }
                if d.kind == Kind::Dir {
                    report(
                        ctx,
                        p,
                        o.bb,
                        format!(
                            "cannot overwrite directory {} with non-directory",
                            c::squote(shown_dst)
                        ),
                        format!("'{shown_dst}' is a directory"),
                    );
                    return false;
                }
            }
            let existed = c::stat(ctx, dst).is_ok();
            let m = meta(ctx);
            if let Err(e) = ctx.fs().copy_file(src, dst, m) {
                report(
                    ctx,
                    p,
                    o.bb,
                    format!(
                        "cannot create regular file {}: {}",
                        c::squote(shown_dst),
                        e.message()
                    ),
                    format!("can't create '{shown_dst}': {}", e.message()),
                );
                return false;
            }
            if o.preserve || !existed {
                let mode = if o.preserve {
                    st.mode
                } else {
                    st.mode & !ctx.umask
                };
                let _ = ctx.fs().chmod(dst, mode);
            }
            if o.preserve {
                let _ = ctx.fs().chown(dst, st.uid, st.gid);
                let _ = ctx.fs().set_mtime(dst, st.mtime);
            }
            if o.verbose {
                c::out(
                    ctx,
                    &format!("{} -> {}", c::squote(shown_src), c::squote(shown_dst)),
                );
            }
            true
        }
    }
}

fn split_dest(
    ctx: &mut ProgramCtx<'_, '_>,
    p: &str,
    ops: &[String],
    target: Option<&str>,
    no_target_dir: bool,
) -> Result<(Vec<String>, String, bool), i32> {
    let (srcs, dest) = match target {
        Some(t) => (ops.to_vec(), t.to_owned()),
        None => {
            if ops.is_empty() {
                c::err(ctx, p, "missing file operand");
                c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
                return Err(1);
            }
            if ops.len() == 1 {
                let q = c::squote(ops.first().map_or("", String::as_str));
                c::err(
                    ctx,
                    p,
                    &format!("missing destination file operand after {q}"),
                );
                c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
                return Err(1);
            }
            let (last, rest) = ops.split_last().ok_or(1)?;
            (rest.to_vec(), last.clone())
        }
    };
    let dabs = ctx.abs(&dest);
    let into = !no_target_dir && c::is_dir(ctx, &dabs);
    if srcs.len() > 1 && !into {
        let q = c::squote(&dest);
        c::err(ctx, p, &format!("target {q} is not a directory"));
        return Err(1);
    }
    Ok((srcs, dest, into))
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "rRapPdLfnivuTt:lsx",
        &[
            ("recursive", 'r'),
            ("archive", 'a'),
            ("preserve", 'p'),
            ("preserve=", 'p'),
            ("no-preserve=", '\u{1}'),
            ("dereference", 'L'),
            ("no-dereference", 'P'),
            ("force", 'f'),
            ("no-clobber", 'n'),
            ("interactive", 'i'),
            ("verbose", 'v'),
            ("update", 'u'),
            ("no-target-directory", 'T'),
            ("target-directory=", 't'),
            ("parents", '\u{2}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let (srcs, dest, into) = match split_dest(ctx, &p, &a.ops, a.val('t'), a.has('T')) {
        Ok(x) => x,
        Err(s) => return s,
    };
    let o = Opt {
        recursive: a.has('r') || a.has('R') || a.has('a'),
        preserve: a.has('a') || a.has('p'),
        no_clobber: a.has('n'),
        verbose: a.has('v'),
        deref: if a.has('r') || a.has('R') || a.has('a') {
            a.has('L')
        } else {
            !(a.has('P') || a.has('d'))
        },
        bb: c::busybox(ctx),
    };
    let mut status = 0;
    for s in &srcs {
        let sabs = ctx.abs(s);
        let (dabs, shown) = if into {
            let name = c::base(s).to_owned();
            (ctx.abs(&c::join(&dest, &name)), c::join(&dest, &name))
        } else {
            (ctx.abs(&dest), dest.clone())
        };
        if sabs == dabs && c::lstat(ctx, &sabs).is_ok_and(|st| st.kind != Kind::Dir) {
            c::err(
                ctx,
                &p,
                &format!(
                    "{} and {} are the same file",
                    c::squote(s),
                    c::squote(&shown)
                ),
            );
            status = 1;
            continue;
        }
        if !copy_one(ctx, &p, &o, &sabs, &dabs, s, &shown) {
            status = 1;
        }
    }
    status
}

pub(crate) fn run_mv(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "fnivuTt:",
        &[
            ("force", 'f'),
            ("no-clobber", 'n'),
            ("interactive", 'i'),
            ("verbose", 'v'),
            ("update", 'u'),
            ("no-target-directory", 'T'),
            ("target-directory=", 't'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let (srcs, dest, into) = match split_dest(ctx, &p, &a.ops, a.val('t'), a.has('T')) {
        Ok(x) => x,
        Err(s) => return s,
    };
    let bb = c::busybox(ctx);
    let mut status = 0;
    for s in &srcs {
        let sabs = ctx.abs(s);
        let (dabs, shown) = if into {
            let name = c::base(s).to_owned();
            (ctx.abs(&c::join(&dest, &name)), c::join(&dest, &name))
        } else {
            (ctx.abs(&dest), dest.clone())
        };
        let st = match c::lstat(ctx, &sabs) {
            Ok(st) => st,
            Err(e) => {
                report(
                    ctx,
                    &p,
                    bb,
                    format!("cannot stat {}: {}", c::squote(s), e.message()),
                    format!("can't stat '{s}': {}", e.message()),
                );
                status = 1;
                continue;
            }
        };
        if sabs == dabs {
            c::err(
                ctx,
                &p,
                &format!(
                    "{} and {} are the same file",
                    c::squote(s),
                    c::squote(&shown)
                ),
            );
            status = 1;
            continue;
        }
        if st.kind == Kind::Dir && dabs.starts_with(&format!("{sabs}/")) {
            let m = format!(
                "cannot move {} to a subdirectory of itself, {}",
                c::squote(s),
                c::squote(&shown)
            );
            c::err(ctx, &p, &m);
            status = 1;
            continue;
        }
        if a.has('n') && c::lstat(ctx, &dabs).is_ok() {
            continue;
        }
        if let Ok(d) = c::lstat(ctx, &dabs) {
            if d.kind == Kind::Dir && st.kind != Kind::Dir {
                let m = format!(
                    "cannot overwrite directory {} with non-directory",
                    c::squote(&shown)
                );
                c::err(ctx, &p, &m);
                status = 1;
                continue;
            }
            if d.kind != Kind::Dir {
                let _ = ctx.fs().remove(&dabs);
            }
        }
        match ctx.fs().rename(&sabs, &dabs) {
            Ok(()) => {
                if a.has('v') {
                    c::out(
                        ctx,
                        &format!("renamed {} -> {}", c::squote(s), c::squote(&shown)),
                    );
                }
            }
            Err(e) => {
                let e = if e == FsError::NotFound && !c::is_dir(ctx, c::parent(&dabs)) {
                    FsError::NotFound
                } else {
                    e
                };
                report(
                    ctx,
                    &p,
                    bb,
                    format!(
                        "cannot move {} to {}: {}",
                        c::squote(s),
                        c::squote(&shown),
                        e.message()
                    ),
                    format!("can't rename '{s}': {}", e.message()),
                );
                status = 1;
            }
        }
    }
    status
}
