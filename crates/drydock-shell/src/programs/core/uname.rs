//! `uname [-asnrvmpio]`, `hostname` (from `/etc/hostname`: `buildkitsandbox` in builds) and
//! `nproc` — the simulated machine (linux/amd64, a Docker Desktop-like kernel, 8 CPUs).
use crate::programs::ProgramCtx;
use crate::programs::common as c;

const KERNEL: &str = "6.10.14-linuxkit";
const VERSION: &str = "#1 SMP PREEMPT_DYNAMIC Fri Oct  3 12:09:04 UTC 2025";
const NPROC: u32 = 8;

fn hostname(ctx: &ProgramCtx<'_, '_>) -> String {
    c::read_text(ctx, "/etc/hostname")
        .ok()
        .and_then(|t| t.lines().next().map(str::to_owned))
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "buildkitsandbox".into())
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "asnrvmpio",
        &[
            ("all", 'a'),
            ("kernel-name", 's'),
            ("nodename", 'n'),
            ("kernel-release", 'r'),
            ("kernel-version", 'v'),
            ("machine", 'm'),
            ("processor", 'p'),
            ("hardware-platform", 'i'),
            ("operating-system", 'o'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    if let Some(x) = a.ops.first() {
        let q = c::lquote(ctx, x);
        c::err(ctx, &p, &format!("extra operand {q}"));
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let bb = c::busybox(ctx);
    let host = hostname(ctx);
    let all = a.has('a');
    let mut parts: Vec<String> = Vec::new();
    let none = a.opts.is_empty();
    let os = if bb { "Linux" } else { "GNU/Linux" };
    for (flag, val) in [
        ('s', "Linux"),
        ('n', host.as_str()),
        ('r', KERNEL),
        ('v', VERSION),
        ('m', "x86_64"),
    ] {
        if all || a.has(flag) || (none && flag == 's') {
            parts.push(val.to_owned());
        }
    }
    if !all && (a.has('p') || a.has('i')) {
        parts.push("unknown".into());
    }
    if all || a.has('o') {
        parts.push(os.into());
    }
    c::out(ctx, &parts.join(" "));
    0
}

pub(crate) fn run_hostname(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let h = hostname(ctx);
    let line = match argv.get(1).map(String::as_str) {
        Some("-s" | "--short") => h.split('.').next().unwrap_or("").to_owned(),
        Some("-i" | "--ip-address" | "-I" | "--all-ip-addresses") => "172.17.0.2".to_owned(),
        Some("-f" | "--fqdn" | "--long") | None => h,
        Some(name) => {
            let p = c::prog(argv);
            if name.starts_with('-') {
                return c::usage_error(
                    ctx,
                    &p,
                    &c::opts::BadOpt::Short(name.chars().nth(1).unwrap_or('-')),
                    1,
                );
            }
            c::err(ctx, &p, "you must be root to change the host name");
            return 1;
        }
    };
    c::out(ctx, &line);
    0
}

pub(crate) fn run_nproc(ctx: &mut ProgramCtx<'_, '_>, _: &[String], _: &[u8]) -> i32 {
    c::out(ctx, &NPROC.to_string());
    0
}
