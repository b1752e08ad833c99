//! `printf FORMAT [ARG…]`: dash's printf — conversions `diouxXcsb` and `eEfFgG`, flags, width,
//! precision, `*`, escapes in the format, format reuse, and `expected numeric value` errors.
use crate::exec::Exec;
use crate::expand::arith::parse_number;
use crate::process::Runtime;
use crate::state::Shell;

/// Format escapes: like `%b` but `\NNN` octal needs no leading 0 and `\c` is not special.
fn format_escape(b: &[u8], i: &mut usize, out: &mut Vec<u8>) {
    let Some(&n) = b.get(*i) else {
        out.push(b'\\');
        return;
    };
    *i += 1;
    match n {
        b'a' => out.push(7),
        b'b' => out.push(8),
        b'e' => out.push(0x1b),
        b'f' => out.push(12),
        b'n' => out.push(b'\n'),
        b'r' => out.push(b'\r'),
        b't' => out.push(b'\t'),
        b'v' => out.push(11),
        b'\\' => out.push(b'\\'),
        b'"' => out.push(b'"'),
        b'\'' => out.push(b'\''),
        b'0'..=b'7' => {
            let mut v = u32::from(n - b'0');
            let mut k = 1;
            while k < 3 {
                match b.get(*i) {
                    Some(d @ b'0'..=b'7') => {
                        v = v * 8 + u32::from(d - b'0');
                        *i += 1;
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

/// Widths and precisions are capped (a simulation bound; glibc would try to allocate).
const MAX_PAD: usize = 1 << 16;

struct Args<'a> {
    list: &'a [String],
    i: usize,
    used: bool,
}

impl Args<'_> {
    fn next(&mut self) -> Option<&str> {
        let a = self.list.get(self.i).map(String::as_str);
        if a.is_some() {
            self.i += 1;
            self.used = true;
        }
        a
    }
}

/// Parses a numeric argument (`'c` gives the character code); `Err` carries the value dash
/// still prints (the parsed prefix).
fn num_arg(s: &str) -> Result<i64, i64> {
    if let Some(rest) = s.strip_prefix('\'').or_else(|| s.strip_prefix('"')) {
        return Ok(rest.chars().next().map_or(0, |c| i64::from(u32::from(c))));
    }
    let t = s.trim_start();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if body.is_empty() {
        return if s.is_empty() { Ok(0) } else { Err(0) };
    }
    match parse_number(body) {
        Some(v) => Ok(if neg { v.wrapping_neg() } else { v }),
        None => {
            let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
            let v = digits.parse::<i64>().unwrap_or(0);
            Err(if neg { -v } else { v })
        }
    }
}

fn pad(s: &str, width: usize, left: bool, zero: bool) -> String {
    let len = s.chars().count();
    if len >= width {
        return s.to_owned();
    }
    let fill = width - len;
    if left {
        format!("{s}{}", " ".repeat(fill))
    } else if zero {
        let (sign, digits) = match s.strip_prefix('-') {
            Some(d) => ("-", d),
            None => match s.strip_prefix('+') {
                Some(d) => ("+", d),
                None => ("", s),
            },
        };
        format!("{sign}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{s}", " ".repeat(fill))
    }
}

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let mut rest = argv.get(1..).unwrap_or(&[]);
    if rest.first().map(String::as_str) == Some("--") {
        rest = rest.get(1..).unwrap_or(&[]);
    }
    let Some(format) = rest.first() else {
        sh.errmsg(rt, "usage: printf format [arg ...]");
        return Ok(2);
    };
    let mut args = Args {
        list: rest.get(1..).unwrap_or(&[]),
        i: 0,
        used: false,
    };
    let mut out = Vec::new();
    let mut status = 0;
    let fb = format.as_bytes();
    loop {
        args.used = false;
        let mut i = 0;
        let mut stop = false;
        while let Some(&c) = fb.get(i) {
            i += 1;
            if c == b'\\' {
                format_escape(fb, &mut i, &mut out);
                continue;
            }
            if c != b'%' {
                out.push(c);
                continue;
            }
            if fb.get(i) == Some(&b'%') {
                i += 1;
                out.push(b'%');
                continue;
            }
            let spec_start = i - 1;
            let (mut left, mut zero, mut plus, mut space, mut alt) =
                (false, false, false, false, false);
            while let Some(&f) = fb.get(i) {
                match f {
                    b'-' => left = true,
                    b'0' => zero = true,
                    b'+' => plus = true,
                    b' ' => space = true,
                    b'#' => alt = true,
                    _ => break,
                }
                i += 1;
            }
            let mut width: Option<usize> = None;
            if fb.get(i) == Some(&b'*') {
                i += 1;
                let w = num_arg(args.next().unwrap_or("")).unwrap_or(0);
                if w < 0 {
                    left = true;
                }
                width = Some((w.unsigned_abs() as usize).min(MAX_PAD));
            } else {
                let mut w = 0usize;
                let mut any = false;
                while let Some(d @ b'0'..=b'9') = fb.get(i) {
                    w = w.saturating_mul(10).saturating_add(usize::from(d - b'0'));
                    i += 1;
                    any = true;
                }
                if any {
                    width = Some(w.min(MAX_PAD));
                }
            }
            let mut prec: Option<usize> = None;
            if fb.get(i) == Some(&b'.') {
                i += 1;
                if fb.get(i) == Some(&b'*') {
                    i += 1;
                    prec = Some(
                        (num_arg(args.next().unwrap_or("")).unwrap_or(0).max(0) as usize)
                            .min(MAX_PAD),
                    );
                } else {
                    let mut p = 0usize;
                    while let Some(d @ b'0'..=b'9') = fb.get(i) {
                        p = p.saturating_mul(10).saturating_add(usize::from(d - b'0'));
                        i += 1;
                    }
                    prec = Some(p.min(MAX_PAD));
                }
            }
            // length modifiers are accepted and ignored
            while matches!(fb.get(i), Some(b'l' | b'h' | b'j' | b'z' | b't' | b'L')) {
                i += 1;
            }
            let Some(&conv) = fb.get(i) else {
                let spec =
                    String::from_utf8_lossy(fb.get(spec_start..).unwrap_or(&[])).into_owned();
                sh.errmsg(rt, &format!("{spec}: invalid directive"));
                sh.write_fd(rt, 1, &out);
                return Ok(1);
            };
            i += 1;
            let w = width.unwrap_or(0);
            let text: String = match conv {
                b's' => {
                    let a = args.next().unwrap_or("");
                    match prec {
                        Some(p) => a.chars().take(p).collect(),
                        None => a.to_owned(),
                    }
                }
                b'b' => {
                    let a = args.next().unwrap_or("").to_owned();
                    let (bytes, st) = crate::builtins::echo::escapes(&a);
                    let s = String::from_utf8_lossy(&bytes).into_owned();
                    if st {
                        out.extend(pad(&s, w, left, false).into_bytes());
                        stop = true;
                        break;
                    }
                    s
                }
                b'c' => args
                    .next()
                    .and_then(|a| a.chars().next())
                    .map(String::from)
                    .unwrap_or_default(),
                b'd' | b'i' | b'o' | b'u' | b'x' | b'X' => {
                    let a = args.next().unwrap_or("").to_owned();
                    let v = match num_arg(&a) {
                        Ok(v) => v,
                        Err(v) => {
                            sh.errmsg(rt, &format!("{a}: expected numeric value"));
                            status = 1;
                            v
                        }
                    };
                    let mut digits = match conv {
                        b'd' | b'i' => v.unsigned_abs().to_string(),
                        b'o' => format!("{:o}", v as u64),
                        b'u' => (v as u64).to_string(),
                        b'x' => format!("{:x}", v as u64),
                        _ => format!("{:X}", v as u64),
                    };
                    if let Some(p) = prec
                        && digits.len() < p
                    {
                        digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                    }
                    if alt && conv == b'o' && !digits.starts_with('0') {
                        digits.insert(0, '0');
                    }
                    if alt && v != 0 && conv == b'x' {
                        digits.insert_str(0, "0x");
                    }
                    if alt && v != 0 && conv == b'X' {
                        digits.insert_str(0, "0X");
                    }
                    let sign = if matches!(conv, b'd' | b'i') {
                        if v < 0 {
                            "-"
                        } else if plus {
                            "+"
                        } else if space {
                            " "
                        } else {
                            ""
                        }
                    } else {
                        ""
                    };
                    let s = format!("{sign}{digits}");
                    pad(&s, w, left, zero && prec.is_none())
                }
                b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                    let a = args.next().unwrap_or("").to_owned();
                    let v: f64 = if a.is_empty() {
                        0.0
                    } else {
                        match a.trim().parse::<f64>() {
                            Ok(v) => v,
                            Err(_) => {
                                sh.errmsg(rt, &format!("{a}: expected numeric value"));
                                status = 1;
                                0.0
                            }
                        }
                    };
                    let p = prec.unwrap_or(6);
                    let mut s = match conv {
                        b'f' | b'F' => format!("{v:.p$}"),
                        b'e' | b'E' => c_exp(v, p, conv == b'E'),
                        _ => c_general(v, p, alt, conv == b'G'),
                    };
                    if v >= 0.0 {
                        if plus {
                            s.insert(0, '+');
                        } else if space {
                            s.insert(0, ' ');
                        }
                    }
                    pad(&s, w, left, zero)
                }
                other => {
                    let spec =
                        String::from_utf8_lossy(fb.get(spec_start..i).unwrap_or(&[])).into_owned();
                    let _ = other;
                    sh.errmsg(rt, &format!("{spec}: invalid directive"));
                    sh.write_fd(rt, 1, &out);
                    return Ok(1);
                }
            };
            let text = if matches!(conv, b's' | b'b' | b'c') {
                pad(&text, w, left, false)
            } else {
                text
            };
            out.extend(text.into_bytes());
        }
        if stop || !args.used || args.i >= args.list.len() {
            break;
        }
    }
    sh.write_fd(rt, 1, &out);
    Ok(status)
}

fn c_exp(v: f64, p: usize, upper: bool) -> String {
    let s = format!("{v:.p$e}");
    // Rust prints `1.5e2`; C prints `1.5e+02`.
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let (sign, digits) = match exp.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exp),
    };
    let digits = if digits.len() < 2 {
        format!("0{digits}")
    } else {
        digits.to_owned()
    };
    let r = format!("{mant}e{sign}{digits}");
    if upper { r.to_uppercase() } else { r }
}

fn c_general(v: f64, p: usize, alt: bool, upper: bool) -> String {
    let p = if p == 0 { 1 } else { p };
    if v == 0.0 {
        return "0".into();
    }
    let exp = v.abs().log10().floor() as i32;
    let p_i = i32::try_from(p).unwrap_or(i32::MAX);
    let mut s = if exp < -4 || exp >= p_i {
        c_exp(v, p - 1, upper)
    } else {
        let decimals = usize::try_from(p_i - 1 - exp).unwrap_or(0);
        format!("{v:.decimals$}")
    };
    if !alt {
        if let Some((m, e)) = s.clone().split_once(['e', 'E']) {
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.')
            } else {
                m
            };
            s = format!("{m}{}{e}", if upper { 'E' } else { 'e' });
        } else if s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
        }
    }
    s
}
