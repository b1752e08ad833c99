//! `stat [-L] [-c FORMAT] FILE…` (default multi-line format; `%n %s %a %A %U %G %u %g %F %y %Y
//! %h %i %b %B %N`, with printf flags and widths such as `%04a`), `du [-s] [-h] [-a] [-c]
//! [-d N]` and `df [-h]` over the simulated filesystem.
use crate::fs::{Kind, Stat};
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, clock, users};

fn inode(path: &str) -> u64 {
    c::seed_of(path) % 9_000_000 + 1_000_000
}

fn kind_name(st: &Stat) -> &'static str {
    match st.kind {
        Kind::Dir => "directory",
        Kind::Symlink => "symbolic link",
        Kind::File if st.size == 0 => "regular empty file",
        Kind::File => "regular file",
    }
}

fn size_of(st: &Stat) -> u64 {
    if st.kind == Kind::Dir { 4096 } else { st.size }
}

fn blocks(st: &Stat) -> u64 {
    match st.kind {
        Kind::Dir => 8,
        Kind::Symlink => 0,
        Kind::File => st.size.div_ceil(4096) * 8,
    }
}

/// A directive's text padded as printf would: `-` pads on the right, `0` with zeros after any
/// sign, otherwise spaces on the left (`%04a` → `0644`).
fn pad(field: &str, flags: &str, width: &str) -> String {
    let width: usize = width.parse().unwrap_or(0);
    let len = field.chars().count();
    if len >= width {
        return field.to_owned();
    }
    let fill = width - len;
    if flags.contains('-') {
        format!("{field}{}", " ".repeat(fill))
    } else if flags.contains('0') && field.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        match field.strip_prefix('-') {
            Some(rest) => format!("-{}{rest}", "0".repeat(fill)),
            None => format!("{}{field}", "0".repeat(fill)),
        }
    } else {
        format!("{}{field}", " ".repeat(fill))
    }
}

fn format(ctx: &ProgramCtx<'_, '_>, fmt: &str, name: &str, path: &str, st: &Stat) -> String {
    let mut out = String::new();
    let mut it = fmt.chars();
    while let Some(ch) = it.next() {
        if ch == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            }
            continue;
        }
        if ch != '%' {
            out.push(ch);
            continue;
        }
        let mut spec = String::new();
        while let Some(f) = it.clone().next().filter(|f| "-0#+ '".contains(*f)) {
            spec.push(f);
            it.next();
        }
        let mut width = String::new();
        while let Some(d) = it.clone().next().filter(char::is_ascii_digit) {
            width.push(d);
            it.next();
        }
        let mut field = String::new();
        let directive = it.next();
        match directive {
            Some('n') => field.push_str(name),
            Some('N') => {
                field.push_str(&c::squote(name));
                if st.kind == Kind::Symlink {
                    let t = ctx.rt.fs.read_link(path).unwrap_or_default();
                    field.push_str(&format!(" -> {}", c::squote(&t)));
                }
            }
            Some('s') => field.push_str(&size_of(st).to_string()),
            Some('a') => field.push_str(&format!("{:o}", st.mode & 0o7777)),
            Some('A') => field.push_str(&super::ls::mode_str(st)),
            Some('f') => {
                let t = match st.kind {
                    Kind::Dir => 0o040_000,
                    Kind::Symlink => 0o120_000,
                    Kind::File => 0o100_000,
                };
                field.push_str(&format!("{:x}", t | st.mode));
            }
            Some('U') => field.push_str(&users::user_name(ctx, st.uid)),
            Some('G') => field.push_str(&users::group_name(ctx, st.gid)),
            Some('u') => field.push_str(&st.uid.to_string()),
            Some('g') => field.push_str(&st.gid.to_string()),
            Some('F') => field.push_str(kind_name(st)),
            Some('y' | 'z' | 'x') => field.push_str(&clock::full(st.mtime)),
            Some('Y' | 'Z' | 'X') => field.push_str(&st.mtime.to_string()),
            Some('w') => field.push('-'),
            Some('W') => field.push('0'),
            Some('h') => field.push_str(if st.kind == Kind::Dir { "2" } else { "1" }),
            Some('i') => field.push_str(&inode(path).to_string()),
            Some('b') => field.push_str(&blocks(st).to_string()),
            Some('B') => field.push_str("512"),
            Some('o') => field.push_str("4096"),
            Some('d') => field.push_str("45"),
            Some('D') => field.push_str("2d"),
            Some('m') => field.push('/'),
            Some('%') => field.push('%'),
            Some(o) => {
                out.push('%');
                out.push_str(&spec);
                out.push_str(&width);
                out.push(o);
                continue;
            }
            None => {
                out.push('%');
                out.push_str(&spec);
                out.push_str(&width);
                continue;
            }
        }
        out.push_str(&pad(&field, &spec, &width));
    }
    out
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "Lc:ft",
        &[
            ("dereference", 'L'),
            ("format=", 'c'),
            ("printf=", 'p'),
            ("terse", 't'),
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
        let r = if a.has('L') {
            c::stat(ctx, &abs)
        } else {
            c::lstat(ctx, &abs)
        };
        let st = match r {
            Ok(s) => s,
            Err(e) => {
                ctx.stdout(text.as_bytes());
                text.clear();
                let m = if c::busybox(ctx) {
                    format!("can't stat '{op}': {}", e.message())
                } else {
                    format!("cannot statx {}: {}", c::squote(op), e.message())
                };
                c::err(ctx, &p, &m);
                status = 1;
                continue;
            }
        };
        if let Some(f) = a.val('c') {
            text.push_str(&format(ctx, f, op, &abs, &st));
            text.push('\n');
            continue;
        }
        if let Some(f) = a.val('p') {
            text.push_str(&format(ctx, f, op, &abs, &st));
            continue;
        }
        let name = if st.kind == Kind::Symlink {
            format!("{op} -> {}", ctx.rt.fs.read_link(&abs).unwrap_or_default())
        } else {
            op.clone()
        };
        let links = if st.kind == Kind::Dir { 2 } else { 1 };
        let u = users::user_name(ctx, st.uid);
        let g = users::group_name(ctx, st.gid);
        let t = clock::full(st.mtime);
        let size = size_of(&st).to_string();
        let bl = blocks(&st).to_string();
        text.push_str(&format!(
            "  File: {name}\n  Size: {size:<10}\tBlocks: {bl:<10} IO Block: 4096   {}\nDevice: 0,45\tInode: {:<11} Links: {links}\nAccess: ({:04o}/{})  Uid: ({:>5}/{:>8})   Gid: ({:>5}/{:>8})\nAccess: {t}\nModify: {t}\nChange: {t}\n Birth: -\n",
            kind_name(&st),
            inode(&abs),
            st.mode & 0o7777,
            super::ls::mode_str(&st),
            st.uid,
            u,
            st.gid,
            g,
        ));
    }
    ctx.stdout(text.as_bytes());
    status
}

/// Disk usage of a tree in 1 KiB blocks (files rounded up to 4 KiB, directories 4 KiB).
fn usage(ctx: &ProgramCtx<'_, '_>, path: &str) -> u64 {
    c::walk(ctx, path)
        .iter()
        .filter_map(|p| ctx.rt.fs.lstat(p).ok())
        .map(|st| blocks(&st) / 2)
        .sum()
}

pub(crate) fn run_du(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "shacd:kmbx",
        &[
            ("summarize", 's'),
            ("human-readable", 'h'),
            ("all", 'a'),
            ("total", 'c'),
            ("max-depth=", 'd'),
            ("apparent-size", '\u{1}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let ops = if a.ops.is_empty() {
        vec![".".to_owned()]
    } else {
        a.ops.clone()
    };
    let max_depth: Option<usize> = if a.has('s') {
        Some(0)
    } else {
        a.val('d').and_then(|d| d.parse().ok())
    };
    let fmt = |k: u64| {
        if a.has('h') {
            c::human(k * 1024)
        } else if a.has('m') {
            k.div_ceil(1024).to_string()
        } else {
            k.to_string()
        }
    };
    let mut text = String::new();
    let mut total = 0;
    let mut status = 0;
    for op in &ops {
        let abs = ctx.abs(op);
        if let Err(e) = c::lstat(ctx, &abs) {
            ctx.stdout(text.as_bytes());
            text.clear();
            c::err(
                ctx,
                &p,
                &format!("cannot access {}: {}", c::squote(op), e.message()),
            );
            status = 1;
            continue;
        }
        let shown = op.trim_end_matches('/');
        let shown = if shown.is_empty() { "/" } else { shown };
        let mut lines = Vec::new();
        total += du_rec(ctx, &abs, shown, 0, max_depth, a.has('a'), &mut lines);
        for (shown, k) in lines {
            text.push_str(&format!("{}\t{shown}\n", fmt(k)));
        }
    }
    if a.has('c') {
        text.push_str(&format!("{}\ttotal\n", fmt(total)));
    }
    ctx.stdout(text.as_bytes());
    status
}

/// Post-order du lines for one tree; returns its size in KiB.
fn du_rec(
    ctx: &ProgramCtx<'_, '_>,
    path: &str,
    shown: &str,
    depth: usize,
    max: Option<usize>,
    all: bool,
    lines: &mut Vec<(String, u64)>,
) -> u64 {
    let Ok(st) = ctx.rt.fs.lstat(path) else {
        return 0;
    };
    let own = blocks(&st) / 2;
    if st.kind != Kind::Dir {
        if (all || depth == 0) && max.is_none_or(|m| depth <= m) {
            lines.push((shown.to_owned(), own));
        }
        return own;
    }
    let mut total = own;
    for n in ctx.rt.fs.read_dir(path).unwrap_or_default() {
        total += du_rec(
            ctx,
            &c::join(path, &n),
            &c::join(shown, &n),
            depth + 1,
            max,
            all,
            lines,
        );
    }
    if max.is_none_or(|m| depth <= m) {
        lines.push((shown.to_owned(), total));
    }
    total
}

pub(crate) fn run_df(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let used = usage(ctx, "/");
    let size: u64 = 61_202_244;
    let avail = size.saturating_sub(used);
    let pct = (used * 100).div_ceil(size.max(1));
    let human = argv.iter().any(|a| a == "-h" || a == "--human-readable");
    let text = if human {
        format!(
            "Filesystem      Size  Used Avail Use% Mounted on\noverlay          {:>4}  {:>4}  {:>4} {:>3}% /\n",
            c::human(size * 1024),
            c::human(used * 1024),
            c::human(avail * 1024),
            pct
        )
    } else {
        format!(
            "Filesystem     1K-blocks     Used Available Use% Mounted on\noverlay         {size:>9} {used:>8} {avail:>9} {pct:>3}% /\n"
        )
    };
    ctx.stdout(text.as_bytes());
    0
}
