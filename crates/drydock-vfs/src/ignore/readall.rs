//! moby/patternmatcher `ignorefile.ReadAll`: `.dockerignore` text → pattern list.

use crate::path::clean;

/// `bufio.Scanner`'s default maximum line length (64 KiB).
pub const MAX_LINE: usize = 64 * 1024;

/// Why an ignore file could not be read (Go's `bufio.Scanner` error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadAllError {
    /// The message, `bufio.Scanner: token too long`.
    pub message: String,
}

impl std::fmt::Display for ReadAllError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadAllError {}

/// Reads `.dockerignore` text into patterns exactly like `ignorefile.ReadAll`:
/// - lines split on `\n` (a `\r` before it is dropped), a UTF-8 BOM stripped from the first line;
/// - a line whose FIRST character is `#` is a comment; other lines are trimmed (Unicode
///   whitespace) and skipped when empty;
/// - a leading `!` marks an exception; the text after it is trimmed again;
/// - the pattern is cleaned (`filepath.Clean`) and one leading `/` removed (not for `/` itself);
/// - `!` is put back in front (a bare `!` survives; `PatternMatcher::new` rejects it).
///
/// A line longer than 64 KiB fails like Go's scanner (`bufio.Scanner: token too long`).
pub fn read_all(text: &str) -> Result<Vec<String>, ReadAllError> {
    read_all_bytes(text.as_bytes())
}

/// `read_all` over raw bytes (invalid UTF-8 is replaced by U+FFFD per line).
pub fn read_all_bytes(bytes: &[u8]) -> Result<Vec<String>, ReadAllError> {
    let mut out = Vec::new();
    if bytes.is_empty() {
        return Ok(out);
    }
    let mut rest = bytes;
    let mut first = true;
    while !rest.is_empty() {
        let (line, next, newline) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (
                rest.get(..i).unwrap_or(&[]),
                rest.get(i + 1..).unwrap_or(&[]),
                true,
            ),
            None => (rest, &[][..], false),
        };
        rest = next;
        // The scanner's 64 KiB buffer must hold the line and its newline.
        let too_long = if newline {
            line.len() + 1 > MAX_LINE
        } else {
            line.len() >= MAX_LINE
        };
        if too_long {
            return Err(ReadAllError {
                message: "bufio.Scanner: token too long".to_owned(),
            });
        }
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let line = if first {
            line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
        } else {
            line
        };
        first = false;
        let text = String::from_utf8_lossy(line);
        if text.starts_with('#') {
            continue;
        }
        let mut pattern = text.trim();
        if pattern.is_empty() {
            continue;
        }
        let invert = pattern.starts_with('!');
        if invert {
            pattern = pattern.get(1..).unwrap_or("").trim();
        }
        let mut p = String::new();
        if !pattern.is_empty() {
            p = clean(pattern);
            if p.len() > 1 && p.starts_with('/') {
                p.remove(0);
            }
        }
        if invert {
            p.insert(0, '!');
        }
        out.push(p);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: &[&str]) {
        assert_eq!(read_all(text).unwrap(), want, "{text:?}");
    }

    #[test]
    fn read_all_rules() {
        check("", &[]);
        check(
            "\u{feff}# c\n  # not a comment\r\n/a/../b/\n!  /x\n\n",
            &["# not a comment", "b", "!x"],
        );
        check("/\n!/\n", &["/", "!/"]);
        assert!(read_all(&"x".repeat(MAX_LINE + 1)).is_err());
    }
}
