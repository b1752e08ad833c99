//! `grep [-E|-F|-G] [-i] [-v] [-c] [-l] [-L] [-n] [-h|-H] [-o] [-q] [-s] [-w] [-x] [-r] [-e PAT]…
//! [-f FILE] PATTERN [FILE…]` (also `egrep`/`fgrep`): exit 0 on a match, 1 on none, 2 on error.
use crate::fs::Kind;
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, regex};

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "EFGivclLnhHoqswxrRe:f:m:A:B:C:aIzZ",
        &[
            ("extended-regexp", 'E'),
            ("fixed-strings", 'F'),
            ("basic-regexp", 'G'),
            ("ignore-case", 'i'),
            ("invert-match", 'v'),
            ("count", 'c'),
            ("files-with-matches", 'l'),
            ("files-without-match", 'L'),
            ("line-number", 'n'),
            ("no-filename", 'h'),
            ("with-filename", 'H'),
            ("only-matching", 'o'),
            ("quiet", 'q'),
            ("silent", 'q'),
            ("no-messages", 's'),
            ("word-regexp", 'w'),
            ("line-regexp", 'x'),
            ("recursive", 'r'),
            ("regexp=", 'e'),
            ("file=", 'f'),
            ("max-count=", 'm'),
            ("color=", '\u{1}'),
            ("colour=", '\u{1}'),
            ("include=", '\u{2}'),
            ("exclude=", '\u{3}'),
            ("exclude-dir=", '\u{4}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 2),
    };
    let mut pats: Vec<String> = a.vals('e').iter().map(|s| (*s).to_owned()).collect();
    for f in a.vals('f') {
        match c::read_operand(ctx, f, stdin) {
            Ok(b) => pats.extend(String::from_utf8_lossy(&b).lines().map(str::to_owned)),
            Err(e) => {
                c::err(ctx, &p, &format!("{f}: {}", e.message()));
                return 2;
            }
        }
    }
    let mut ops = a.ops.clone();
    if pats.is_empty() && a.vals('f').is_empty() {
        if ops.is_empty() {
            if c::busybox(ctx) {
                c::eout(
                    ctx,
                    "BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n",
                );
            } else {
                c::eout(
                    ctx,
                    &format!(
                        "Usage: {p} [OPTION]... PATTERNS [FILE]...\nTry '{p} --help' for more information.\n"
                    ),
                );
            }
            return 2;
        }
        pats.push(ops.remove(0));
    }
    let fixed = a.has('F') || p == "fgrep";
    let extended = a.has('E') || p == "egrep";
    let icase = a.has('i');
    let mut alts = Vec::new();
    for pat in pats.iter().flat_map(|p| p.split('\n')) {
        let t = if fixed {
            regex_escape(pat)
        } else {
            match regex::translate(pat, extended) {
                Ok(t) => t,
                Err(m) => {
                    c::err(ctx, &p, &m);
                    return 2;
                }
            }
        };
        let t = if a.has('x') {
            format!("^(?:{t})$")
        } else if a.has('w') {
            format!("\\b(?:{t})\\b")
        } else {
            format!("(?:{t})")
        };
        alts.push(t);
    }
    let src = format!("{}{}", if icase { "(?i)" } else { "" }, alts.join("|"));
    let re = match regex::Regex::new(&src) {
        Ok(r) => r,
        Err(_) => {
            c::err(ctx, &p, "Unmatched ( or \\(");
            return 2;
        }
    };
    let recursive = a.has('r') || a.has('R');
    if ops.is_empty() {
        ops.push(if recursive { ".".into() } else { "-".into() });
    }
    // expand directories for -r
    let mut files: Vec<String> = Vec::new();
    let mut status_err = false;
    for op in &ops {
        let abs = ctx.abs(op);
        if op != "-" && c::is_dir(ctx, &abs) {
            if recursive {
                for path in c::walk(ctx, &abs) {
                    if matches!(c::lstat(ctx, &path), Ok(s) if s.kind == Kind::File) {
                        let rel = path.strip_prefix(&abs).unwrap_or("");
                        files.push(format!("{}{rel}", op.trim_end_matches('/')));
                    }
                }
            } else {
                if !a.has('s') {
                    c::err(ctx, &p, &format!("{op}: Is a directory"));
                }
                status_err = true;
            }
            continue;
        }
        files.push(op.clone());
    }
    let show_names = a.has('H') || (!a.has('h') && (files.len() > 1 || recursive));
    let max: Option<usize> = a.val('m').and_then(|m| m.parse().ok());
    let mut any = false;
    let mut out = String::new();
    for f in &files {
        let data = match c::read_operand(ctx, f, stdin) {
            Ok(d) => d,
            Err(e) => {
                if !a.has('s') {
                    ctx.stdout(out.as_bytes());
                    out.clear();
                    c::err(ctx, &p, &format!("{f}: {}", e.message()));
                }
                status_err = true;
                continue;
            }
        };
        let text = String::from_utf8_lossy(&data);
        let name = if f == "-" {
            "(standard input)"
        } else {
            f.as_str()
        };
        let mut count = 0usize;
        for (i, line) in text.lines().enumerate() {
            if max.is_some_and(|m| count >= m) {
                break;
            }
            let hit = re.is_match(line) != a.has('v');
            if !hit {
                continue;
            }
            count += 1;
            any = true;
            if a.has('q') {
                return 0;
            }
            if a.has('c') || a.has('l') || a.has('L') {
                continue;
            }
            let prefix = format!(
                "{}{}",
                if show_names {
                    format!("{name}:")
                } else {
                    String::new()
                },
                if a.has('n') {
                    format!("{}:", i + 1)
                } else {
                    String::new()
                }
            );
            if a.has('o') && !a.has('v') {
                for m in re.find_iter(line).filter(|m| !m.as_str().is_empty()) {
                    out.push_str(&prefix);
                    out.push_str(m.as_str());
                    out.push('\n');
                }
            } else {
                out.push_str(&prefix);
                out.push_str(line);
                out.push('\n');
            }
        }
        if a.has('c') {
            if show_names {
                out.push_str(&format!("{name}:{count}\n"));
            } else {
                out.push_str(&format!("{count}\n"));
            }
        }
        if a.has('l') && count > 0 {
            out.push_str(name);
            out.push('\n');
        }
        if a.has('L') && count == 0 {
            out.push_str(name);
            out.push('\n');
        }
    }
    ctx.stdout(out.as_bytes());
    if status_err && !(any && a.has('q')) {
        2
    } else if any {
        0
    } else {
        1
    }
}

/// A fixed string as a regex.
pub(crate) fn regex_escape(s: &str) -> String {
    let mut o = String::new();
    for ch in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(ch) {
            o.push('\\');
        }
        o.push(ch);
    }
    o
}
