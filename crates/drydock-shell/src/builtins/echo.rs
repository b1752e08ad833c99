//! `echo`: dash's echo — only `-n` is an option, and backslash escapes are always interpreted
//! (`\c` stops the output).
use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::Shell;

/// Interprets `%b`/echo escapes; returns the bytes and whether `\c` stopped the output.
pub(crate) fn escapes(s: &str) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&n) = b.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match n {
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'c' => return (out, true),
            b'e' => out.push(0x1b),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'\\' => out.push(b'\\'),
            b'0'..=b'7' => {
                // `\0NNN` or `\NNN`
                let mut v: u32 = if n == b'0' { 0 } else { u32::from(n - b'0') };
                let mut k = if n == b'0' { 0 } else { 1 };
                while k < 3 {
                    match b.get(i) {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                            k += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            _ => {
                out.push(b'\\');
                out.push(n);
            }
        }
    }
    (out, false)
}

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let mut args = argv.get(1..).unwrap_or(&[]);
    let mut newline = true;
    if args.first().map(String::as_str) == Some("-n") {
        newline = false;
        args = args.get(1..).unwrap_or(&[]);
    }
    let mut out = Vec::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        let (bytes, stop) = escapes(a);
        out.extend(bytes);
        if stop {
            newline = false;
            break;
        }
    }
    if newline {
        out.push(b'\n');
    }
    if !sh.write_fd(rt, 1, &out) {
        sh.errmsg(rt, "echo: I/O error");
        return Ok(1);
    }
    Ok(0)
}
