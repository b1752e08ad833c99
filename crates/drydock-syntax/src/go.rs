//! Go standard-library behaviour BuildKit relies on: `unicode.IsSpace`, `strings.ToLower`,
//! `strconv.Quote`, `strconv.ParseBool`/`ParseUint`/`ParseInt` and their error texts.
use std::borrow::Cow;
use std::fmt::Write as _;
use unicode_general_category::{GeneralCategory, get_general_category};

/// Go's `unicode.IsSpace` (the same set as Rust's `char::is_whitespace`).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether an ASCII byte is a space for Go's `unicode.IsSpace` (and Rust's `char::is_whitespace`).
#[inline]
pub fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (0x09..=0x0d).contains(&b)
}

/// `strings.TrimLeftFunc(s, unicode.IsSpace)`: ASCII bytes are tested directly, the rest of the
/// text goes through `str::trim_start` from the first non-ASCII byte.
#[inline]
pub fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if is_ascii_space(c) {
            i += 1;
        } else if c < 0x80 {
            break;
        } else {
            return s.get(i..).unwrap_or("").trim_start();
        }
    }
    s.get(i..).unwrap_or("")
}

/// `strings.TrimRightFunc(s, unicode.IsSpace)` with the same ASCII fast path.
#[inline]
pub fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = b.len();
    while let Some(&c) = i.checked_sub(1).and_then(|j| b.get(j)) {
        if is_ascii_space(c) {
            i -= 1;
        } else if c < 0x80 {
            break;
        } else {
            return s.get(..i).unwrap_or("").trim_end();
        }
    }
    s.get(..i).unwrap_or("")
}

/// `strings.TrimSpace(s)`.
#[inline]
pub fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// Go's `unicode.IsSpace(rune(b))` for code that walks bytes, not runes (bytes 0x85 and 0xA0
/// count as spaces there, as Latin-1 runes).
pub fn is_space_byte(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' | 0x85 | 0xa0)
}

/// Go's `strings.ToLower` (rune by rune, no context-sensitive rules).
pub fn to_lower(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(lower_rune).collect())
}

/// Go's `strings.ToUpper` (rune by rune).
pub fn to_upper(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| !b.is_ascii_lowercase() && b.is_ascii()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(rune_upper).collect())
}

/// Go's `unicode.ToLower` for one rune.
pub fn lower_rune(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == '\u{130}' {
        return 'i';
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn rune_upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Go's `strings.EqualFold` for the ASCII-heavy strings BuildKit compares.
pub fn equal_fold(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || to_lower(a) == to_lower(b)
}

/// Go's `strconv.IsPrint`.
pub fn is_print(c: char) -> bool {
    let r = c as u32;
    if r <= 0xff {
        return (0x20..=0x7e).contains(&r) || ((0xa1..=0xff).contains(&r) && r != 0xad);
    }
    use GeneralCategory as G;
    !matches!(
        get_general_category(c),
        G::SpaceSeparator
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
    )
}

/// Appends Go's `strconv.Quote(s)` to `out`.
pub fn quote_into(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let simple = c != '"' && c != '\\' && (' '..='~').contains(&c);
        if simple {
            continue;
        }
        out.push_str(s.get(plain..i).unwrap_or(""));
        plain = i + c.len_utf8();
        escape_rune(out, c);
    }
    out.push_str(s.get(plain..).unwrap_or(""));
    out.push('"');
}

/// Go's `strconv.Quote(s)`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    quote_into(&mut out, s);
    out
}

fn escape_rune(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        c if is_print(c) => out.push(c),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if (c as u32) < 0x10000 => {
            let _ = write!(out, "\\u{:04x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\U{:08x}", c as u32);
        }
    }
}

/// Go's `fmt.Sprintf("%q", []string{...})`: `["a" "b"]`.
pub fn quote_list<'s>(out: &mut String, items: impl IntoIterator<Item = &'s str>) {
    out.push('[');
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        quote_into(out, s);
    }
    out.push(']');
}

/// Go's `strconv.ParseBool`.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Go's `strconv.ParseUint(s, base, bits)` for bases 8 and 10, with Go's error text.
pub fn parse_uint(s: &str, base: u32, bits: u32) -> Result<u64, String> {
    let fail = |what: &str| format!("strconv.ParseUint: parsing {}: {what}", quote(s));
    if s.is_empty() {
        return Err(fail("invalid syntax"));
    }
    let max: u64 = if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    let mut v: u64 = 0;
    let mut overflow = false;
    for b in s.bytes() {
        let d = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            _ => return Err(fail("invalid syntax")),
        };
        if d >= base {
            return Err(fail("invalid syntax"));
        }
        match v
            .checked_mul(u64::from(base))
            .and_then(|x| x.checked_add(u64::from(d)))
        {
            Some(n) if n <= max => v = n,
            _ => overflow = true,
        }
    }
    if overflow {
        return Err(fail("value out of range"));
    }
    Ok(v)
}

/// Go's `strconv.ParseInt(s, 10, bits)` with Go's error text.
pub fn parse_int(s: &str, bits: u32) -> Result<i64, String> {
    let fail = |what: &str| format!("strconv.ParseInt: parsing {}: {what}", quote(s));
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'+') => (false, s.get(1..).unwrap_or("")),
        Some(b'-') => (true, s.get(1..).unwrap_or("")),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail("invalid syntax"));
    }
    let limit: u64 = 1u64 << (bits.clamp(1, 64) - 1);
    let mut v: u64 = 0;
    let mut overflow = false;
    for b in digits.bytes() {
        match v
            .checked_mul(10)
            .and_then(|x| x.checked_add(u64::from(b - b'0')))
        {
            Some(n) => v = n,
            None => overflow = true,
        }
    }
    if overflow || (!neg && v >= limit) || (neg && v > limit) {
        return Err(fail("value out of range"));
    }
    let v = i64::try_from(v).unwrap_or(i64::MAX);
    Ok(if neg { v.wrapping_neg() } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_matches_go() {
        assert_eq!(quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(
            quote("♥ \u{0}\u{7f}\u{a0}\u{200b}\u{1f600}"),
            r#""♥ \x00\x7f\u00a0\u200b😀""#
        );
        assert_eq!(quote("\u{10ffff}"), r#""\U0010ffff""#);
    }

    #[test]
    fn numbers_match_go() {
        assert_eq!(parse_uint("0755", 8, 32), Ok(0o755));
        assert!(parse_uint("9", 8, 32).is_err());
        assert_eq!(parse_int("-3", 32), Ok(-3));
        assert_eq!(
            parse_int("x", 32),
            Err("strconv.ParseInt: parsing \"x\": invalid syntax".to_owned())
        );
        assert_eq!(
            parse_int("3000000000", 32),
            Err("strconv.ParseInt: parsing \"3000000000\": value out of range".to_owned())
        );
    }
}
