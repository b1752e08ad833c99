//! Expansion errors with BuildKit's exact texts: `failed to process "<word>": <reason>`.

use core::fmt;

use super::goquote::go_quote;

/// Why an expansion failed. `Display` gives BuildKit's inner message (without the
/// `failed to process` wrapper, which [`ExpandError`] adds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpandErrorKind {
    /// `syntax error: missing '}'` (`${` at the end, or an operand that never closes).
    MissingBrace,
    /// `syntax error: missing '/' in ${}` (`${v/p` without the second `/`).
    MissingSlash,
    /// `syntax error: bad substitution` (`${}`, `${:…}`, `${{…}`).
    BadSubstitution,
    /// `unsupported modifier (<m>) in substitution` (`${v=w}`, `${v:=w}`, `${v:#p}`, `${v.}` …).
    /// A modifier read at the end of the word is U+FFFD, as Go prints `string(rune(-1))`.
    UnsupportedModifier(String),
    /// `<name>: <message>` from `${name?message}` / `${name:?message}`.
    Required {
        /// The variable name.
        name: String,
        /// The message (the operand, or BuildKit's default text).
        message: String,
    },
    /// `unexpected end of statement while looking for matching single-quote`.
    UnmatchedSingleQuote,
    /// `unexpected end of statement while looking for matching double-quote`.
    UnmatchedDoubleQuote,
    /// `invalid pattern (<pattern>) in substitution: invalid escape '\<c>'` (`#`, `%`, `/`).
    InvalidPattern {
        /// The pattern as BuildKit saw it (reversed for `%`/`%%`, as BuildKit reverses it).
        pattern: String,
        /// The character after the bad backslash (U+FFFD when the pattern ended).
        escaped: char,
    },
    /// Drydock's guard against pathological nesting (`${a:-${b:-${c:-…}}}` deeper than
    /// [`MAX_NESTING`](super::MAX_NESTING)); BuildKit has no such limit.
    TooDeep,
}

impl fmt::Display for ExpandErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingBrace => f.write_str("syntax error: missing '}'"),
            Self::MissingSlash => f.write_str("syntax error: missing '/' in ${}"),
            Self::BadSubstitution => f.write_str("syntax error: bad substitution"),
            Self::UnsupportedModifier(m) => write!(f, "unsupported modifier ({m}) in substitution"),
            Self::Required { name, message } => write!(f, "{name}: {message}"),
            Self::UnmatchedSingleQuote => {
                f.write_str("unexpected end of statement while looking for matching single-quote")
            }
            Self::UnmatchedDoubleQuote => {
                f.write_str("unexpected end of statement while looking for matching double-quote")
            }
            Self::InvalidPattern { pattern, escaped } => {
                write!(
                    f,
                    "invalid pattern ({pattern}) in substitution: invalid escape '\\{escaped}'"
                )
            }
            Self::TooDeep => write!(
                f,
                "syntax error: expansions nested more than {} levels deep",
                super::MAX_NESTING
            ),
        }
    }
}

/// A failed expansion of one word: BuildKit's `failed to process "<word>": <reason>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpandError {
    /// The whole word that was being expanded.
    pub word: String,
    /// What went wrong.
    pub kind: ExpandErrorKind,
}

impl ExpandError {
    /// The inner reason only (e.g. `X: missing`), without the `failed to process` wrapper.
    pub fn reason(&self) -> String {
        self.kind.to_string()
    }
}

impl fmt::Display for ExpandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "failed to process {}: {}",
            go_quote(&self.word),
            self.kind
        )
    }
}

impl std::error::Error for ExpandError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_buildkits() {
        let e = |kind| {
            ExpandError {
                word: "${X:?missing}".into(),
                kind,
            }
            .to_string()
        };
        let required = ExpandErrorKind::Required {
            name: "X".into(),
            message: "missing".into(),
        };
        assert_eq!(
            e(required),
            r#"failed to process "${X:?missing}": X: missing"#
        );
        assert_eq!(
            e(ExpandErrorKind::MissingBrace),
            r#"failed to process "${X:?missing}": syntax error: missing '}'"#
        );
        assert_eq!(
            ExpandErrorKind::InvalidPattern {
                pattern: "\\".into(),
                escaped: '\u{FFFD}'
            }
            .to_string(),
            "invalid pattern (\\) in substitution: invalid escape '\\\u{FFFD}'"
        );
        assert_eq!(
            ExpandErrorKind::UnsupportedModifier(":=".into()).to_string(),
            "unsupported modifier (:=) in substitution"
        );
    }
}
