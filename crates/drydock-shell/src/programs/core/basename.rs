//! `basename NAME [SUFFIX]`, `basename -a/-s SUFFIX NAME…` and `dirname NAME…`.
use crate::programs::ProgramCtx;
use crate::programs::common as c;

fn strip(name: &str) -> String {
    if name.is_empty() {
        return String::new();
    }
    let t = name.trim_end_matches('/');
    if t.is_empty() {
        return "/".into();
    }
    t.rsplit('/').next().unwrap_or(t).to_owned()
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "as:z",
        &[("multiple", 'a'), ("suffix=", 's'), ("zero", 'z')],
        false,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    if a.ops.is_empty() {
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let multi = a.has('a') || a.has('s');
    let (names, suffix): (Vec<&String>, Option<&str>) = if multi {
        (a.ops.iter().collect(), a.val('s'))
    } else if a.ops.len() > 2 {
        let extra = c::lquote(ctx, a.ops.get(2).map_or("", String::as_str));
        c::err(ctx, &p, &format!("extra operand {extra}"));
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    } else {
        (
            a.ops.iter().take(1).collect(),
            a.ops.get(1).map(String::as_str),
        )
    };
    let end = if a.has('z') { '\0' } else { '\n' };
    let mut s = String::new();
    for n in names {
        let mut b = strip(n);
        if let Some(suf) = suffix
            && b.len() > suf.len()
            && let Some(x) = b.strip_suffix(suf)
        {
            b = x.to_owned();
        }
        s.push_str(&b);
        s.push(end);
    }
    ctx.stdout(s.as_bytes());
    0
}

pub(crate) fn run_dirname(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let ops: Vec<&String> = argv.iter().skip(1).filter(|a| *a != "--").collect();
    if ops.is_empty() {
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let mut s = String::new();
    for n in ops {
        let t = n.trim_end_matches('/');
        let d = if t.is_empty() {
            if n.starts_with('/') { "/" } else { "." }.to_owned()
        } else {
            match t.rfind('/') {
                None => ".".to_owned(),
                Some(i) => {
                    let d = t.get(..i).unwrap_or("").trim_end_matches('/');
                    if d.is_empty() {
                        "/".to_owned()
                    } else {
                        d.to_owned()
                    }
                }
            }
        };
        s.push_str(&d);
        s.push('\n');
    }
    ctx.stdout(s.as_bytes());
    0
}
