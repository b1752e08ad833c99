//! BuildKit's `parseJSON`: is the argument text a JSON array (Go's `json.Unmarshal` rules), and
//! are all its elements strings?
use crate::piece::{Piece, PieceValue};

/// What `parseJSON` makes of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonArray {
    /// Not a JSON array (BuildKit silently falls back to the shell/word form).
    NotJson,
    /// A valid JSON array with a non-string element: a parse error in BuildKit.
    NonString,
    /// An array of strings: one piece per element (window = the string's contents).
    Strings(Vec<Piece>),
}

/// Go's encoding/json nesting limit.
const MAX_DEPTH: usize = 10_000;

/// What `parseJSON` made of a text, for [`parse_array_into`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    NotJson,
    NonString,
    Strings,
}

/// `parseJSON(rest)`: `rest` is left-trimmed of Unicode spaces and must start with `[`.
pub fn parse_array(rest: &str) -> JsonArray {
    let mut items = Vec::new();
    match parse_array_into(rest, &mut items) {
        JsonKind::NotJson => JsonArray::NotJson,
        JsonKind::NonString => JsonArray::NonString,
        JsonKind::Strings => JsonArray::Strings(items),
    }
}

/// [`parse_array`] appending the string pieces to `out` (left unchanged unless `Strings`).
pub fn parse_array_into(rest: &str, out: &mut Vec<Piece>) -> JsonKind {
    let first = out.len();
    let kind = scan_array(rest, out);
    if kind != JsonKind::Strings {
        out.truncate(first);
    }
    kind
}

fn scan_array(rest: &str, items: &mut Vec<Piece>) -> JsonKind {
    let lead = rest.len() - crate::go::trim_start(rest).len();
    let b = rest.as_bytes();
    if b.get(lead) != Some(&b'[') {
        return JsonKind::NotJson;
    }
    let mut p = Parser { b, pos: lead + 1 };
    let mut all_strings = true;
    p.ws();
    if p.peek() == Some(b']') {
        p.pos += 1;
    } else {
        loop {
            p.ws();
            if p.peek() == Some(b'"') {
                match p.string(true) {
                    Some(piece) => items.push(piece),
                    None => return JsonKind::NotJson,
                }
            } else {
                all_strings = false;
                if p.value(1).is_none() {
                    return JsonKind::NotJson;
                }
            }
            p.ws();
            match p.peek() {
                Some(b',') => p.pos += 1,
                Some(b']') => {
                    p.pos += 1;
                    break;
                }
                _ => return JsonKind::NotJson,
            }
        }
    }
    p.ws();
    if p.pos != b.len() {
        return JsonKind::NotJson;
    }
    if all_strings {
        JsonKind::Strings
    } else {
        JsonKind::NonString
    }
}

struct Parser<'b> {
    b: &'b [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// A string at `pos` (on its opening quote). With `decode`, returns its value as a piece;
    /// without, only validates it (the returned piece is then meaningless).
    fn string(&mut self, decode: bool) -> Option<Piece> {
        self.pos += 1;
        let start = self.pos;
        let mut out: Option<String> = None;
        let mut plain = start;
        loop {
            let c = self.peek()?;
            match c {
                b'"' => {
                    let end = self.pos;
                    self.pos += 1;
                    let value = match out {
                        Some(mut s) => {
                            s.push_str(std::str::from_utf8(self.b.get(plain..end)?).ok()?);
                            PieceValue::Decoded(s)
                        }
                        None => PieceValue::Slice,
                    };
                    return Some(Piece { start, end, value });
                }
                b'\\' => {
                    if decode {
                        let s = out.get_or_insert_with(String::new);
                        s.push_str(std::str::from_utf8(self.b.get(plain..self.pos)?).ok()?);
                    }
                    self.pos += 1;
                    let e = self.peek()?;
                    self.pos += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let r = self.hex4()?;
                            if (0xd800..0xe000).contains(&r) {
                                // A surrogate: Go pairs it with a following \uXXXX low surrogate,
                                // else yields U+FFFD and leaves the next escape alone.
                                let save = self.pos;
                                let mut ch = '\u{fffd}';
                                if r < 0xdc00 && self.b.get(self.pos) == Some(&b'\\') {
                                    self.pos += 1;
                                    if self.peek() == Some(b'u') {
                                        self.pos += 1;
                                        match self.hex4() {
                                            Some(r2) if (0xdc00..0xe000).contains(&r2) => {
                                                let v =
                                                    0x10000 + ((r - 0xd800) << 10) + (r2 - 0xdc00);
                                                ch = char::from_u32(v).unwrap_or('\u{fffd}');
                                            }
                                            Some(_) => self.pos = save,
                                            None => return None,
                                        }
                                    } else {
                                        self.pos = save;
                                    }
                                }
                                if ch == '\u{fffd}' {
                                    self.pos = save;
                                }
                                ch
                            } else {
                                char::from_u32(r).unwrap_or('\u{fffd}')
                            }
                        }
                        _ => return None,
                    };
                    if decode {
                        out.get_or_insert_with(String::new).push(ch);
                    }
                    plain = self.pos;
                }
                0..=0x1f => return None,
                _ => self.pos += 1,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.b.get(self.pos..self.pos + 4)?;
        let mut v = 0u32;
        for &d in digits {
            v = v * 16 + char::from(d).to_digit(16)?;
        }
        self.pos += 4;
        Some(v)
    }

    fn number(&mut self) -> Option<()> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => {
                while matches!(self.peek(), Some(b'0'..=b'9')) {
                    self.pos += 1;
                }
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return None;
            }
            while matches!(self.peek(), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return None;
            }
            while matches!(self.peek(), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
        }
        // Go decodes numbers into float64: out of range is an error.
        let text = std::str::from_utf8(self.b.get(start..self.pos)?).ok()?;
        text.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(|_| ())
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        if self.b.get(self.pos..self.pos + word.len())? == word {
            self.pos += word.len();
            Some(())
        } else {
            None
        }
    }

    fn scalar(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string(false).map(|_| ()),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => None,
        }
    }

    /// Validates one value at `pos` without recursion; `depth` counts the enclosing arrays.
    fn value(&mut self, depth: usize) -> Option<()> {
        let mut stack: Vec<u8> = Vec::new();
        'value: loop {
            self.ws();
            match self.peek()? {
                open @ (b'[' | b'{') => {
                    self.pos += 1;
                    stack.push(open);
                    if depth + stack.len() > MAX_DEPTH {
                        return None;
                    }
                    self.ws();
                    let close = if open == b'[' { b']' } else { b'}' };
                    if self.peek() == Some(close) {
                        self.pos += 1;
                        stack.pop();
                    } else if open == b'{' {
                        self.key()?;
                        continue 'value;
                    } else {
                        continue 'value;
                    }
                }
                _ => self.scalar()?,
            }
            // After a complete value: close containers or move to the next element.
            loop {
                let Some(&top) = stack.last() else {
                    return Some(());
                };
                self.ws();
                match (top, self.peek()?) {
                    (b'[', b',') => {
                        self.pos += 1;
                        continue 'value;
                    }
                    (b'{', b',') => {
                        self.pos += 1;
                        self.ws();
                        self.key()?;
                        continue 'value;
                    }
                    (b'[', b']') | (b'{', b'}') => {
                        self.pos += 1;
                        stack.pop();
                    }
                    _ => return None,
                }
            }
        }
    }

    fn key(&mut self) -> Option<()> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.string(false)?;
        self.ws();
        if self.peek() != Some(b':') {
            return None;
        }
        self.pos += 1;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(s: &str) -> Vec<String> {
        match parse_array(s) {
            JsonArray::Strings(p) => p.iter().map(|p| p.value(s).to_owned()).collect(),
            other => panic!("{s:?}: {other:?}"),
        }
    }

    #[test]
    fn arrays_like_go() {
        assert_eq!(strings("[]"), Vec::<String>::new());
        assert_eq!(strings("\t[\t\"a\",\t\"b\"\t]\t"), ["a", "b"]);
        assert_eq!(
            strings(r#"["\u00e9\ud83d\ude00\ud800x"]"#),
            ["é😀\u{fffd}x"]
        );
        assert_eq!(
            parse_array(r#"["a", [1, {"b": null}]]"#),
            JsonArray::NonString
        );
        assert_eq!(parse_array(r#"["a", 1e400]"#), JsonArray::NotJson);
        assert_eq!(parse_array("[\"a\tb\"]"), JsonArray::NotJson);
        assert_eq!(parse_array(r#"["a"] x"#), JsonArray::NotJson);
        assert_eq!(parse_array(r#"["a","#), JsonArray::NotJson);
        assert_eq!(parse_array("['a']"), JsonArray::NotJson);
        let deep = format!("[{}{}]", "[".repeat(20_000), "]".repeat(20_000));
        assert_eq!(parse_array(&deep), JsonArray::NotJson);
    }
}
