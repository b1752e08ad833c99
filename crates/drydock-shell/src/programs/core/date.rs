//! `date [-u] [-d @N|DATE] [-I[FMT]|-R] [+FORMAT]`: the virtual clock in UTC.
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, clock};

fn parse_date(s: &str, now: i64) -> Option<i64> {
    let s = s.trim();
    if let Some(n) = s.strip_prefix('@') {
        return n.parse().ok();
    }
    match s {
        "now" | "" => return Some(now),
        "today" => return Some(now),
        "yesterday" => return Some(now - 86_400),
        "tomorrow" => return Some(now + 86_400),
        _ => {}
    }
    let (date, time) = match s.split_once([' ', 'T']) {
        Some((d, t)) => (d, t.trim_end_matches('Z')),
        None => (s, "00:00:00"),
    };
    let mut d = date.split('-');
    let y: i64 = d.next()?.parse().ok()?;
    let m: u32 = d.next()?.parse().ok()?;
    let day: u32 = d.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    let mut t = time.split(':');
    let hh: i64 = t.next().unwrap_or("0").parse().ok()?;
    let mm: i64 = t.next().unwrap_or("0").parse().ok()?;
    let ss: i64 = t.next().unwrap_or("0").split('.').next()?.parse().ok()?;
    Some(clock::days_from_civil(y, m, day) * 86_400 + hh * 3600 + mm * 60 + ss)
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let now = ctx.rt.config.mtime;
    let mut when = now;
    let mut format: Option<String> = None;
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        i += 1;
        match a.as_str() {
            "-u" | "--utc" | "--universal" => {}
            "-R" | "--rfc-email" => format = Some("%a, %d %b %Y %H:%M:%S %z".into()),
            "-I" | "--iso-8601" | "-Idate" | "--iso-8601=date" => format = Some("%Y-%m-%d".into()),
            "-Iseconds" | "--iso-8601=seconds" => format = Some("%Y-%m-%dT%H:%M:%S+00:00".into()),
            "-Iminutes" | "--iso-8601=minutes" => format = Some("%Y-%m-%dT%H:%M+00:00".into()),
            "-Ihours" | "--iso-8601=hours" => format = Some("%Y-%m-%dT%H+00:00".into()),
            "-d" | "--date" => {
                let Some(v) = argv.get(i) else {
                    return c::usage_error(ctx, &p, &c::opts::BadOpt::Missing('d'), 1);
                };
                i += 1;
                match parse_date(v, now) {
                    Some(t) => when = t,
                    None => {
                        let q = c::lquote(ctx, v);
                        c::err(ctx, &p, &format!("invalid date {q}"));
                        return 1;
                    }
                }
            }
            s if s.starts_with("--date=") => {
                let v = s.get(7..).unwrap_or("");
                match parse_date(v, now) {
                    Some(t) => when = t,
                    None => {
                        let q = c::lquote(ctx, v);
                        c::err(ctx, &p, &format!("invalid date {q}"));
                        return 1;
                    }
                }
            }
            s if s.starts_with('+') => format = Some(s.get(1..).unwrap_or("").to_owned()),
            s if s.starts_with('-') && s.len() > 1 => {
                let ch = s.chars().nth(1).unwrap_or('-');
                return c::usage_error(ctx, &p, &c::opts::BadOpt::Short(ch), 1);
            }
            s => {
                let q = c::lquote(ctx, s);
                c::err(ctx, &p, &format!("invalid date {q}"));
                return 1;
            }
        }
    }
    let text = match format {
        Some(f) => clock::strftime(&f, when),
        None => clock::date_default(when),
    };
    c::out(ctx, &text);
    0
}
