//! Go's `strconv.Quote` (what `%q` prints): BuildKit quotes the word in every expansion error,
//! and the parser's AST dump quotes every argument the same way.

use super::unicode::is_print;

/// Quotes `s` exactly like Go's `strconv.Quote`: `"` and `\` backslashed, `\a \b \f \n \r \t \v`
/// by name, other non-printable characters as `\xNN` (below U+0020 and U+007F), `\uNNNN` or
/// `\UNNNNNNNN`; printable characters (Go's `IsPrint`) are kept, including non-ASCII.
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out.push('"');
    out
}

fn push_escaped(out: &mut String, c: char) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if c == '"' || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if is_print(c) {
        out.push(c);
        return;
    }
    let named = match c {
        '\u{07}' => "\\a",
        '\u{08}' => "\\b",
        '\u{0C}' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\u{0B}' => "\\v",
        _ => "",
    };
    if !named.is_empty() {
        out.push_str(named);
        return;
    }
    let v = u32::from(c);
    let (prefix, digits) = if v < 0x20 || v == 0x7F {
        ("\\x", 2)
    } else if v < 0x10000 {
        ("\\u", 4)
    } else {
        ("\\U", 8)
    };
    out.push_str(prefix);
    for i in (0..digits).rev() {
        let nibble = (v >> (i * 4)) & 0xF;
        out.push(char::from(HEX[nibble as usize]));
    }
}

#[cfg(test)]
mod tests {
    use super::go_quote;

    #[test]
    fn quotes_like_strconv() {
        for (input, expected) in [
            ("", r#""""#),
            ("he${PWD", r#""he${PWD""#),
            (r#"a"b\c"#, r#""a\"b\\c""#),
            ("tab\there\nnl", r#""tab\there\nnl""#),
            ("\u{7}\u{8}\u{c}\r\u{b}", r#""\a\b\f\r\v""#),
            ("\0\u{1b}\u{7f}", r#""\x00\x1b\x7f""#),
            ("♥ 한국어 👽", r#""♥ 한국어 👽""#),
            ("\u{a0}\u{feff}\u{2028}", r#""\u00a0\ufeff\u2028""#),
            ("\u{E0001}\u{10FFFF}", r#""\U000e0001\U0010ffff""#),
        ] {
            assert_eq!(go_quote(input), expected, "{input:?}");
        }
    }
}
