//! Here-documents: BuildKit's `ParseHeredoc`, `heredocsFromLine` and `ChompHeredocContent`.
use crate::shlex::{Opts, process_words};

/// A here-document word: terminator name, file descriptor, expansion and chomp flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeredocWord {
    pub name: String,
    pub fd: u64,
    pub expand: bool,
    pub chomp: bool,
}

/// `ParseHeredoc(word)`: `Ok(None)` when the word is not a here-document (regex
/// `^(\d*)<<(-?)\s*([^<]*)$`, and the rest must lex to one word), `Err` when its quoting is bad.
pub fn parse_heredoc(src: &str) -> Result<Option<HeredocWord>, String> {
    let b = src.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let Some(after) = src.get(digits..).and_then(|s| s.strip_prefix("<<")) else {
        return Ok(None);
    };
    let (chomp, after) = match after.strip_prefix('-') {
        Some(a) => (true, a),
        None => (false, after),
    };
    let rest = after.trim_start_matches(['\t', '\n', '\x0c', '\r', ' ']);
    if rest.contains('<') || rest.is_empty() {
        return Ok(None);
    }
    // Go's ParseUint error is ignored: overflow yields the maximum value.
    let fd = src.get(..digits).map_or(0, |d| {
        d.bytes()
            .try_fold(0u64, |acc, c| {
                acc.checked_mul(10)?.checked_add(u64::from(c - b'0'))
            })
            .unwrap_or(u64::MAX)
    });
    let words = process_words(rest, Opts::default())?;
    if words.len() != 1 {
        return Ok(None);
    }
    let raw = process_words(
        rest,
        Opts {
            raw_quotes: true,
            raw_escapes: false,
        },
    )?;
    if raw.len() != words.len() {
        return Err(format!(
            "internal lexing of heredoc produced inconsistent results: {rest}"
        ));
    }
    let quotes = |s: &str| s.bytes().filter(|&c| c == b'\'' || c == b'"').count();
    let name = words.into_iter().next().unwrap_or_default();
    let expand = raw.first().is_some_and(|r| quotes(r) == quotes(&name));
    Ok(Some(HeredocWord {
        name,
        fd,
        expand,
        chomp,
    }))
}

/// `MustParseHeredoc`: `ParseHeredoc` with errors taken as "not a heredoc".
pub fn must_parse_heredoc(src: &str) -> Option<HeredocWord> {
    parse_heredoc(src).ok().flatten()
}

/// `heredocsFromLine(line)`: the here-document words of a logical line, in order.
pub fn heredocs_from_line(line: &str) -> Result<Vec<HeredocWord>, String> {
    let words = process_words(
        line,
        Opts {
            raw_quotes: true,
            raw_escapes: true,
        },
    )
    .unwrap_or_default();
    let mut docs = Vec::new();
    for w in &words {
        if let Some(h) = parse_heredoc(w)? {
            docs.push(h);
        }
    }
    Ok(docs)
}

/// `ChompHeredocContent`: removes the leading tabs of every line.
pub fn chomp(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for (i, line) in src.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line.trim_start_matches('\t'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Option<(String, bool)> {
        parse_heredoc(s).unwrap().map(|h| (h.name, h.expand))
    }

    #[test]
    fn heredoc_words() {
        assert_eq!(name("<<EOF"), Some(("EOF".into(), true)));
        assert_eq!(name("<<-'EOF'"), Some(("EOF".into(), false)));
        assert_eq!(name("<<EO\"F\""), Some(("EOF".into(), false)));
        assert_eq!(name("<<- EOF"), Some(("EOF".into(), true)));
        assert_eq!(name("<<EOF sh"), None);
        assert_eq!(name("<<<EOF"), None);
        assert_eq!(name("<<"), None);
        assert!(parse_heredoc("<<'EOF").is_err());
        assert_eq!(parse_heredoc("3<<X").unwrap().unwrap().fd, 3);
        assert_eq!(chomp("\thello\n\t\tworld\n"), "hello\nworld\n");
    }
}
