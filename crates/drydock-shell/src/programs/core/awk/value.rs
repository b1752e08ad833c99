//! awk values (numbers, strings, strnums from input, uninitialised), their conversions and
//! comparison rules, and `printf`/`sprintf` formatting.

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Uninit,
    Num(f64),
    Str(String),
    /// Input data (fields, getline, ENVIRON, -v): numeric when it looks like a number.
    StrNum(String),
}

/// The longest numeric prefix of `s` (awk's `strtod` conversion).
pub(crate) fn str_to_num(s: &str) -> f64 {
    let t = s.trim_start();
    let b = t.as_bytes();
    let mut end = 0;
    let mut seen_digit = false;
    let mut seen_dot = false;
    if matches!(b.first(), Some(b'+' | b'-')) {
        end = 1;
    }
    while let Some(&c) = b.get(end) {
        if c.is_ascii_digit() {
            seen_digit = true;
        } else if c == b'.' && !seen_dot {
            seen_dot = true;
        } else {
            break;
        }
        end += 1;
    }
    if seen_digit && matches!(b.get(end), Some(b'e' | b'E')) {
        let mut e = end + 1;
        if matches!(b.get(e), Some(b'+' | b'-')) {
            e += 1;
        }
        if b.get(e).is_some_and(u8::is_ascii_digit) {
            while b.get(e).is_some_and(u8::is_ascii_digit) {
                e += 1;
            }
            end = e;
        }
    }
    if !seen_digit {
        return 0.0;
    }
    t.get(..end).and_then(|n| n.parse().ok()).unwrap_or(0.0)
}

/// Whether input text looks numeric (then it compares as a number).
pub(crate) fn looks_numeric(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.parse::<f64>().is_ok()
        && !t.contains(|c: char| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
}

/// A number as awk prints it: integers plainly, others with `%.6g`.
pub(crate) fn num_to_str(n: f64) -> String {
    if n.is_finite() && n == n.trunc() && n.abs() < 1e16 {
        return format!("{}", n as i64);
    }
    if n.is_nan() {
        return "nan".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "inf".into() } else { "-inf".into() };
    }
    fmt_g(n, 6, false)
}

impl Val {
    pub fn num(&self) -> f64 {
        match self {
            Val::Uninit => 0.0,
            Val::Num(n) => *n,
            Val::Str(s) | Val::StrNum(s) => str_to_num(s),
        }
    }

    pub fn str(&self) -> String {
        match self {
            Val::Uninit => String::new(),
            Val::Num(n) => num_to_str(*n),
            Val::Str(s) | Val::StrNum(s) => s.clone(),
        }
    }

    pub fn truthy(&self) -> bool {
        match self {
            Val::Uninit => false,
            Val::Num(n) => *n != 0.0,
            Val::Str(s) => !s.is_empty(),
            Val::StrNum(s) => {
                if looks_numeric(s) {
                    str_to_num(s) != 0.0
                } else {
                    !s.is_empty()
                }
            }
        }
    }

    fn numeric(&self) -> bool {
        match self {
            Val::Uninit | Val::Num(_) => true,
            Val::StrNum(s) => looks_numeric(s),
            Val::Str(_) => false,
        }
    }
}

/// awk's comparison: numeric when both sides are numeric, else as strings.
pub(crate) fn compare(a: &Val, b: &Val) -> std::cmp::Ordering {
    if a.numeric() && b.numeric() {
        a.num()
            .partial_cmp(&b.num())
            .unwrap_or(std::cmp::Ordering::Equal)
    } else {
        a.str().cmp(&b.str())
    }
}

fn fmt_e(v: f64, p: usize, upper: bool) -> String {
    let s = format!("{v:.p$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let ev: i32 = e.parse().unwrap_or(0);
    let r = format!("{m}e{}{:02}", if ev < 0 { '-' } else { '+' }, ev.abs());
    if upper { r.to_uppercase() } else { r }
}

/// C's `%g`.
pub(crate) fn fmt_g(v: f64, p: usize, upper: bool) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let p = p.max(1);
    let exp = v.abs().log10().floor() as i32;
    if exp < -4 || exp >= p as i32 {
        let e = fmt_e(v, p - 1, upper);
        let (m, ex) = e.split_once(['e', 'E']).unwrap_or((&e, ""));
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.')
        } else {
            m
        };
        format!("{m}{}{ex}", if upper { 'E' } else { 'e' })
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let f = format!("{v:.decimals$}");
        if f.contains('.') {
            f.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            f
        }
    }
}

/// `printf`-style formatting of awk values.
pub(crate) fn sprintf(fmt: &str, args: &[Val]) -> String {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut ai = 0;
    let next_arg = |ai: &mut usize| {
        let v = args.get(*ai).cloned().unwrap_or(Val::Uninit);
        *ai += 1;
        v
    };
    while let Some(&ch) = chars.get(i) {
        i += 1;
        if ch != '%' {
            out.push(ch);
            continue;
        }
        if chars.get(i) == Some(&'%') {
            out.push('%');
            i += 1;
            continue;
        }
        let mut flags = String::new();
        while let Some(&f) = chars.get(i).filter(|c| "-+ #0".contains(**c)) {
            flags.push(f);
            i += 1;
        }
        let mut width = String::new();
        if chars.get(i) == Some(&'*') {
            i += 1;
            width = (next_arg(&mut ai).num() as i64).to_string();
        }
        while let Some(&d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            width.push(d);
            i += 1;
        }
        let mut prec: Option<usize> = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            let mut p = String::new();
            if chars.get(i) == Some(&'*') {
                i += 1;
                p = (next_arg(&mut ai).num() as i64).max(0).to_string();
            }
            while let Some(&d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                p.push(d);
                i += 1;
            }
            prec = Some(p.parse().unwrap_or(0));
        }
        while matches!(chars.get(i), Some('l' | 'h' | 'q' | 'L')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            out.push('%');
            out.push_str(&flags);
            break;
        };
        i += 1;
        let left = flags.contains('-');
        let zero = flags.contains('0') && !left;
        let plus = flags.contains('+');
        let space = flags.contains(' ');
        let w: usize = width.trim_start_matches('-').parse().unwrap_or(0);
        let left = left || width.starts_with('-');
        let body = match conv {
            'd' | 'i' => {
                let v = next_arg(&mut ai).num().trunc();
                let mut s = format!("{}", (v.abs()) as i64);
                if let Some(p) = prec {
                    while s.len() < p {
                        s.insert(0, '0');
                    }
                }
                let sign = if v < 0.0 {
                    "-"
                } else if plus {
                    "+"
                } else if space {
                    " "
                } else {
                    ""
                };
                format!("{sign}{s}")
            }
            'o' => format!("{:o}", next_arg(&mut ai).num() as i64),
            'x' => format!("{:x}", next_arg(&mut ai).num() as i64),
            'X' => format!("{:X}", next_arg(&mut ai).num() as i64),
            'u' => format!("{}", next_arg(&mut ai).num() as u64),
            'c' => {
                let v = next_arg(&mut ai);
                match v {
                    Val::Num(n) => char::from_u32(n as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    o => o.str().chars().next().map(String::from).unwrap_or_default(),
                }
            }
            's' => {
                let s = next_arg(&mut ai).str();
                match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                }
            }
            'f' | 'F' => {
                let v = next_arg(&mut ai).num();
                let p = prec.unwrap_or(6);
                let s = format!("{v:.p$}");
                if plus && v >= 0.0 { format!("+{s}") } else { s }
            }
            'e' | 'E' => fmt_e(next_arg(&mut ai).num(), prec.unwrap_or(6), conv == 'E'),
            'g' | 'G' => fmt_g(next_arg(&mut ai).num(), prec.unwrap_or(6), conv == 'G'),
            other => {
                out.push('%');
                out.push(other);
                continue;
            }
        };
        let len = body.chars().count();
        if len >= w {
            out.push_str(&body);
        } else if left {
            out.push_str(&body);
            out.push_str(&" ".repeat(w - len));
        } else if zero && !matches!(conv, 's' | 'c') {
            let (sign, digits) = match body.strip_prefix('-') {
                Some(d) => ("-", d),
                None => ("", body.as_str()),
            };
            out.push_str(sign);
            out.push_str(&"0".repeat(w - len));
            out.push_str(digits);
        } else {
            out.push_str(&" ".repeat(w - len));
            out.push_str(&body);
        }
    }
    out
}
