//! BuildKit's `splitCommand` and `extractBuilderFlags`: the instruction word, the leading
//! `--flag` words (quotes removed) and the argument text of a logical line.
use crate::go;
use crate::piece::{Piece, PieceValue};

/// A logical line split as BuildKit does. Offsets index the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The instruction word as written: `start..end`.
    pub cmd: (usize, usize),
    /// Flag words (value = the word with quotes removed and escapes applied).
    pub flags: Vec<Piece>,
    /// The argument text after the flags, trimmed: `start..end`.
    pub args: (usize, usize),
}

/// Go's `strings.TrimSpace` as a window `start..end` of `s`.
pub fn trim_window(s: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(inner) = s.get(start..end) else {
        return (start, start);
    };
    let t = go::trim_start(inner);
    let lead = inner.len() - t.len();
    (start + lead, start + lead + go::trim_end(t).len())
}

fn is_ws_re(b: u8) -> bool {
    // reWhitespace = [\t\v\f\r ]+
    matches!(b, b'\t' | 0x0b | 0x0c | b'\r' | b' ')
}

/// `splitCommand(line)`.
pub fn split_command(line: &str) -> Split {
    let (s, e) = trim_window(line, 0, line.len());
    let bytes = line.as_bytes();
    let mut i = s;
    while i < e && !bytes.get(i).is_some_and(|&b| is_ws_re(b)) {
        i += 1;
    }
    let cmd = (s, i);
    if i >= e {
        return Split {
            cmd,
            flags: Vec::new(),
            args: (e, e),
        };
    }
    let mut j = i;
    while j < e && bytes.get(j).is_some_and(|&b| is_ws_re(b)) {
        j += 1;
    }
    let (rest, flags) = extract_builder_flags(line, j, e);
    let (rest, _) = widen_to_chars(line, rest, rest);
    let args = trim_window(line, rest, e);
    Split { cmd, flags, args }
}

/// `extractBuilderFlags(line[start..end])`: returns where the rest begins and the flag words.
///
/// Walks bytes, as BuildKit does: a non-ASCII byte becomes the Latin-1 rune of that byte in the
/// flag word (so `--from=é` is stored as mojibake), and bytes 0x85/0xA0 count as spaces.
fn extract_builder_flags(line: &str, start: usize, end: usize) -> (usize, Vec<Piece>) {
    #[derive(PartialEq, Clone, Copy)]
    enum Phase {
        Spaces,
        Word,
        Quote,
    }
    let bytes = line.as_bytes();
    let mut flags = Vec::new();
    let mut phase = Phase::Spaces;
    let mut word: Vec<u8> = Vec::new();
    let mut word_start = start;
    let mut quote = 0u8;
    let mut blank_ok = false;
    let mut pos = start;
    let mut ch = 0u8;
    while pos <= end {
        if pos != end {
            ch = bytes.get(pos).copied().unwrap_or(0);
        }
        if phase == Phase::Spaces {
            if pos == end {
                break;
            }
            if go::is_space_byte(ch) {
                pos += 1;
                continue;
            }
            if ch != b'-' || pos + 1 == end || bytes.get(pos + 1) != Some(&b'-') {
                return (pos, flags);
            }
            phase = Phase::Word;
            word_start = pos;
        }
        if (phase == Phase::Word || phase == Phase::Quote) && pos == end {
            if word != b"--" && (blank_ok || !word.is_empty()) {
                flags.push(flag_piece(line, word_start, end, &word));
            }
            break;
        }
        if phase == Phase::Word {
            if go::is_space_byte(ch) {
                phase = Phase::Spaces;
                if word == b"--" {
                    return (pos, flags);
                }
                if blank_ok || !word.is_empty() {
                    flags.push(flag_piece(line, word_start, pos, &word));
                }
                word.clear();
                blank_ok = false;
                pos += 1;
                continue;
            }
            if ch == b'\'' || ch == b'"' {
                quote = ch;
                blank_ok = true;
                phase = Phase::Quote;
                pos += 1;
                continue;
            }
            if ch == b'\\' {
                if pos + 1 == end {
                    pos += 1;
                    continue;
                }
                pos += 1;
                ch = bytes.get(pos).copied().unwrap_or(0);
            }
            push_latin1(&mut word, ch);
            pos += 1;
            continue;
        }
        // Phase::Quote
        if ch == quote {
            phase = Phase::Word;
            pos += 1;
            continue;
        }
        if ch == b'\\' {
            if pos + 1 == end {
                phase = Phase::Word;
                pos += 1;
                continue;
            }
            pos += 1;
            ch = bytes.get(pos).copied().unwrap_or(0);
        }
        push_latin1(&mut word, ch);
        pos += 1;
    }
    (end, flags)
}

fn push_latin1(word: &mut Vec<u8>, b: u8) {
    if b < 0x80 {
        word.push(b);
    } else {
        word.push(0xc0 | (b >> 6));
        word.push(0x80 | (b & 0x3f));
    }
}

fn flag_piece(line: &str, start: usize, end: usize, word: &[u8]) -> Piece {
    // A word always starts on a `-` and ends before a space or at the end, so the window is on
    // char boundaries except when a 0x85/0xA0 continuation byte was taken as a space.
    let (start, end) = widen_to_chars(line, start, end);
    let raw = line.get(start..end).unwrap_or("");
    if raw.as_bytes() == word {
        Piece::slice(start, end)
    } else {
        let decoded = String::from_utf8_lossy(word).into_owned();
        Piece {
            start,
            end,
            value: PieceValue::Decoded(decoded),
        }
    }
}

/// Widens `start..end` outwards to the nearest char boundaries of `s`.
pub fn widen_to_chars(s: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    start = start.min(s.len());
    end = end.min(s.len()).max(start);
    while start > 0 && !s.is_char_boundary(start) {
        start -= 1;
    }
    while end < s.len() && !s.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, cmd: &str, flags: &[&str], args: &str) {
        let sp = split_command(line);
        assert_eq!(&line[sp.cmd.0..sp.cmd.1], cmd, "cmd of {line:?}");
        let got: Vec<&str> = sp.flags.iter().map(|p| p.value(line)).collect();
        assert_eq!(got, flags, "flags of {line:?}");
        assert_eq!(&line[sp.args.0..sp.args.1], args, "args of {line:?}");
    }

    #[test]
    fn splits_like_buildkit() {
        check("  RUN  ls -la  ", "RUN", &[], "ls -la");
        check("COPY --from=a -- x /", "COPY", &["--from=a"], "x /");
        check(
            "COPY --doit=true -- foo /tmp/",
            "COPY",
            &["--doit=true"],
            "foo /tmp/",
        );
        check("COPY -- foo /tmp/", "COPY", &[], "foo /tmp/");
        check("CMD --doit -- [ ]", "CMD", &["--doit"], "[ ]");
        check(
            "RUN --mount=\"type=a b\" x",
            "RUN",
            &["--mount=type=a b"],
            "x",
        );
        check("RUN --a", "RUN", &["--a"], "");
        check("FROM", "FROM", &[], "");
        check("RUN -x --a", "RUN", &[], "-x --a");
        check("RUN --x=\\é y", "RUN", &["--x=Ã©"], "y");
    }
}
