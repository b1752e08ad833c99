//! The expansion state machine, a line-by-line mirror of BuildKit's `shellWord`
//! (`frontend/dockerfile/shell/lex.go`): `processStopOn`, `processSingleQuote`,
//! `processDoubleQuote`, `processDollar`, `processName` and `getEnv`.

use std::borrow::Cow;

use super::env::Env;
use super::error::ExpandErrorKind;
use super::replace::{PatternError, replace, trim_prefix, trim_suffix};
use super::split::Words;
use super::unicode::{is_digit, is_letter};
use super::{Lexer, MAX_NESTING};

/// Go prints `string(rune(-1))` (a modifier read at the end of the word) as U+FFFD.
const EOF_RUNE: char = '\u{FFFD}';

/// Internal failure: an error, or "the stop character never came" (which every caller turns
/// into a syntax error, as BuildKit does).
enum Fail {
    Error(ExpandErrorKind),
    NoStop,
}

impl From<ExpandErrorKind> for Fail {
    fn from(kind: ExpandErrorKind) -> Self {
        Self::Error(kind)
    }
}

fn pattern_error((pattern, escaped): PatternError) -> Fail {
    Fail::Error(ExpandErrorKind::InvalidPattern { pattern, escaped })
}

/// What one run of the lexer produced.
pub(crate) struct Output<'s> {
    pub(crate) value: String,
    pub(crate) words: Vec<String>,
    pub(crate) matched: Vec<&'s str>,
    pub(crate) unmatched: Vec<&'s str>,
}

/// One expansion of one word (BuildKit's `shellWord`).
pub(crate) struct Run<'s, 'e, E: Env + ?Sized> {
    lex: Lexer,
    src: &'s str,
    pos: usize,
    env: &'e E,
    /// The current `rawEscapes` (temporarily changed by `#`, `%` and `/` operands).
    raw_escapes: bool,
    /// Whether to split words at all (only `process_words` needs them).
    split: bool,
    /// BuildKit's `wordsBuffer`, shared by every nesting level.
    buf: String,
    capture: bool,
    matched: Vec<&'s str>,
    unmatched: Vec<&'s str>,
    depth: usize,
    /// ASCII bytes that end a plain run: `$`, the escape char, quotes unless skipped.
    special: [bool; 128],
}

impl<'s, 'e, E: Env + ?Sized> Run<'s, 'e, E> {
    pub(crate) fn new(lex: Lexer, src: &'s str, env: &'e E, split: bool, capture: bool) -> Self {
        // Go's text/scanner skips a byte order mark at the very start.
        let pos = if src.starts_with('\u{FEFF}') {
            '\u{FEFF}'.len_utf8()
        } else {
            0
        };
        let mut special = [false; 128];
        for c in ['$', lex.escape, '\'', '"'] {
            let quote = c == '\'' || c == '"';
            if quote && lex.skip_process_quotes && c != lex.escape {
                continue;
            }
            if let Some(slot) = u8::try_from(c)
                .ok()
                .and_then(|b| special.get_mut(usize::from(b)))
            {
                *slot = true;
            }
        }
        Self {
            lex,
            src,
            pos,
            env,
            raw_escapes: lex.raw_escapes,
            split,
            buf: String::new(),
            capture,
            matched: Vec::new(),
            unmatched: Vec::new(),
            depth: 0,
            special,
        }
    }

    /// `shellWord.process`: the whole word (the caller adds the `failed to process` wrapper).
    pub(crate) fn process(mut self) -> Result<Output<'s>, ExpandErrorKind> {
        match self.process_stop_on(None, self.lex.raw_escapes) {
            Ok((value, words)) => Ok(Output {
                value,
                words,
                matched: self.matched,
                unmatched: self.unmatched,
            }),
            Err(Fail::Error(kind)) => Err(kind),
            // Unreachable: without a stop character the loop simply ends.
            Err(Fail::NoStop) => Err(ExpandErrorKind::MissingBrace),
        }
    }

    fn peek(&self) -> Option<char> {
        let b = *self.src.as_bytes().get(self.pos)?;
        if b.is_ascii() {
            return Some(char::from(b));
        }
        self.src.get(self.pos..).and_then(|r| r.chars().next())
    }

    /// Advances over characters satisfying `keep` (ASCII bytes tested directly).
    fn skip_while(&mut self, ascii: impl Fn(u8) -> bool, keep: impl Fn(char) -> bool) {
        while let Some(&b) = self.src.as_bytes().get(self.pos) {
            if b.is_ascii() {
                if !ascii(b) {
                    return;
                }
                self.pos += 1;
            } else {
                match self.peek() {
                    Some(c) if keep(c) => self.pos += c.len_utf8(),
                    _ => return,
                }
            }
        }
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// A run (at least one character) of characters with no meaning to `processStopOn`.
    fn plain_run(&mut self, stop: Option<char>) -> &'s str {
        let rest = self.src.get(self.pos..).unwrap_or_default();
        let mut end = rest.chars().next().map_or(0, char::len_utf8);
        // Stops are `}` and `/`; with an ASCII escape char every special character is ASCII, so
        // a byte scan stops on a char boundary. (A non-ASCII escape goes one char at a time.)
        if self.lex.escape.is_ascii() {
            let stop = stop.and_then(|c| u8::try_from(c).ok());
            let special = &self.special;
            end += rest
                .as_bytes()
                .get(end..)
                .unwrap_or_default()
                .iter()
                .position(|&b| Some(b) == stop || special.get(usize::from(b)).is_some_and(|&s| s))
                .unwrap_or(rest.len() - end);
        }
        let run = rest.get(..end).unwrap_or_default();
        self.pos += run.len();
        run
    }

    /// `processStopOn`: expands until `stop` (consumed) or, without one, the end of the word.
    fn process_stop_on(
        &mut self,
        stop: Option<char>,
        raw_escapes: bool,
    ) -> Result<(String, Vec<String>), Fail> {
        self.depth += 1;
        if self.depth > MAX_NESTING + 1 {
            return Err(ExpandErrorKind::TooDeep.into());
        }
        let saved = core::mem::replace(&mut self.raw_escapes, raw_escapes);
        let out = self.stop_on_inner(stop);
        self.raw_escapes = saved;
        self.depth -= 1;
        out
    }

    fn stop_on_inner(&mut self, stop: Option<char>) -> Result<(String, Vec<String>), Fail> {
        // The whole word's result is usually about as long as the word.
        let mut result = if self.depth == 1 {
            String::with_capacity(self.src.len().saturating_sub(self.pos) + 16)
        } else {
            String::new()
        };
        let mut words = Words::default();
        if self.split {
            self.buf.clear();
        }
        while let Some(ch) = self.peek() {
            if Some(ch) == stop {
                self.next();
                return Ok((result, words.finish(&mut self.buf)));
            }
            if ch == '$' {
                let value = self.process_dollar()?;
                result.push_str(&value);
                if self.split {
                    words.add_string(&mut self.buf, &value);
                }
            } else if !self.lex.skip_process_quotes && ch == '\'' {
                let value = self.process_single_quote()?;
                result.push_str(&value);
                if self.split {
                    words.add_raw_string(&mut self.buf, &value);
                }
            } else if !self.lex.skip_process_quotes && ch == '"' {
                let value = self.process_double_quote()?;
                result.push_str(&value);
                if self.split {
                    words.add_raw_string(&mut self.buf, &value);
                }
            } else if ch == self.lex.escape {
                self.next();
                if self.raw_escapes {
                    result.push(ch);
                    if self.split {
                        words.add_raw_char(&mut self.buf, ch);
                    }
                }
                // The escape char escapes the next character; at the end it vanishes.
                let Some(escaped) = self.next() else { break };
                result.push(escaped);
                if self.split {
                    words.add_raw_char(&mut self.buf, escaped);
                }
            } else {
                let run = self.plain_run(stop);
                result.push_str(run);
                if self.split {
                    words.add_string(&mut self.buf, run);
                }
            }
        }
        if stop.is_some() {
            return Err(Fail::NoStop);
        }
        Ok((result, words.finish(&mut self.buf)))
    }

    /// `processSingleQuote`: everything up to the next `'`, literally.
    fn process_single_quote(&mut self) -> Result<Cow<'s, str>, Fail> {
        self.next();
        let rest = self.src.get(self.pos..).unwrap_or_default();
        let Some(close) = rest.find('\'') else {
            self.pos = self.src.len();
            return Err(ExpandErrorKind::UnmatchedSingleQuote.into());
        };
        let body = rest.get(..close).unwrap_or_default();
        self.pos += close + 1;
        Ok(if self.lex.raw_quotes {
            Cow::Owned(format!("'{body}'"))
        } else {
            Cow::Borrowed(body)
        })
    }

    /// `processDoubleQuote`: expansions happen; the escape char only escapes `"`, `$` and
    /// itself and is kept literally before anything else.
    fn process_double_quote(&mut self) -> Result<String, Fail> {
        self.next();
        let mut result = String::new();
        if self.lex.raw_quotes {
            result.push('"');
        }
        let escape = self.lex.escape;
        loop {
            match self.peek() {
                None => return Err(ExpandErrorKind::UnmatchedDoubleQuote.into()),
                Some('"') => {
                    self.next();
                    if self.lex.raw_quotes {
                        result.push('"');
                    }
                    return Ok(result);
                }
                Some('$') => {
                    let value = self.process_dollar()?;
                    result.push_str(&value);
                }
                Some(c) if c == escape => {
                    self.next();
                    if self.raw_escapes {
                        result.push(c);
                    }
                    match self.peek() {
                        // An escape at the end is ignored (then the quote is unmatched).
                        None => continue,
                        Some(n) if n == '"' || n == '$' || n == escape => {
                            self.next();
                            result.push(n);
                        }
                        Some(_) => result.push(c),
                    }
                }
                Some(c) => {
                    self.next();
                    result.push(c);
                }
            }
        }
    }

    /// `processName`: a name of letters, digits and `_`; a leading digit takes all following
    /// digits (positional parameter); `@ * # ? - $ ! 0` alone are special parameters.
    fn process_name(&mut self) -> &'s str {
        let start = self.pos;
        match self.peek() {
            Some(c) if is_digit(c) => self.skip_while(|b| b.is_ascii_digit(), is_digit),
            Some('@' | '*' | '#' | '?' | '-' | '$' | '!' | '0') => self.pos += 1,
            _ => self.skip_while(
                |b| b.is_ascii_alphanumeric() || b == b'_',
                |c| is_letter(c) || is_digit(c) || c == '_',
            ),
        }
        self.src.get(start..self.pos).unwrap_or_default()
    }

    /// `getEnv`: looks `name` up and remembers whether it was found.
    fn get_env(&mut self, name: &'s str) -> Option<&'e str> {
        let value = self.env.get(name);
        if self.capture {
            if value.is_some() {
                self.matched.push(name);
            } else {
                self.unmatched.push(name);
            }
        }
        value
    }

    /// `processDollar`: `$name`, `${name}` and every `${name<modifier>…}` form.
    fn process_dollar(&mut self) -> Result<Cow<'e, str>, Fail> {
        self.next();
        if self.peek() != Some('{') {
            let name = self.process_name();
            if name.is_empty() {
                return Ok(Cow::Borrowed("$"));
            }
            return Ok(match self.get_env(name) {
                Some(v) => Cow::Borrowed(v),
                None if self.lex.skip_unset_env => Cow::Owned(format!("${name}")),
                None => Cow::Borrowed(""),
            });
        }
        self.next();
        match self.peek() {
            None => return Err(ExpandErrorKind::MissingBrace.into()),
            Some('{' | '}' | ':') => return Err(ExpandErrorKind::BadSubstitution.into()),
            Some(_) => {}
        }
        let name = self.process_name();
        let mut ch = self.next();
        let mut chs = String::from(ch.unwrap_or(EOF_RUNE));
        match ch {
            Some('}') => Ok(match self.get_env(name) {
                Some(v) => Cow::Borrowed(v),
                None if self.lex.skip_unset_env => Cow::Owned(format!("${{{name}}}")),
                None => Cow::Borrowed(""),
            }),
            Some(':' | '+' | '-' | '?' | '#' | '%') => {
                let null_is_unset = ch == Some(':');
                if null_is_unset {
                    ch = self.next();
                    chs.push(ch.unwrap_or(EOF_RUNE));
                }
                let raw_escapes = matches!(ch, Some('#' | '%'));
                if null_is_unset && raw_escapes {
                    return Err(ExpandErrorKind::UnsupportedModifier(chs).into());
                }
                let word = self.operand('}', raw_escapes, ExpandErrorKind::MissingBrace)?;
                // Grab the variable's value to decide what the modifier does.
                let found = self.get_env(name);
                if found.is_none() && self.lex.skip_unset_env {
                    return Ok(Cow::Owned(format!("${{{name}{chs}{word}}}")));
                }
                let value = found.unwrap_or_default();
                let null = found.is_none() || (null_is_unset && value.is_empty());
                match ch {
                    Some('-') => Ok(if null {
                        Cow::Owned(word)
                    } else {
                        Cow::Borrowed(value)
                    }),
                    Some('+') => Ok(if null {
                        Cow::Borrowed("")
                    } else {
                        Cow::Owned(word)
                    }),
                    Some('?') if found.is_none() => {
                        Err(required(name, word, "is not allowed to be unset"))
                    }
                    Some('?') if null => Err(required(name, word, "is not allowed to be empty")),
                    Some('?') => Ok(Cow::Borrowed(value)),
                    Some(op @ ('#' | '%')) => {
                        // `%`/`#` match the shortest pattern, `%%`/`##` the longest.
                        let (greedy, pattern) = match word.strip_prefix(op) {
                            Some(p) => (true, p),
                            None => (false, word.as_str()),
                        };
                        let trimmed = if op == '%' {
                            trim_suffix(pattern, value, greedy)
                        } else {
                            trim_prefix(pattern, value, greedy)
                        };
                        trimmed.map(Cow::Owned).map_err(pattern_error)
                    }
                    _ => Err(ExpandErrorKind::UnsupportedModifier(chs).into()),
                }
            }
            Some('/') => {
                let all = self.peek() == Some('/');
                if all {
                    self.next();
                }
                let pattern = self.operand('/', true, ExpandErrorKind::MissingSlash)?;
                let replacement = self.operand('}', true, ExpandErrorKind::MissingBrace)?;
                let value = self.get_env(name);
                if value.is_none() && self.lex.skip_unset_env {
                    return Ok(Cow::Owned(format!("${{{name}/{pattern}/{replacement}}}")));
                }
                replace(&pattern, value.unwrap_or_default(), &replacement, all)
                    .map(Cow::Owned)
                    .map_err(pattern_error)
            }
            _ => Err(ExpandErrorKind::UnsupportedModifier(chs).into()),
        }
    }

    /// The operand of a modifier, up to `stop`; failing at the end of the word is `at_end`.
    fn operand(
        &mut self,
        stop: char,
        raw_escapes: bool,
        at_end: ExpandErrorKind,
    ) -> Result<String, Fail> {
        match self.process_stop_on(Some(stop), raw_escapes) {
            Ok((word, _)) => Ok(word),
            Err(_) if self.peek().is_none() => Err(at_end.into()),
            Err(Fail::NoStop) => Err(at_end.into()),
            Err(e) => Err(e),
        }
    }
}

/// `${name?msg}` / `${name:?msg}` failing: the operand is the message, else BuildKit's default.
fn required(name: &str, word: String, default: &str) -> Fail {
    let message = if word.is_empty() {
        default.to_owned()
    } else {
        word
    };
    Fail::Error(ExpandErrorKind::Required {
        name: name.to_owned(),
        message,
    })
}
