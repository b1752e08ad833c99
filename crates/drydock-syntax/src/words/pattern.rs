//! The glob patterns of `${v#p}`, `${v%p}` and `${v/p/r}`: BuildKit's `convertShellPatternToRegex`
//! (as a pure function giving the same Go regexp text), the compiled form our matcher runs, and
//! the `reversePattern` / `reverseString` helpers BuildKit uses to turn suffix trimming into
//! prefix trimming.

/// One element of a compiled glob. Wildcards never match `\n` (Go's `.` without the `s` flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Elem {
    /// Exactly this character.
    Lit(char),
    /// `?`: any one character except `\n`.
    Any,
    /// `*`: any run of characters without `\n` (greedy or lazy, decided when matching).
    Star,
}

/// A token of BuildKit's pattern scanner.
enum Tok {
    Star,
    Any,
    /// A literal; `quoted` when BuildKit writes it backslashed into the regexp.
    Lit {
        c: char,
        quoted: bool,
    },
}

/// Walks `pattern` exactly like BuildKit's loop over a `text/scanner` (which skips a leading
/// U+FEFF). `\*`, `\?`, `\\` are literals; `\` before `}` or `/` is dropped; any other `\x` is an
/// error carrying `x` (U+FFFD at the end, as Go formats `EOF` with `%c`).
fn scan(pattern: &str, mut emit: impl FnMut(Tok)) -> Result<(), char> {
    let body = pattern.strip_prefix('\u{FEFF}').unwrap_or(pattern);
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => emit(Tok::Star),
            '?' => emit(Tok::Any),
            '\\' => {
                if matches!(chars.peek(), Some('}' | '/')) {
                    continue;
                }
                match chars.next() {
                    Some(e @ ('*' | '?' | '\\')) => emit(Tok::Lit { c: e, quoted: true }),
                    Some(other) => return Err(other),
                    None => return Err('\u{FFFD}'),
                }
            }
            '[' | ']' | '{' | '}' | '.' | '+' | '(' | ')' | '|' | '^' | '$' => {
                emit(Tok::Lit { c, quoted: true });
            }
            _ => emit(Tok::Lit { c, quoted: false }),
        }
    }
    Ok(())
}

/// BuildKit's `convertShellPatternToRegex(pattern, greedy, anchored)`: the Go regexp source it
/// compiles (`*` → `.*` or lazy `.*?`, `?` → `.`, metacharacters backslashed, `^` when anchored).
///
/// Errors with the character after an invalid backslash escape (U+FFFD when the pattern ends in
/// a lone backslash), i.e. BuildKit's `invalid escape '\<c>'`.
pub fn shell_pattern_to_regex(pattern: &str, greedy: bool, anchored: bool) -> Result<String, char> {
    let mut out = String::with_capacity(pattern.len() + 4);
    if anchored {
        out.push('^');
    }
    scan(pattern, |tok| match tok {
        Tok::Star => out.push_str(if greedy { ".*" } else { ".*?" }),
        Tok::Any => out.push('.'),
        Tok::Lit { c, quoted } => {
            if quoted {
                out.push('\\');
            }
            out.push(c);
        }
    })?;
    Ok(out)
}

/// Compiles a glob into the element list the matcher runs (same errors as
/// [`shell_pattern_to_regex`]).
pub(crate) fn compile(pattern: &str) -> Result<Vec<Elem>, char> {
    let mut elems = Vec::with_capacity(pattern.len());
    scan(pattern, |tok| {
        elems.push(match tok {
            Tok::Star => Elem::Star,
            Tok::Any => Elem::Any,
            Tok::Lit { c, .. } => Elem::Lit(c),
        });
    })?;
    Ok(elems)
}

/// BuildKit's `reversePattern`: reverses by characters but keeps each `\x` pair in order
/// (`a\*c` → `c\*a`); a trailing lone `\` is reversed as an ordinary character.
pub fn reverse_pattern(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    // Walk forward taking units (an escape pair or one char), then emit the units in reverse.
    let mut units: Vec<(usize, usize)> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let len = if chars[i] == '\\' && i + 1 < chars.len() {
            2
        } else {
            1
        };
        units.push((i, len));
        i += len;
    }
    for &(start, len) in units.iter().rev() {
        out.extend_from_slice(&chars[start..start + len]);
    }
    out.into_iter().collect()
}

/// BuildKit's `reverseString`: the characters (Go runes) in reverse order.
pub fn reverse_string(s: &str) -> String {
    s.chars().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regex_text_matches_buildkit() {
        let ok = |p: &str, g, a, want: &str| {
            assert_eq!(
                shell_pattern_to_regex(p, g, a),
                Ok(want.to_owned()),
                "{p:?}"
            );
        };
        ok("*", true, true, "^.*");
        ok("*", false, true, "^.*?");
        ok("a?b", true, false, "a.b");
        ok(r"x\}y\/z", true, false, r"x\}y/z");
        ok("\u{FEFF}a\u{FEFF}", true, false, "a\u{FEFF}");
        assert_eq!(shell_pattern_to_regex(r"\x", true, true), Err('x'));
        assert_eq!(shell_pattern_to_regex("a\\", true, true), Err('\u{FFFD}'));
    }

    #[test]
    fn compile_gives_elements() {
        assert_eq!(
            compile(r"a*?\*\}"),
            Ok(vec![
                Elem::Lit('a'),
                Elem::Star,
                Elem::Any,
                Elem::Lit('*'),
                Elem::Lit('}')
            ])
        );
    }

    #[test]
    fn reverse_pattern_keeps_escape_pairs() {
        for (input, want) in [
            (r"a\*c", r"c\*a"),
            (r"\\\ab", r"b\a\\"),
            ("ab\\", "\\ba"),
            ("👽\\🚀🖖", "🖖\\🚀👽"),
            (r"\\b", r"b\\"),
            ("", ""),
        ] {
            assert_eq!(reverse_pattern(input), want, "{input:?}");
        }
    }
}
