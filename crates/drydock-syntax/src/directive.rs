//! Parser directives (`# syntax=…`, `# escape=…`, `# check=…`): BuildKit's `DirectiveParser`,
//! `DetectSyntax` and `ParseDirective`.

/// The directive names BuildKit recognises.
pub const KNOWN: [&str; 3] = ["syntax", "escape", "check"];

/// A recognised directive: lower-cased name, value window in the line, 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub name: &'static str,
    /// `start..end` of the value in the line given to `parse_line`.
    pub value: (usize, usize),
    pub line: usize,
}

/// `DirectiveParser`: reads lines until the first one that is not a known directive.
#[derive(Debug, Clone)]
pub struct DirectiveParser {
    prefix: &'static str,
    line: usize,
    seen: [bool; 3],
    done: bool,
}

impl Default for DirectiveParser {
    fn default() -> Self {
        Self::new("#", 0)
    }
}

fn is_re_space(c: char) -> bool {
    // RE2's \s: [\t\n\f\r ]
    matches!(c, '\t' | '\n' | '\x0c' | '\r' | ' ')
}

/// Matches `^<prefix>\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`: name window and value window.
pub fn match_directive(line: &str, prefix: &str) -> Option<((usize, usize), (usize, usize))> {
    use nom::bytes::complete::{tag, take_while};
    use nom::character::complete::{char as ch, satisfy};
    use nom::combinator::recognize;
    use nom::sequence::pair;
    use nom::{IResult, Parser};

    type In<'s> = &'s str;
    let ws = || take_while::<_, In<'_>, nom::error::Error<In<'_>>>(is_re_space);
    let name = recognize(pair(
        satisfy(|c: char| c.is_ascii_alphabetic()),
        take_while(|c: char| c.is_ascii_alphanumeric()),
    ));
    let mut head = (tag(prefix), ws(), name, ws(), ch('='), ws());
    let r: IResult<In<'_>, _> = head.parse(line);
    let (value, (_, _, name, _, _, _)) = r.ok()?;
    // `name` is a sub-slice of `line`: its offset is the distance between the pointers.
    let ns = (name.as_ptr() as usize)
        .saturating_sub(line.as_ptr() as usize)
        .min(line.len());
    let vs = line.len() - value.len();
    let v = value.trim_end_matches(is_re_space);
    // `.` does not match a newline, and the value is not empty.
    if v.is_empty() || v.contains('\n') {
        return None;
    }
    Some(((ns, ns + name.len()), (vs, vs + v.len())))
}

impl DirectiveParser {
    /// A parser for lines starting with `prefix` (`#`, or `//` for DetectSyntax), whose first
    /// line is `line + 1`.
    pub fn new(prefix: &'static str, line: usize) -> Self {
        Self {
            prefix,
            line,
            seen: [false; 3],
            done: false,
        }
    }

    /// Whether a non-directive line has ended directive scanning.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// `ParseLine`: `Ok(Some)` for a directive, `Ok(None)` otherwise (and scanning stops),
    /// `Err` for a repeated directive.
    pub fn parse_line(&mut self, line: &str) -> Result<Option<Found>, String> {
        self.line += 1;
        if self.done {
            return Ok(None);
        }
        let Some(((ns, ne), value)) = match_directive(line, self.prefix) else {
            self.done = true;
            return Ok(None);
        };
        let name = line.get(ns..ne).unwrap_or("");
        let Some(idx) = KNOWN.iter().position(|k| k.eq_ignore_ascii_case(name)) else {
            self.done = true;
            return Ok(None);
        };
        let key = KNOWN.get(idx).copied().unwrap_or("syntax");
        if self.seen.get(idx).copied().unwrap_or(false) {
            return Err(format!("only one {key} parser directive can be used"));
        }
        if let Some(s) = self.seen.get_mut(idx) {
            *s = true;
        }
        Ok(Some(Found {
            name: key,
            value,
            line: self.line,
        }))
    }

    /// `ParseAll`: every directive at the top of `data` (lines split as Go's `ScanLines`).
    pub fn parse_all(&mut self, data: &str) -> Result<Vec<(String, String)>, String> {
        let mut out = Vec::new();
        for line in scan_lines(data) {
            if self.done {
                break;
            }
            if let Some(f) = self.parse_line(line)? {
                out.push((
                    f.name.to_owned(),
                    line.get(f.value.0..f.value.1).unwrap_or("").to_owned(),
                ));
            }
        }
        Ok(out)
    }
}

/// Go's `bufio.ScanLines`: lines without `\n` and one trailing `\r`.
fn scan_lines(data: &str) -> impl Iterator<Item = &str> {
    let trimmed = data.strip_suffix('\n').unwrap_or(data);
    let none = data.is_empty();
    trimmed
        .split('\n')
        .filter(move |_| !none)
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
}

/// A directive found by [`detect_syntax`] / [`parse_directive`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// The first space-separated word of the value (the frontend reference for `syntax`).
    pub reference: String,
    /// The whole value.
    pub cmdline: String,
    /// 1-based line (0 for the JSON form without a shebang).
    pub line: usize,
}

/// `DetectSyntax`: the `syntax` directive in `#`, `//` or JSON form (after a BOM and a `#!` line).
pub fn detect_syntax(dt: &str) -> Option<Detected> {
    find_directive("syntax", dt, true)
}

/// `ParseDirective(key, dt)`: the directive `key` in `#` form only.
pub fn parse_directive(key: &str, dt: &str) -> Option<Detected> {
    find_directive(key, dt, false)
}

fn find_directive(key: &str, dt: &str, any_format: bool) -> Option<Detected> {
    let dt = dt.strip_prefix('\u{feff}').unwrap_or(dt);
    let (first, rest) = dt.split_once('\n').unwrap_or((dt, ""));
    let (dt, line) = if first.starts_with("#!") {
        (rest, 1)
    } else {
        (dt, 0)
    };
    let from_parser = |prefix: &'static str| -> Option<Detected> {
        let mut p = DirectiveParser::new(prefix, line);
        let mut found = None;
        for l in scan_lines(dt) {
            if p.is_done() {
                break;
            }
            match p.parse_line(l) {
                Ok(Some(f)) if f.name == key && found.is_none() => {
                    let v = l.get(f.value.0..f.value.1).unwrap_or("").to_owned();
                    found = Some(Detected {
                        reference: v.split(' ').next().unwrap_or("").to_owned(),
                        cmdline: v,
                        line: f.line,
                    });
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        found
    };
    if let Some(d) = from_parser("#") {
        return Some(d);
    }
    if !any_format {
        return None;
    }
    if let Some(d) = from_parser("//") {
        return Some(d);
    }
    let v: serde_json_lite::Value = serde_json_lite::object_string_field(dt, key)?;
    Some(Detected {
        reference: v.clone(),
        cmdline: v,
        line,
    })
}

/// The JSON-object form of `DetectSyntax`: `{"syntax": "…"}` as the whole input.
mod serde_json_lite {
    pub type Value = String;

    /// The string value of `key` when `text` is exactly one JSON object (Go `json.Unmarshal`).
    pub fn object_string_field(text: &str, key: &str) -> Option<Value> {
        // Reuse the array validator by wrapping the object in an array.
        let wrapped = format!("[{text}]");
        if !matches!(
            crate::json::parse_array(&wrapped),
            crate::json::JsonArray::NonString
        ) {
            return None;
        }
        let t = text.trim_matches([' ', '\t', '\n', '\r']);
        if !t.starts_with('{') {
            return None;
        }
        find_field(t, key)
    }

    /// Scans the top level of a valid JSON object for a string member `key` (last one wins).
    fn find_field(obj: &str, key: &str) -> Option<Value> {
        let b = obj.as_bytes();
        let mut i = 1;
        let mut depth = 0usize;
        let mut found = None;
        let mut expect_key = true;
        let mut matched = false;
        while i < b.len() {
            let c = b.get(i).copied()?;
            match c {
                b'"' => {
                    let (s, next) = read_string(obj, i)?;
                    if depth == 0 {
                        if expect_key {
                            matched = s == key;
                            if matched {
                                found = None;
                            }
                            expect_key = false;
                        } else if matched {
                            found = Some(s);
                        }
                    }
                    i = next;
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                b',' if depth == 0 => {
                    expect_key = true;
                    matched = false;
                }
                _ => {}
            }
            i += 1;
        }
        found
    }

    /// The JSON string starting at `at` (its opening quote), decoded, and the index after it.
    fn read_string(s: &str, at: usize) -> Option<(String, usize)> {
        let b = s.as_bytes();
        let mut j = at + 1;
        while j < b.len() {
            match b.get(j)? {
                b'\\' => j += 2,
                b'"' => break,
                _ => j += 1,
            }
        }
        let wrapped = format!("[{}]", s.get(at..=j)?);
        match crate::json::parse_array(&wrapped) {
            crate::json::JsonArray::Strings(p) => {
                let v = p.first()?.value(&wrapped).to_owned();
                Some((v, j + 1))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives() {
        assert_eq!(
            DirectiveParser::default().parse_all("# EScape=\\\n# KEY = FOO bar\n\n# smth\n"),
            Ok(vec![("escape".to_owned(), "\\".to_owned())])
        );
        let d =
            detect_syntax("#!/bin/sh\n# syntax = dockerfile:experimental\nFROM busybox\n").unwrap();
        assert_eq!(
            (d.reference.as_str(), d.line),
            ("dockerfile:experimental", 2)
        );
        assert_eq!(
            detect_syntax("{\"syntax\": \"foo\", \"bar\": [\"abc\"]}")
                .unwrap()
                .reference,
            "foo"
        );
        assert_eq!(detect_syntax("{\"syntax\": \"foo\"}\n# syntax=bar"), None);
        assert_eq!(
            parse_directive("check", "//check=skip=all\n//key=value"),
            None
        );
    }
}
