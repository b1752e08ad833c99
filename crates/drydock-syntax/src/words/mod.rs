//! BuildKit's builder-side word expansion (`$VAR`, `${VAR:-x}`, `${VAR#p}`, quotes, escapes), an
//! exact mirror of `frontend/dockerfile/shell/lex.go`: same results, same word splitting, same
//! error texts.
//!
//! Entry points: [`Lexer::process_word`] (one word, quotes removed, whitespace kept),
//! [`Lexer::process_words`] (expansion then splitting on unquoted whitespace, as EXPOSE does),
//! [`expand_heredoc`] (unquoted COPY/ADD heredoc bodies) and the default-lexer shorthands
//! [`process_word`] / [`process_words`]. Variables come from any [`Env`]; unset variables expand
//! to the empty string. [`expands`] / [`expansion_of`] say which instructions the builder expands.
//!
//! Everything is total: any input gives a value or an [`ExpandError`] carrying BuildKit's message.
//! Lexing is linear in the word; a glob match costs O(value × pattern) with no backtracking (`//`
//! searches once per match, as Go does). A word without `$`, quotes or the escape char is returned
//! borrowed, without allocating.
//!
//! Files: `lexer` (the state machine), `split` (word splitting), `pattern` (globs → Go regexp
//! text, compiled globs, the reverse helpers), `matcher` (leftmost-first glob matching),
//! `replace` (trim/replace and Go's replacement templates), `env`, `error`, `goquote` (Go's
//! `strconv.Quote`), `instructions` (which instructions expand), `unicode` + `unicode_tables`
//! (Go's letter/digit/print classes).

mod env;
mod error;
mod goquote;
mod instructions;
mod lexer;
mod matcher;
mod pattern;
mod replace;
mod split;
mod unicode;
mod unicode_tables;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

pub use env::{Env, NoEnv};
pub use error::{ExpandError, ExpandErrorKind};
pub use goquote::go_quote;
pub use instructions::{InstructionExpansion, expands, expansion_of};
pub use pattern::{reverse_pattern, reverse_string, shell_pattern_to_regex};

/// How deeply operands may nest (`${a:-${b:-…}}`) before Drydock gives up with
/// [`ExpandErrorKind::TooDeep`]; BuildKit has no limit, real Dockerfiles use 2 or 3.
pub const MAX_NESTING: usize = 32;

/// BuildKit's `shell.Lex`: the escape character and the four options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lexer {
    escape: char,
    raw_quotes: bool,
    raw_escapes: bool,
    skip_process_quotes: bool,
    skip_unset_env: bool,
}

impl Default for Lexer {
    fn default() -> Self {
        Self::new('\\')
    }
}

/// The result of expanding one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion<'w> {
    /// The expanded word (borrowed when nothing needed expanding).
    pub value: Cow<'w, str>,
    /// Variable names looked up and found, sorted, without duplicates.
    pub matched: Vec<&'w str>,
    /// Variable names looked up and not set (what the `UndefinedVar` lint reports), sorted,
    /// without duplicates.
    pub unmatched: Vec<&'w str>,
}

impl Lexer {
    /// A lexer with `escape` as the escape character (`\`, or `` ` `` under `# escape=``).
    pub const fn new(escape: char) -> Self {
        Self {
            escape,
            raw_quotes: false,
            raw_escapes: false,
            skip_process_quotes: false,
            skip_unset_env: false,
        }
    }

    /// `RawQuotes`: keep the quote characters in the result (quoting still applies).
    #[must_use]
    pub const fn raw_quotes(mut self, on: bool) -> Self {
        self.raw_quotes = on;
        self
    }

    /// `RawEscapes`: keep the escape characters in the result (escaping still applies).
    #[must_use]
    pub const fn raw_escapes(mut self, on: bool) -> Self {
        self.raw_escapes = on;
        self
    }

    /// `SkipProcessQuotes`: quotes are ordinary characters.
    #[must_use]
    pub const fn skip_process_quotes(mut self, on: bool) -> Self {
        self.skip_process_quotes = on;
        self
    }

    /// `SkipUnsetEnv`: references to unset variables are kept as written (`$X`, `${X:-d}`).
    #[must_use]
    pub const fn skip_unset_env(mut self, on: bool) -> Self {
        self.skip_unset_env = on;
        self
    }

    /// The escape character.
    pub const fn escape(&self) -> char {
        self.escape
    }

    /// Whether `word` holds nothing this lexer would change (no `$`, quote or escape char, and
    /// no leading byte order mark, which Go's scanner drops).
    fn is_plain(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if word.starts_with('\u{FEFF}') {
            return false;
        }
        let special = if self.skip_process_quotes {
            memchr::memchr(b'$', bytes)
        } else {
            memchr::memchr3(b'$', b'\'', b'"', bytes)
        };
        if special.is_some() {
            return false;
        }
        if self.escape.is_ascii() {
            memchr::memchr(self.escape as u8, bytes).is_none()
        } else {
            !word.contains(self.escape)
        }
    }

    /// BuildKit's `ProcessWordWithMatches`: expands `word` into one string (quotes removed,
    /// whitespace preserved) and reports which variables it looked up.
    pub fn process_word<'w, E: Env + ?Sized>(
        &self,
        word: &'w str,
        env: &E,
    ) -> Result<Expansion<'w>, ExpandError> {
        if self.is_plain(word) {
            return Ok(Expansion {
                value: Cow::Borrowed(word),
                matched: Vec::new(),
                unmatched: Vec::new(),
            });
        }
        let out = lexer::Run::new(*self, word, env, false, true)
            .process()
            .map_err(|kind| ExpandError {
                word: word.to_owned(),
                kind,
            })?;
        Ok(Expansion {
            value: Cow::Owned(out.value),
            matched: sorted(out.matched),
            unmatched: sorted(out.unmatched),
        })
    }

    /// BuildKit's `ProcessWords`: expands `word`, then splits it on whitespace that is neither
    /// quoted nor escaped (whitespace coming from variable values does split). Empty words are
    /// dropped, so `""` gives no word at all.
    pub fn process_words<E: Env + ?Sized>(
        &self,
        word: &str,
        env: &E,
    ) -> Result<Vec<String>, ExpandError> {
        if self.is_plain(word) {
            return Ok(word
                .split(unicode::is_space)
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect());
        }
        lexer::Run::new(*self, word, env, true, false)
            .process()
            .map(|out| out.words)
            .map_err(|kind| ExpandError {
                word: word.to_owned(),
                kind,
            })
    }
}

fn sorted(mut names: Vec<&str>) -> Vec<&str> {
    drydock_text::sort::sort(&mut names);
    names.dedup();
    names
}

/// [`Lexer::process_word`] with the default escape character `\`.
pub fn process_word<'w, E: Env + ?Sized>(
    word: &'w str,
    env: &E,
) -> Result<Expansion<'w>, ExpandError> {
    Lexer::default().process_word(word, env)
}

/// [`Lexer::process_words`] with the default escape character `\`.
pub fn process_words<E: Env + ?Sized>(word: &str, env: &E) -> Result<Vec<String>, ExpandError> {
    Lexer::default().process_words(word, env)
}

/// BuildKit's `ExpandRaw` for the body of an unquoted COPY/ADD heredoc (`<<EOF`, not `<<"EOF"`):
/// quotes are ordinary characters and `\` (always `\`, whatever the `escape` directive says)
/// escapes the next character, so `\$` → `$`, `\\` → `\` and `\x` → `x`.
pub fn expand_heredoc<'w, E: Env + ?Sized>(
    body: &'w str,
    env: &E,
) -> Result<Expansion<'w>, ExpandError> {
    Lexer::new('\\')
        .skip_process_quotes(true)
        .process_word(body, env)
}
