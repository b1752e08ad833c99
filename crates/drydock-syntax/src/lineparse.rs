//! BuildKit's line parsers (`parser/line_parsers.go`): how each instruction's argument text
//! becomes the node's arguments. Every function returns windows into the text it was given.
use crate::go;
use crate::json::{JsonKind, parse_array_into};
use crate::piece::{Piece, PieceValue};

/// A parser-stage error: stable code and BuildKit's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub code: &'static str,
    pub message: String,
}

/// The arguments of one instruction and whether they were in JSON form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub args: Vec<Piece>,
    pub json: bool,
}

/// `parseWords`: splits on unquoted whitespace; quotes and escape characters stay in the words.
/// Returns each word's window (words are always contiguous in the input).
pub fn parse_words(rest: &str, escape: char) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    for_each_word(rest, escape, |s, e| words.push((s, e)));
    words
}

/// [`parse_words`] calling `f(start, end)` for each word.
pub fn for_each_word(rest: &str, escape: char, mut f: impl FnMut(usize, usize)) {
    words_until(rest, escape, |s, e| {
        f(s, e);
        true
    });
}

/// Byte classes for [`words_until`]: plain, ASCII space, quote, escape, non-ASCII.
const PLAIN: u8 = 0;
const SPACE: u8 = 1;
const QUOTE: u8 = 2;
const ESCAPE: u8 = 3;
const WIDE: u8 = 4;

const fn classes(escape: u8) -> [u8; 256] {
    let mut t = [PLAIN; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            WIDE
        } else if b == b' ' || (b >= 0x09 && b <= 0x0d) {
            SPACE
        } else if b == b'"' || b == b'\'' {
            QUOTE
        } else if b == escape {
            ESCAPE
        } else {
            PLAIN
        };
        i += 1;
    }
    t
}

static CLASSES_BACKSLASH: [u8; 256] = classes(b'\\');
static CLASSES_BACKTICK: [u8; 256] = classes(b'`');

/// [`for_each_word`] where `f` returns whether to go on.
///
/// Walks bytes with a class table: quotes and the escape character are ASCII, so only a
/// non-ASCII byte needs decoding (to test the character for Unicode whitespace and to step over
/// it whole). Runs of plain bytes, and of quoted bytes, are skipped in tight loops.
pub(crate) fn words_until(rest: &str, escape: char, mut f: impl FnMut(usize, usize) -> bool) {
    let class: &[u8; 256] = match escape {
        '\\' => &CLASSES_BACKSLASH,
        '`' => &CLASSES_BACKTICK,
        _ => {
            let mut go_on = true;
            return for_each_word_chars(rest, escape, |s, e| {
                if go_on {
                    go_on = f(s, e);
                }
            });
        }
    };
    let esc = escape as u8;
    let b = rest.as_bytes();
    let len = b.len();
    let class_of = |c: u8| class.get(usize::from(c)).copied().unwrap_or(WIDE);
    let char_at = |at: usize| rest.get(at..).and_then(|s| s.chars().next());
    let width_at = |at: usize| match b.get(at) {
        Some(&c) if c >= 0x80 => char_at(at).map_or(1, char::len_utf8),
        _ => 1,
    };
    let (mut wstart, mut wend, mut blank_ok);
    let mut pos = 0;
    'words: loop {
        // Spaces before a word.
        loop {
            let Some(&c) = b.get(pos) else {
                return;
            };
            match class_of(c) {
                SPACE => pos += 1,
                WIDE => match char_at(pos) {
                    Some(ch) if ch.is_whitespace() => pos += ch.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        wstart = pos;
        wend = pos;
        blank_ok = false;
        // The word, with its quoted parts.
        loop {
            let run = pos;
            while b.get(pos).is_some_and(|&c| class_of(c) == PLAIN) {
                pos += 1;
            }
            if pos > run {
                wend = pos;
            }
            let Some(&c) = b.get(pos) else {
                break 'words;
            };
            match class_of(c) {
                SPACE => {
                    if (blank_ok || wend > wstart) && !f(wstart, wend) {
                        return;
                    }
                    pos += 1;
                    continue 'words;
                }
                WIDE => {
                    let ch = char_at(pos);
                    let w = ch.map_or(1, char::len_utf8);
                    if ch.is_some_and(char::is_whitespace) {
                        if (blank_ok || wend > wstart) && !f(wstart, wend) {
                            return;
                        }
                        pos += w;
                        continue 'words;
                    }
                    pos += w;
                    wend = pos;
                }
                ESCAPE => {
                    if pos + 1 == len {
                        // A trailing escape is not part of the word.
                        pos += 1;
                        continue;
                    }
                    pos += 1;
                    pos += width_at(pos);
                    wend = pos;
                }
                _ => {
                    // QUOTE: up to the closing quote; in double quotes the escape character
                    // escapes the next character.
                    let quote = c;
                    blank_ok = true;
                    pos += 1;
                    wend = pos;
                    loop {
                        let run = pos;
                        while b
                            .get(pos)
                            .is_some_and(|&q| q != quote && (q != esc || quote == b'\''))
                        {
                            pos += 1;
                        }
                        if pos > run {
                            wend = pos;
                        }
                        let Some(&q) = b.get(pos) else {
                            break 'words;
                        };
                        if q == quote {
                            pos += 1;
                            wend = pos;
                            break;
                        }
                        // The escape character inside double quotes.
                        if pos + 1 == len {
                            pos += 1;
                            break;
                        }
                        pos += 1;
                        pos += width_at(pos);
                        wend = pos;
                    }
                }
            }
        }
    }
    if blank_ok || wend > wstart {
        f(wstart, wend);
    }
}

/// [`for_each_word`] for a non-ASCII escape character, one char at a time.
fn for_each_word_chars(rest: &str, escape: char, mut f: impl FnMut(usize, usize)) {
    #[derive(PartialEq, Clone, Copy)]
    enum Phase {
        Spaces,
        Word,
        Quote,
    }
    let len = rest.len();
    let mut phase = Phase::Spaces;
    let (mut wstart, mut wend) = (0, 0);
    let mut quote = '\0';
    let mut blank_ok = false;
    let mut pos = 0;
    let mut ch = '\0';
    let mut width = 0;
    let decode = |at: usize| -> (char, usize) {
        rest.get(at..)
            .and_then(|s| s.chars().next())
            .map_or(('\0', 1), |c| (c, c.len_utf8()))
    };
    while pos <= len {
        if pos != len {
            (ch, width) = decode(pos);
        }
        if phase == Phase::Spaces {
            if pos == len {
                break;
            }
            if go::is_space(ch) {
                pos += width;
                continue;
            }
            phase = Phase::Word;
            wstart = pos;
            wend = pos;
        }
        if pos == len {
            if blank_ok || wend > wstart {
                f(wstart, wend);
            }
            break;
        }
        if phase == Phase::Word {
            if go::is_space(ch) {
                phase = Phase::Spaces;
                if blank_ok || wend > wstart {
                    f(wstart, wend);
                }
                blank_ok = false;
                pos += width;
                continue;
            }
            if ch == '\'' || ch == '"' {
                quote = ch;
                blank_ok = true;
                phase = Phase::Quote;
            }
            if ch == escape {
                if pos + width == len {
                    pos += width;
                    continue;
                }
                pos += width;
                (ch, width) = decode(pos);
            }
            wend = pos + width;
            pos += width;
            continue;
        }
        // Phase::Quote
        if ch == quote {
            phase = Phase::Word;
        }
        if ch == escape && quote != '\'' {
            if pos + width == len {
                phase = Phase::Word;
                pos += width;
                continue;
            }
            pos += width;
            (ch, width) = decode(pos);
        }
        wend = pos + width;
        pos += width;
    }
}

fn is_ws_re(b: u8) -> bool {
    matches!(b, b'\t' | 0x0b | 0x0c | b'\r' | b' ')
}

/// `reWhitespace.Split(rest, -1)` windows (`[\t\v\f\r ]+`).
pub fn split_whitespace(rest: &str) -> Vec<(usize, usize)> {
    let b = rest.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if is_ws_re(b.get(i).copied().unwrap_or(0)) {
            let mut j = i;
            while j < b.len() && is_ws_re(b.get(j).copied().unwrap_or(0)) {
                j += 1;
            }
            out.push((start, i));
            start = j;
            i = j;
        } else {
            i += 1;
        }
    }
    out.push((start, b.len()));
    out
}

/// `reWhitespace.Split(rest, 2)`: the first word and the rest after the first whitespace run.
fn split_two(rest: &str) -> Option<((usize, usize), (usize, usize))> {
    let b = rest.as_bytes();
    let i = b.iter().position(|&c| is_ws_re(c))?;
    let mut j = i;
    while j < b.len() && is_ws_re(b.get(j).copied().unwrap_or(0)) {
        j += 1;
    }
    Some(((0, i), (j, b.len())))
}

/// `parseNameVal` (ENV and LABEL): `[key, value, delimiter]` triples; the delimiter is `=` for
/// `k=v` words and empty for the legacy `KEY value` form.
pub fn parse_name_val(rest: &str, key: &str, escape: char) -> Result<Parsed, LineError> {
    let mut args = Vec::new();
    parse_name_val_into(rest, key, escape, &mut args)?;
    Ok(Parsed { args, json: false })
}

/// [`parse_name_val`] appending to `out`.
pub fn parse_name_val_into(
    rest: &str,
    key: &str,
    escape: char,
    out: &mut Vec<Piece>,
) -> Result<(), LineError> {
    let base = out.len();
    // The first word decides the form: the legacy `KEY value` form needs no other word.
    let mut legacy = false;
    words_until(rest, escape, |s, e| {
        if out.len() == base && !rest.as_bytes().get(s..e).is_some_and(|w| w.contains(&b'=')) {
            legacy = true;
            return false;
        }
        out.push(Piece::slice(s, e));
        true
    });
    if legacy {
        let Some((k, v)) = split_two(rest) else {
            return Err(LineError {
                code: crate::codes::MISSING_VALUE,
                message: format!("{key} must have two arguments"),
            });
        };
        out.push(Piece::slice(k.0, k.1));
        out.push(Piece::slice(v.0, v.1));
        out.push(Piece {
            start: v.0,
            end: v.0,
            value: PieceValue::Static(""),
        });
        return Ok(());
    }
    let n = out.len() - base;
    if n == 0 {
        return Ok(());
    }
    // Each word becomes [key, value, "="]: fill from the back so no word is overwritten early.
    out.resize(base + 3 * n, Piece::slice(0, 0));
    for w in (0..n).rev() {
        let Some((s, e)) = out.get(base + w).map(|p| (p.start, p.end)) else {
            continue;
        };
        let word = rest.get(s..e).unwrap_or("");
        let Some(eq) = word.find('=') else {
            let message = format!(
                "Syntax error - can't find = in {}. Must be of the form: name=value",
                go::quote(word)
            );
            // BuildKit reports the first word without `=`.
            let first_bad = (0..w).find_map(|i| {
                let (a, b) = out.get(base + i).map(|p| (p.start, p.end))?;
                let wd = rest.get(a..b)?;
                (!wd.contains('=')).then(|| wd.to_owned())
            });
            let message = match first_bad {
                Some(wd) => format!(
                    "Syntax error - can't find = in {}. Must be of the form: name=value",
                    go::quote(&wd)
                ),
                None => message,
            };
            out.truncate(base);
            return Err(LineError {
                code: crate::codes::MISSING_EQUALS,
                message,
            });
        };
        let at = base + 3 * w;
        if let Some(slot) = out.get_mut(at..at + 3) {
            slot[0] = Piece::slice(s, s + eq);
            slot[1] = Piece::slice(s + eq + 1, e);
            slot[2] = Piece {
                start: s + eq,
                end: s + eq + 1,
                value: PieceValue::Static("="),
            };
        }
    }
    Ok(())
}

/// `parseNameOrNameVal` (ARG): the raw words.
pub fn parse_name_or_name_val(rest: &str, escape: char) -> Parsed {
    let mut args = Vec::new();
    parse_name_or_name_val_into(rest, escape, &mut args);
    Parsed { args, json: false }
}

/// [`parse_name_or_name_val`] appending to `out`.
pub fn parse_name_or_name_val_into(rest: &str, escape: char, out: &mut Vec<Piece>) {
    for_each_word(rest, escape, |s, e| out.push(Piece::slice(s, e)));
}

/// `parseStringsWhitespaceDelimited` (FROM, EXPOSE, and the non-JSON ADD/COPY/VOLUME).
pub fn parse_whitespace_delimited(rest: &str) -> Parsed {
    let mut args = Vec::new();
    parse_whitespace_delimited_into(rest, &mut args);
    Parsed { args, json: false }
}

/// [`parse_whitespace_delimited`] appending to `out`.
pub fn parse_whitespace_delimited_into(rest: &str, out: &mut Vec<Piece>) {
    if rest.is_empty() {
        return;
    }
    let b = rest.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if is_ws_re(b.get(i).copied().unwrap_or(0)) {
            let mut j = i;
            while j < b.len() && is_ws_re(b.get(j).copied().unwrap_or(0)) {
                j += 1;
            }
            out.push(Piece::slice(start, i));
            start = j;
            i = j;
        } else {
            i += 1;
        }
    }
    out.push(Piece::slice(start, b.len()));
}

/// `parseString` (MAINTAINER, USER, WORKDIR, STOPSIGNAL): the whole text as one argument.
pub fn parse_string(rest: &str) -> Parsed {
    let mut args = Vec::new();
    parse_string_into(rest, &mut args);
    Parsed { args, json: false }
}

/// [`parse_string`] appending to `out`.
pub fn parse_string_into(rest: &str, out: &mut Vec<Piece>) {
    if !rest.is_empty() {
        out.push(Piece::slice(0, rest.len()));
    }
}

fn json_error() -> LineError {
    LineError {
        code: crate::codes::INVALID_JSON,
        message: "when using JSON array syntax, arrays must be comprised of strings only"
            .to_owned(),
    }
}

/// `parseMaybeJSON` (RUN, CMD, ENTRYPOINT, SHELL): a JSON array, else the whole text.
pub fn parse_maybe_json(rest: &str) -> Result<Parsed, LineError> {
    let mut args = Vec::new();
    let json = parse_maybe_json_into(rest, &mut args)?;
    Ok(Parsed { args, json })
}

/// [`parse_maybe_json`] appending to `out`; returns whether the form was JSON.
pub fn parse_maybe_json_into(rest: &str, out: &mut Vec<Piece>) -> Result<bool, LineError> {
    if rest.is_empty() {
        return Ok(false);
    }
    match parse_array_into(rest, out) {
        JsonKind::Strings => Ok(true),
        JsonKind::NonString => Err(json_error()),
        JsonKind::NotJson => {
            parse_string_into(rest, out);
            Ok(false)
        }
    }
}

/// `parseMaybeJSONToList` (ADD, COPY, VOLUME): a JSON array, else whitespace-separated words.
pub fn parse_maybe_json_to_list(rest: &str) -> Result<Parsed, LineError> {
    let mut args = Vec::new();
    let json = parse_maybe_json_to_list_into(rest, &mut args)?;
    Ok(Parsed { args, json })
}

/// [`parse_maybe_json_to_list`] appending to `out`; returns whether the form was JSON.
pub fn parse_maybe_json_to_list_into(rest: &str, out: &mut Vec<Piece>) -> Result<bool, LineError> {
    match parse_array_into(rest, out) {
        JsonKind::Strings => Ok(true),
        JsonKind::NonString => Err(json_error()),
        JsonKind::NotJson => {
            parse_whitespace_delimited_into(rest, out);
            Ok(false)
        }
    }
}

/// `parseHealthConfig`: the type word, then `parseMaybeJSON` of the rest. Walks bytes as
/// BuildKit does (bytes 0x85/0xA0 count as spaces).
pub fn parse_health_config(rest: &str) -> Result<Parsed, LineError> {
    let mut args = Vec::new();
    let json = parse_health_config_into(rest, &mut args)?;
    Ok(Parsed { args, json })
}

/// [`parse_health_config`] appending to `out`; returns whether the command was JSON.
pub fn parse_health_config_into(rest: &str, out: &mut Vec<Piece>) -> Result<bool, LineError> {
    let b = rest.as_bytes();
    let mut sep = 0;
    while sep < b.len() && !go::is_space_byte(b.get(sep).copied().unwrap_or(0)) {
        sep += 1;
    }
    let mut next = sep;
    while next < b.len() && go::is_space_byte(b.get(next).copied().unwrap_or(0)) {
        next += 1;
    }
    if sep == 0 {
        return Ok(false);
    }
    let (sep, _) = crate::split::widen_to_chars(rest, sep, sep);
    let (next, _) = crate::split::widen_to_chars(rest, next, next);
    let next = next.max(sep);
    out.push(Piece::slice(0, sep));
    let first = out.len();
    let json = parse_maybe_json_into(rest.get(next..).unwrap_or(""), out)?;
    for p in out.get_mut(first..).into_iter().flatten() {
        p.start += next;
        p.end += next;
    }
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        parse_words(s, '\\')
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn byte_walk_matches_char_walk(s in "[ab= \t\"'\\\\`é\u{a0}\u{2028}\u{3000}]{0,24}") {
            for escape in ['\\', '`'] {
                let mut fast = Vec::new();
                for_each_word(&s, escape, |a, b| fast.push((a, b)));
                let mut slow = Vec::new();
                for_each_word_chars(&s, escape, |a, b| slow.push((a, b)));
                proptest::prop_assert_eq!(fast, slow, "{:?} escape {:?}", s, escape);
            }
        }
    }

    #[test]
    fn words_keep_quotes() {
        assert_eq!(words("foo bar 'abc xyz'"), ["foo", "bar", "'abc xyz'"]);
        assert_eq!(words("foo\\ bar"), ["foo\\ bar"]);
        assert_eq!(words("a=\"b c\" d\\"), ["a=\"b c\"", "d"]);
        assert_eq!(words("\"\""), ["\"\""]);
        assert_eq!(words("a=\"b"), ["a=\"b"]);
    }

    fn vals(s: &str, p: &Parsed) -> Vec<String> {
        p.args.iter().map(|a| a.value(s).to_owned()).collect()
    }

    #[test]
    fn name_val_forms() {
        let s = "foo bar  baz";
        assert_eq!(
            vals(s, &parse_name_val(s, "ENV", '\\').unwrap()),
            ["foo", "bar  baz", ""]
        );
        let s = "a=1 b=\"x y\"";
        assert_eq!(
            vals(s, &parse_name_val(s, "ENV", '\\').unwrap()),
            ["a", "1", "=", "b", "\"x y\"", "="]
        );
        assert_eq!(
            parse_name_val("foo", "ENV", '\\').unwrap_err().message,
            "ENV must have two arguments"
        );
        assert_eq!(
            parse_name_val("a=1 b", "ENV", '\\').unwrap_err().message,
            "Syntax error - can't find = in \"b\". Must be of the form: name=value"
        );
    }

    #[test]
    fn health_config() {
        let s = "CMD [\"a\"]";
        let p = parse_health_config(s).unwrap();
        assert_eq!(vals(s, &p), ["CMD", "a"]);
        assert!(p.json);
        assert_eq!(
            vals("NONE", &parse_health_config("NONE").unwrap()),
            ["NONE"]
        );
    }
}
