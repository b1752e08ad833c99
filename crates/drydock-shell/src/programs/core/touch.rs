//! `touch [-c] [-d DATE|-t STAMP] [-r REF] FILE…`: creates empty files, stamps times (virtual).
use crate::fs::{Kind, WriteMode};
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "acd:fhmr:t:",
        &[
            ("no-create", 'c'),
            ("date=", 'd'),
            ("reference=", 'r'),
            ("no-dereference", 'h'),
            ("time=", '\u{1}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    if a.ops.is_empty() {
        c::err(ctx, &p, "missing file operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let now = ctx.rt.config.mtime;
    let mut when = now;
    if let Some(r) = a.val('r') {
        let abs = ctx.abs(r);
        match c::stat(ctx, &abs) {
            Ok(st) => when = st.mtime,
            Err(e) => {
                c::err(
                    ctx,
                    &p,
                    &format!(
                        "failed to get attributes of {}: {}",
                        c::squote(r),
                        e.message()
                    ),
                );
                return 1;
            }
        }
    }
    if let Some(d) = a.val('d') {
        let d = d.to_owned();
        // reuse date's parser through a tiny inline copy: YYYY-MM-DD[ HH:MM[:SS]] or @N
        match parse(&d, now) {
            Some(t) => when = t,
            None => {
                c::err(
                    ctx,
                    &p,
                    &format!("invalid date format {}", c::lquote(ctx, &d)),
                );
                return 1;
            }
        }
    }
    if let Some(t) = a.val('t') {
        // [[CC]YY]MMDDhhmm[.ss]
        let (main, ss) = t.split_once('.').unwrap_or((t, "0"));
        let digits = main.len();
        let parsed = (|| {
            let n = |s: &str| s.parse::<i64>().ok();
            let (y, rest) = match digits {
                12 => (n(main.get(..4)?)?, main.get(4..)?),
                10 => (2000 + n(main.get(..2)?)?, main.get(2..)?),
                8 => (super::super::common::clock::tm(now).year, main),
                _ => return None,
            };
            let mo = u32::try_from(n(rest.get(..2)?)?).ok()?;
            let d = u32::try_from(n(rest.get(2..4)?)?).ok()?;
            let h = n(rest.get(4..6)?)?;
            let mi = n(rest.get(6..8)?)?;
            Some(
                super::super::common::clock::days_from_civil(y, mo, d) * 86_400
                    + h * 3600
                    + mi * 60
                    + n(ss)?,
            )
        })();
        match parsed {
            Some(v) => when = v,
            None => {
                c::err(
                    ctx,
                    &p,
                    &format!("invalid date format {}", c::lquote(ctx, t)),
                );
                return 1;
            }
        }
    }
    let mut status = 0;
    for f in &a.ops {
        let abs = ctx.abs(f);
        match c::stat(ctx, &abs) {
            Ok(st) => {
                let _ = st.kind == Kind::Dir;
                let _ = ctx.fs().set_mtime(&abs, when);
            }
            Err(_) if a.has('c') => {}
            Err(_) => {
                let m = ctx.new_meta(0o666);
                match ctx.fs().write_file(&abs, b"", WriteMode::Append, m) {
                    Ok(()) => {
                        if when != now {
                            let _ = ctx.fs().set_mtime(&abs, when);
                        }
                    }
                    Err(e) => {
                        let m = if c::busybox(ctx) {
                            format!("{f}: {}", e.message())
                        } else {
                            format!("cannot touch {}: {}", c::squote(f), e.message())
                        };
                        c::err(ctx, &p, &m);
                        status = 1;
                    }
                }
            }
        }
    }
    status
}

fn parse(s: &str, now: i64) -> Option<i64> {
    use crate::programs::common::clock::days_from_civil;
    let s = s.trim();
    if let Some(n) = s.strip_prefix('@') {
        return n.parse().ok();
    }
    if s == "now" {
        return Some(now);
    }
    let (date, time) = s.split_once([' ', 'T']).unwrap_or((s, "00:00:00"));
    let mut d = date.split('-');
    let y: i64 = d.next()?.parse().ok()?;
    let m: u32 = d.next()?.parse().ok()?;
    let day: u32 = d.next()?.parse().ok()?;
    let mut t = time.split(':');
    let hh: i64 = t.next().unwrap_or("0").parse().ok()?;
    let mm: i64 = t.next().unwrap_or("0").parse().ok()?;
    let ss: i64 = t.next().unwrap_or("0").split('.').next()?.parse().ok()?;
    Some(days_from_civil(y, m, day) * 86_400 + hh * 3600 + mm * 60 + ss)
}

/// `truncate -s SIZE FILE…`: sets the size; grown files are synthetic (sparse on disk).
pub(crate) fn run_truncate(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(argv, "s:co", &[("size=", 's'), ("no-create", 'c')], true) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let Some(spec) = a.val('s') else {
        c::err(ctx, &p, "you must specify either '--size' or '--reference'");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    };
    let (num, unit) = spec.split_at(
        spec.find(|ch: char| !ch.is_ascii_digit())
            .unwrap_or(spec.len()),
    );
    let mult: u64 = match unit.trim_end_matches(['B', 'i']) {
        "" => 1,
        "K" | "k" => 1024,
        "M" => 1 << 20,
        "G" => 1 << 30,
        "T" => 1 << 40,
        _ => 0,
    };
    let Ok(n) = num.parse::<u64>() else {
        c::err(
            ctx,
            &p,
            &format!("invalid number: {}", c::lquote(ctx, spec)),
        );
        return 1;
    };
    if mult == 0 {
        c::err(
            ctx,
            &p,
            &format!("invalid number: {}", c::lquote(ctx, spec)),
        );
        return 1;
    }
    let size = n.saturating_mul(mult);
    let mut status = 0;
    for f in &a.ops {
        let abs = ctx.abs(f);
        if a.has('c') && c::lstat(ctx, &abs).is_err() {
            continue;
        }
        let m = ctx.new_meta(0o666);
        let r = if size == 0 {
            ctx.fs().write_file(&abs, b"", WriteMode::Truncate, m)
        } else {
            ctx.fs()
                .write_synthetic(&abs, size, c::seed_of(&abs), "", m)
        };
        if let Err(e) = r {
            c::err(
                ctx,
                &p,
                &format!("cannot open {} for writing: {}", c::squote(f), e.message()),
            );
            status = 1;
        }
    }
    status
}
