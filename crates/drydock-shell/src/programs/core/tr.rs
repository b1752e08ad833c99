//! `tr [-d] [-s] [-c] SET1 [SET2]`: ranges, `[:class:]`, escapes, `[c*n]`-free POSIX sets.
use crate::programs::ProgramCtx;
use crate::programs::common as c;

fn expand(set: &str) -> Vec<char> {
    let chars: Vec<char> = set.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let get = |i: usize| chars.get(i).copied();
    while let Some(ch) = get(i) {
        if ch == '[' && get(i + 1) == Some(':') {
            let rest: String = chars.get(i + 2..).unwrap_or(&[]).iter().collect();
            if let Some(end) = rest.find(":]") {
                let name = rest.get(..end).unwrap_or("");
                let pred: fn(&char) -> bool = match name {
                    "alpha" => |c| c.is_ascii_alphabetic(),
                    "digit" => |c| c.is_ascii_digit(),
                    "alnum" => |c| c.is_ascii_alphanumeric(),
                    "upper" => |c| c.is_ascii_uppercase(),
                    "lower" => |c| c.is_ascii_lowercase(),
                    "space" => |c| c.is_ascii_whitespace() || *c == '\u{b}',
                    "blank" => |c| *c == ' ' || *c == '\t',
                    "punct" => |c| c.is_ascii_punctuation(),
                    "xdigit" => |c| c.is_ascii_hexdigit(),
                    "cntrl" => |c| c.is_ascii_control(),
                    "print" => |c| (' '..='~').contains(c),
                    "graph" => |c| ('!'..='~').contains(c),
                    _ => |_| false,
                };
                out.extend((0u8..128).map(char::from).filter(pred));
                i += 2 + end + 2;
                continue;
            }
        }
        let (ch, len) = if ch == '\\' {
            match get(i + 1) {
                Some('n') => ('\n', 2),
                Some('t') => ('\t', 2),
                Some('r') => ('\r', 2),
                Some('\\') => ('\\', 2),
                Some(d @ '0'..='7') => {
                    let mut v = d.to_digit(8).unwrap_or(0);
                    let mut l = 2;
                    while l < 4 {
                        match get(i + l).and_then(|x| x.to_digit(8)) {
                            Some(x) => {
                                v = v * 8 + x;
                                l += 1;
                            }
                            None => break,
                        }
                    }
                    (char::from_u32(v).unwrap_or('\0'), l)
                }
                Some(o) => (o, 2),
                None => ('\\', 1),
            }
        } else {
            (ch, 1)
        };
        if get(i + len) == Some('-') && get(i + len + 1).is_some() {
            let hi = get(i + len + 1).unwrap_or(ch);
            if hi >= ch {
                out.extend((ch..=hi).collect::<Vec<char>>());
            }
            i += len + 2;
            continue;
        }
        out.push(ch);
        i += len;
    }
    out
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "dscC",
        &[
            ("delete", 'd'),
            ("squeeze-repeats", 's'),
            ("complement", 'c'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    ctx.consumed_stdin = true;
    let delete = a.has('d');
    let squeeze = a.has('s');
    let comp = a.has('c') || a.has('C');
    let need = if (delete && !squeeze) || (squeeze && !delete && a.ops.len() == 1) {
        1
    } else {
        2
    };
    if a.ops.len() < need {
        if a.ops.is_empty() {
            c::err(ctx, &p, "missing operand");
        } else {
            let q = c::lquote(ctx, a.ops.first().map_or("", String::as_str));
            c::err(ctx, &p, &format!("missing operand after {q}"));
            c::eout(ctx, "Two strings must be given when translating.\n");
        }
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let s1 = expand(a.ops.first().map_or("", String::as_str));
    let s2 = a.ops.get(1).map(|s| expand(s)).unwrap_or_default();
    let in1 = |ch: char| s1.contains(&ch) != comp;
    let text = String::from_utf8_lossy(stdin);
    let mut out = String::new();
    let mut last: Option<char> = None;
    for ch in text.chars() {
        let mut o = Some(ch);
        if delete && in1(ch) {
            o = None;
        } else if !delete && !s2.is_empty() && in1(ch) {
            let idx = if comp {
                s2.len() - 1
            } else {
                s1.iter().position(|x| *x == ch).unwrap_or(0)
            };
            o = Some(*s2.get(idx).or(s2.last()).unwrap_or(&ch));
        }
        let Some(oc) = o else { continue };
        let sq_set: &[char] = if delete || !s2.is_empty() { &s2 } else { &s1 };
        if squeeze && last == Some(oc) && (sq_set.contains(&oc) != (comp && s2.is_empty())) {
            continue;
        }
        last = Some(oc);
        out.push(oc);
    }
    ctx.stdout(out.as_bytes());
    0
}
