//! What `${v#p}`, `${v%p}`, `${v/p/r}` and `${v//p/r}` do with a match, mirroring BuildKit:
//! `trimPrefix`, `trimSuffix` (reverse, trim the prefix, reverse back), `FindStringIndex` +
//! splice for `/`, and Go's `ReplaceAllString` for `//` — whose replacement is a Go template, so
//! `$0`/`${0}` insert the match, other `$name` references vanish and `$$` is `$`.

use super::matcher::Matcher;
use super::pattern::{compile, reverse_pattern, reverse_string};
use super::unicode::{is_digit, is_letter};

/// A bad glob: the pattern text BuildKit reports and the character after the bad backslash.
pub(crate) type PatternError = (String, char);

fn compiled(pattern: &str) -> Result<Vec<super::pattern::Elem>, PatternError> {
    compile(pattern).map_err(|c| (pattern.to_owned(), c))
}

/// `${v#p}` / `${v##p}`: drops the shortest (longest when `greedy`) prefix matching `pattern`.
pub(crate) fn trim_prefix(
    pattern: &str,
    value: &str,
    greedy: bool,
) -> Result<String, PatternError> {
    let elems = compiled(pattern)?;
    let mut m = Matcher::new(&elems, greedy);
    Ok(match m.find(value, 0, true) {
        Some((_, end)) => value.get(end..).unwrap_or_default().to_owned(),
        None => value.to_owned(),
    })
}

/// `${v%p}` / `${v%%p}`: BuildKit reverses the pattern (keeping escape pairs) and the value,
/// trims a prefix and reverses the rest back — errors therefore name the reversed pattern.
pub(crate) fn trim_suffix(
    pattern: &str,
    value: &str,
    greedy: bool,
) -> Result<String, PatternError> {
    let reversed = trim_prefix(&reverse_pattern(pattern), &reverse_string(value), greedy)?;
    Ok(reverse_string(&reversed))
}

/// `${v/p/r}` (first match, `r` inserted literally) or `${v//p/r}` (every match, Go template).
pub(crate) fn replace(
    pattern: &str,
    value: &str,
    replacement: &str,
    all: bool,
) -> Result<String, PatternError> {
    let elems = compiled(pattern)?;
    let mut m = Matcher::new(&elems, true);
    if !all {
        return Ok(match m.find(value, 0, false) {
            Some((start, end)) => {
                let mut out = String::with_capacity(value.len() + replacement.len());
                out.push_str(value.get(..start).unwrap_or_default());
                out.push_str(replacement);
                out.push_str(value.get(end..).unwrap_or_default());
                out
            }
            None => value.to_owned(),
        });
    }
    // Go's Regexp.replaceAll.
    let mut out = String::with_capacity(value.len());
    let mut last_match_end = 0;
    let mut search_pos = 0;
    while search_pos <= value.len() {
        let Some((start, end)) = m.find(value, search_pos, false) else {
            break;
        };
        out.push_str(value.get(last_match_end..start).unwrap_or_default());
        // No replacement for an empty match right after the previous match.
        if end > last_match_end || start == 0 {
            expand_template(
                &mut out,
                replacement,
                value.get(start..end).unwrap_or_default(),
            );
        }
        last_match_end = end;
        let width = value
            .get(search_pos..)
            .and_then(|r| r.chars().next())
            .map_or(0, char::len_utf8);
        if search_pos + width > end {
            search_pos += width;
        } else if search_pos + 1 > end {
            search_pos += 1;
        } else {
            search_pos = end;
        }
    }
    out.push_str(value.get(last_match_end..).unwrap_or_default());
    Ok(out)
}

/// Go's `Regexp.expand` for a regexp without capture groups: `$$` → `$`; `$name`/`${name}` is
/// group 0 (the whole match) when the name is `0`, nothing otherwise; a malformed reference keeps
/// its `$`.
fn expand_template(out: &mut String, template: &str, whole: &str) {
    let mut rest = template;
    while let Some(dollar) = rest.find('$') {
        out.push_str(rest.get(..dollar).unwrap_or_default());
        rest = rest.get(dollar + 1..).unwrap_or_default();
        if let Some(after) = rest.strip_prefix('$') {
            out.push('$');
            rest = after;
            continue;
        }
        match extract(rest) {
            Some((name, after)) => {
                if name == "0" {
                    out.push_str(whole);
                }
                rest = after;
            }
            None => out.push('$'),
        }
    }
    out.push_str(rest);
}

/// Go's `extract`: a name of letters, digits and `_`, optionally in braces. Returns the name and
/// the text after the reference. (Only the exact name `0` can refer to a group here: `00` has a
/// leading zero and named groups do not exist.)
fn extract(s: &str) -> Option<(&str, &str)> {
    let (braced, body) = match s.strip_prefix('{') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let len: usize = body
        .chars()
        .take_while(|&c| is_letter(c) || is_digit(c) || c == '_')
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    let name = body.get(..len)?;
    let mut after = body.get(len..)?;
    if braced {
        after = after.strip_prefix('}')?;
    }
    Some((name, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_like_buildkit() {
        assert_eq!(trim_prefix("*x*y", "xxyy", false).unwrap(), "y");
        assert_eq!(trim_prefix("*x", "xxyy", true).unwrap(), "yy");
        assert_eq!(trim_suffix(r"\**", "xx**", true).unwrap(), "xx");
        assert_eq!(trim_suffix("x", "xxyy", false).unwrap(), "xxyy");
        assert_eq!(trim_suffix("y*", "xxyy", false).unwrap(), "xxy");
        assert_eq!(trim_suffix("y*", "xxyy", true).unwrap(), "xx");
        assert_eq!(
            trim_suffix(r"x\y", "v", false),
            Err((r"\yx".to_owned(), 'y'))
        );
    }

    #[test]
    fn replaces_like_go() {
        assert_eq!(
            replace("/tmp", "/tmp/tmp/bar.txt", "", false).unwrap(),
            "/tmp/bar.txt"
        );
        assert_eq!(
            replace("/tmp", "/tmp/tmp/bar.txt", "", true).unwrap(),
            "/bar.txt"
        );
        assert_eq!(replace("", "xxyy", "ww", false).unwrap(), "wwxxyy");
        assert_eq!(replace("", "ab", "-", true).unwrap(), "-a-b-");
        assert_eq!(replace("*", "ab", "-", true).unwrap(), "-");
        assert_eq!(replace("x*", "axxbx", "[$0]", true).unwrap(), "a[xxbx]");
        assert_eq!(
            replace("x", "axbx", "<${0}$1$$$name$>", true).unwrap(),
            "a<x$$>b<x$$>"
        );
        assert_eq!(replace("x", "axb", "$", false).unwrap(), "a$b");
        assert_eq!(replace("é", "éaé", "e", true).unwrap(), "eae");
    }
}
