//! Tokenizer: operators, newlines, IO numbers and words (quotes, `$` expansions, backquotes),
//! with dash's line continuation and comment rules. Words that contain `$(…)` recurse into the parser.
use crate::ast::{ParamExp, ParamName, ParamOp, Word, WordPart};
use crate::error::SyntaxError;
use crate::parser::{PResult, Parser};
use drydock_text::TextRange;

/// Operators dash recognizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    AndAnd,
    OrOr,
    DSemi,
    Semi,
    Amp,
    Pipe,
    LParen,
    RParen,
    Less,
    Great,
    DGreat,
    LessAnd,
    GreatAnd,
    LessGreat,
    DLess,
    DLessDash,
    Clobber,
}

impl Op {
    pub fn text(self) -> &'static str {
        match self {
            Op::AndAnd => "&&",
            Op::OrOr => "||",
            Op::DSemi => ";;",
            Op::Semi => ";",
            Op::Amp => "&",
            Op::Pipe => "|",
            Op::LParen => "(",
            Op::RParen => ")",
            Op::Less => "<",
            Op::Great => ">",
            Op::DGreat => ">>",
            Op::LessAnd => "<&",
            Op::GreatAnd => ">&",
            Op::LessGreat => "<>",
            Op::DLess => "<<",
            Op::DLessDash => "<<-",
            Op::Clobber => ">|",
        }
    }

    pub fn is_redirect(self) -> bool {
        matches!(
            self,
            Op::Less
                | Op::Great
                | Op::DGreat
                | Op::LessAnd
                | Op::GreatAnd
                | Op::LessGreat
                | Op::DLess
                | Op::DLessDash
                | Op::Clobber
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Word(Word),
    IoNumber(u32),
    Op(Op),
    Newline,
    Eof,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: TextRange,
}

impl Token {
    /// How dash names the token in `Syntax error: X unexpected`.
    pub fn describe(&self) -> String {
        match &self.tok {
            Tok::Eof => "end of file".into(),
            Tok::Newline => "newline".into(),
            Tok::IoNumber(_) => "redirection".into(),
            Tok::Op(op) if op.is_redirect() => "redirection".into(),
            Tok::Op(op) => format!("\"{}\"", op.text()),
            Tok::Word(w) => match w.as_literal() {
                Some(s) if crate::parser::is_reserved(s) => format!("\"{s}\""),
                _ => "word".into(),
            },
        }
    }

    /// The unquoted literal text when this token is a plain word.
    pub fn literal(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => w.as_literal(),
            _ => None,
        }
    }
}

/// Where a word is being read: decides which characters end it and how quotes behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// An ordinary unquoted word.
    Normal,
    /// Inside `"…"`.
    DQuote,
    /// An unquoted here-document body (`"` is literal).
    HereDoc,
    /// The word of `${x:-word}`; `dq` when the expansion is inside double quotes.
    Brace { dq: bool },
    /// The pattern of `${x#pat}` / `${x%pat}` inside double quotes: quoting rules of double
    /// quotes, but unquoted characters stay pattern characters.
    BracePat,
    /// Inside `$((…))`.
    Arith,
}

fn is_meta(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | ';' | '&' | '|' | '(' | ')' | '<' | '>'
    )
}

pub(crate) fn is_name_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic()
}

pub(crate) fn is_name_char(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric()
}

/// Whether `s` is a valid shell variable name.
pub fn is_name(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(is_name_start) && cs.all(is_name_char)
}

impl Parser<'_> {
    /// The character at `pos` without skipping anything.
    pub(crate) fn raw(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    pub(crate) fn raw_at(&self, at: usize) -> Option<char> {
        self.src.get(at..).and_then(|s| s.chars().next())
    }

    /// Skips backslash-newline pairs (line continuations) at `pos`.
    pub(crate) fn skip_continuations(&mut self) {
        while self
            .src
            .get(self.pos..)
            .is_some_and(|s| s.starts_with("\\\n"))
        {
            self.pos += 2;
        }
    }

    /// The current character after line continuations.
    pub(crate) fn cur(&mut self) -> Option<char> {
        self.skip_continuations();
        self.raw()
    }

    /// The character after the current one (after continuations on both).
    pub(crate) fn peek2(&mut self) -> Option<char> {
        self.skip_continuations();
        let c = self.raw()?;
        let mut at = self.pos + c.len_utf8();
        while self.src.get(at..).is_some_and(|s| s.starts_with("\\\n")) {
            at += 2;
        }
        self.raw_at(at)
    }

    pub(crate) fn bump(&mut self) -> Option<char> {
        let c = self.cur()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    pub(crate) fn eat(&mut self, c: char) -> bool {
        if self.cur() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    pub(crate) fn err_at(&self, at: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            line: self.line_at(at),
            range: self.span(at, (at + 1).min(self.src.len()).max(at)),
        }
    }

    fn skip_blanks(&mut self) {
        loop {
            match self.cur() {
                Some(' ' | '\t') => self.pos += 1,
                Some('#') => {
                    while let Some(c) = self.raw() {
                        if c == '\n' {
                            break;
                        }
                        self.pos += c.len_utf8();
                    }
                }
                _ => break,
            }
        }
    }

    /// Reads the next token (or returns the peeked one).
    pub(crate) fn next_token(&mut self) -> PResult<Token> {
        if let Some(t) = self.peeked.take() {
            return Ok(t);
        }
        self.lex_token()
    }

    pub(crate) fn peek_token(&mut self) -> PResult<&Token> {
        if self.peeked.is_none() {
            let t = self.lex_token()?;
            self.peeked = Some(t);
        }
        match &self.peeked {
            Some(t) => Ok(t),
            None => Err(self.err_at(self.pos, "Syntax error: internal")),
        }
    }

    fn lex_token(&mut self) -> PResult<Token> {
        self.skip_blanks();
        let start = self.pos;
        let Some(c) = self.cur() else {
            self.finish_heredocs_at_eof();
            return Ok(Token {
                tok: Tok::Eof,
                span: self.span(start, start),
            });
        };
        if c == '\n' {
            self.pos += 1;
            self.read_heredoc_bodies()?;
            return Ok(Token {
                tok: Tok::Newline,
                span: self.span(start, start + 1),
            });
        }
        if let Some(op) = self.lex_op() {
            return Ok(Token {
                tok: Tok::Op(op),
                span: self.span(start, self.pos),
            });
        }
        if c.is_ascii_digit() {
            let mut at = self.pos;
            let mut n: u64 = 0;
            while let Some(d) = self.raw_at(at).and_then(|c| c.to_digit(10)) {
                n = (n * 10 + u64::from(d)).min(u64::from(u32::MAX));
                at += 1;
            }
            if matches!(self.raw_at(at), Some('<' | '>')) {
                self.pos = at;
                let n = u32::try_from(n).unwrap_or(u32::MAX);
                return Ok(Token {
                    tok: Tok::IoNumber(n),
                    span: self.span(start, at),
                });
            }
        }
        let parts = self.read_parts(Mode::Normal)?;
        let word = Word {
            parts,
            span: self.span(start, self.pos),
        };
        Ok(Token {
            tok: Tok::Word(word),
            span: self.span(start, self.pos),
        })
    }

    fn lex_op(&mut self) -> Option<Op> {
        let c = self.cur()?;
        let op = match c {
            '&' | '|' | ';' | '(' | ')' | '<' | '>' => c,
            _ => return None,
        };
        self.pos += 1;
        let next = self.cur();
        let two = |p: &mut Self, o: Op| {
            p.pos += 1;
            Some(o)
        };
        match (op, next) {
            ('&', Some('&')) => two(self, Op::AndAnd),
            ('&', _) => Some(Op::Amp),
            ('|', Some('|')) => two(self, Op::OrOr),
            ('|', _) => Some(Op::Pipe),
            (';', Some(';')) => two(self, Op::DSemi),
            (';', _) => Some(Op::Semi),
            ('(', _) => Some(Op::LParen),
            (')', _) => Some(Op::RParen),
            ('<', Some('<')) => {
                self.pos += 1;
                if self.cur() == Some('-') {
                    self.pos += 1;
                    Some(Op::DLessDash)
                } else {
                    Some(Op::DLess)
                }
            }
            ('<', Some('&')) => two(self, Op::LessAnd),
            ('<', Some('>')) => two(self, Op::LessGreat),
            ('<', _) => Some(Op::Less),
            ('>', Some('>')) => two(self, Op::DGreat),
            ('>', Some('&')) => two(self, Op::GreatAnd),
            ('>', Some('|')) => two(self, Op::Clobber),
            ('>', _) => Some(Op::Great),
            _ => None,
        }
    }

    /// Reads the parts of a word in `mode` up to (not including) the character that ends it.
    pub(crate) fn read_parts(&mut self, mode: Mode) -> PResult<Vec<WordPart>> {
        self.enter()?;
        let r = self.read_parts_inner(mode);
        self.leave();
        r
    }

    fn read_parts_inner(&mut self, mode: Mode) -> PResult<Vec<WordPart>> {
        let mut parts: Vec<WordPart> = Vec::new();
        let mut lit = String::new();
        let quoted_lit = !matches!(
            mode,
            Mode::Normal | Mode::Brace { dq: false } | Mode::BracePat
        );
        let mut arith_depth = 0u32;
        macro_rules! flush {
            () => {
                if !lit.is_empty() {
                    let t = std::mem::take(&mut lit);
                    parts.push(if quoted_lit {
                        WordPart::Quoted(t)
                    } else {
                        WordPart::Lit(t)
                    });
                }
            };
        }
        loop {
            let here_mode = mode == Mode::HereDoc;
            if !here_mode {
                self.skip_continuations();
            }
            let Some(c) = self.raw() else {
                match mode {
                    Mode::DQuote => {
                        return Err(
                            self.err_at(self.pos, "Syntax error: Unterminated quoted string")
                        );
                    }
                    Mode::Brace { .. } | Mode::BracePat => {
                        return Err(self.err_at(self.pos, "Syntax error: Missing '}'"));
                    }
                    Mode::Arith => return Err(self.err_at(self.pos, "Syntax error: Missing '))'")),
                    _ => break,
                }
            };
            match mode {
                Mode::Normal if is_meta(c) => break,
                Mode::DQuote if c == '"' => break,
                Mode::Brace { .. } | Mode::BracePat if c == '}' => break,
                Mode::Arith if c == ')' && arith_depth == 0 => break,
                _ => {}
            }
            let start = self.pos;
            match c {
                '\\' => {
                    self.pos += 1;
                    let Some(n) = self.raw() else {
                        lit.push('\\');
                        continue;
                    };
                    let escapable = match mode {
                        Mode::Normal | Mode::Brace { dq: false } => true,
                        Mode::DQuote | Mode::Arith => matches!(n, '$' | '`' | '"' | '\\' | '\n'),
                        Mode::Brace { dq: true } | Mode::BracePat => {
                            matches!(n, '$' | '`' | '"' | '\\' | '\n' | '}')
                        }
                        Mode::HereDoc => matches!(n, '$' | '`' | '\\' | '\n'),
                    };
                    if n == '\n' {
                        self.pos += 1;
                        continue;
                    }
                    if escapable {
                        self.pos += n.len_utf8();
                        flush!();
                        parts.push(WordPart::Quoted(n.to_string()));
                    } else {
                        lit.push('\\');
                    }
                }
                '\'' if matches!(mode, Mode::Normal | Mode::Brace { dq: false }) => {
                    self.pos += 1;
                    let rest = self.src.get(self.pos..).unwrap_or("");
                    let Some(end) = rest.find('\'') else {
                        return Err(self.err_at(start, "Syntax error: Unterminated quoted string"));
                    };
                    flush!();
                    parts.push(WordPart::Quoted(rest.get(..end).unwrap_or("").to_owned()));
                    self.pos += end + 1;
                }
                '"' if mode != Mode::HereDoc && mode != Mode::DQuote => {
                    self.pos += 1;
                    let inner = self.read_parts(Mode::DQuote)?;
                    if !self.eat('"') {
                        return Err(self.err_at(start, "Syntax error: Unterminated quoted string"));
                    }
                    flush!();
                    parts.push(WordPart::DQuoted(inner));
                }
                '$' => {
                    self.pos += 1;
                    let dq = !matches!(mode, Mode::Normal | Mode::Brace { dq: false });
                    match self.read_dollar(start, dq)? {
                        Some(p) => {
                            flush!();
                            parts.push(p);
                        }
                        None => lit.push('$'),
                    }
                }
                '`' => {
                    self.pos += 1;
                    let p = self.read_backquote(start, mode == Mode::DQuote)?;
                    flush!();
                    parts.push(p);
                }
                _ => {
                    if mode == Mode::Arith {
                        if c == '(' {
                            arith_depth += 1;
                        } else if c == ')' {
                            arith_depth = arith_depth.saturating_sub(1);
                        }
                    }
                    self.pos += c.len_utf8();
                    lit.push(c);
                }
            }
        }
        flush!();
        Ok(parts)
    }

    /// After a `$` at `start`: the expansion it begins, or `None` for a literal `$`.
    fn read_dollar(&mut self, start: usize, dq: bool) -> PResult<Option<WordPart>> {
        let Some(c) = self.cur() else { return Ok(None) };
        match c {
            '{' => {
                self.pos += 1;
                self.read_braced_param(start, dq).map(Some)
            }
            '(' => {
                self.pos += 1;
                if self.cur() == Some('(') {
                    let save = self.save();
                    self.pos += 1;
                    match self.read_parts(Mode::Arith) {
                        Ok(inner) if self.cur() == Some(')') && self.peek2() == Some(')') => {
                            let inner_end = self.pos;
                            self.bump();
                            self.bump();
                            let w = Word {
                                parts: inner,
                                span: self.span(start + 3, inner_end),
                            };
                            return Ok(Some(WordPart::Arith(Box::new(w))));
                        }
                        Err(e) if e.message.contains("Missing '))'") => return Err(e),
                        _ => self.restore(save),
                    }
                }
                let list = self.parse_subst_list(start)?;
                Ok(Some(WordPart::CmdSub(Box::new(list))))
            }
            c if is_name_start(c) => {
                let mut name = String::new();
                while let Some(c) = self.cur().filter(|&c| is_name_char(c)) {
                    name.push(c);
                    self.pos += 1;
                }
                Ok(Some(self.param(
                    ParamName::Var(name),
                    ParamOp::Plain,
                    start,
                )))
            }
            c if c.is_ascii_digit() => {
                self.pos += 1;
                let n = c.to_digit(10).unwrap_or(0);
                let name = if n == 0 {
                    ParamName::Special('0')
                } else {
                    ParamName::Positional(n)
                };
                Ok(Some(self.param(name, ParamOp::Plain, start)))
            }
            '@' | '*' | '#' | '?' | '-' | '$' | '!' => {
                self.pos += 1;
                Ok(Some(self.param(
                    ParamName::Special(c),
                    ParamOp::Plain,
                    start,
                )))
            }
            _ => Ok(None),
        }
    }

    fn param(&self, name: ParamName, op: ParamOp, start: usize) -> WordPart {
        WordPart::Param(Box::new(ParamExp {
            name,
            op,
            span: self.span(start, self.pos),
        }))
    }

    /// `${…}` after the `${`.
    fn read_braced_param(&mut self, start: usize, dq: bool) -> PResult<WordPart> {
        let missing = |p: &Self| p.err_at(start, "Syntax error: Missing '}'");
        let mut length = false;
        if self.cur() == Some('#') {
            // `${#}` is `$#`; `${#name}` is a length; `${#-…}` and friends use `$#`.
            let next = self.peek2();
            match next {
                Some('}') | None => {}
                Some(c) if is_name_start(c) || c.is_ascii_digit() || "@*#?$!".contains(c) => {
                    self.pos += 1;
                    length = true;
                }
                Some('-') => {
                    // `${#-}` is the length of `$-`; `${#-w}` is `$#` with a default.
                    let save = self.save();
                    self.pos += 1;
                    self.bump();
                    if self.cur() == Some('}') {
                        self.restore(save);
                        self.pos += 1;
                        length = true;
                    } else {
                        self.restore(save);
                    }
                }
                _ => {}
            }
        }
        let name = match self.cur() {
            None => return Err(missing(self)),
            Some(c) if is_name_start(c) => {
                let mut name = String::new();
                while let Some(c) = self.cur().filter(|&c| is_name_char(c)) {
                    name.push(c);
                    self.pos += 1;
                }
                ParamName::Var(name)
            }
            Some(c) if c.is_ascii_digit() => {
                let mut n: u64 = 0;
                while let Some(d) = self.cur().and_then(|c| c.to_digit(10)) {
                    n = (n * 10 + u64::from(d)).min(u64::from(u32::MAX));
                    self.pos += 1;
                }
                if n == 0 {
                    ParamName::Special('0')
                } else {
                    ParamName::Positional(u32::try_from(n).unwrap_or(u32::MAX))
                }
            }
            Some(c @ ('@' | '*' | '#' | '?' | '-' | '$' | '!')) => {
                self.pos += 1;
                ParamName::Special(c)
            }
            Some(_) => return self.bad_subst(ParamName::Var(String::new()), start, dq),
        };
        if length {
            return match self.cur() {
                Some('}') => {
                    self.pos += 1;
                    Ok(self.param(name, ParamOp::Length, start))
                }
                None => Err(missing(self)),
                Some(_) => self.bad_subst(name, start, dq),
            };
        }
        let Some(c) = self.cur() else {
            return Err(missing(self));
        };
        let mut colon = false;
        let op_char = if c == ':' {
            self.pos += 1;
            colon = true;
            match self.cur() {
                Some(c @ ('-' | '=' | '?' | '+')) => c,
                None => return Err(missing(self)),
                Some(_) => return self.bad_subst(name, start, dq),
            }
        } else {
            c
        };
        let op = match op_char {
            '}' => {
                self.pos += 1;
                return Ok(self.param(name, ParamOp::Plain, start));
            }
            '-' | '=' | '?' | '+' => {
                self.pos += 1;
                let word = self.brace_word(dq)?;
                match op_char {
                    '-' => ParamOp::Default { colon, word },
                    '=' => ParamOp::Assign { colon, word },
                    '?' => ParamOp::Error { colon, word },
                    _ => ParamOp::Alt { colon, word },
                }
            }
            '#' | '%' => {
                self.pos += 1;
                let longest = self.eat(op_char);
                let mode = if dq {
                    Mode::BracePat
                } else {
                    Mode::Brace { dq: false }
                };
                let pattern = self.brace_word_mode(mode)?;
                if !self.eat('}') {
                    return Err(self.err_at(self.pos, "Syntax error: Missing '}'"));
                }
                if op_char == '#' {
                    ParamOp::TrimPrefix { longest, pattern }
                } else {
                    ParamOp::TrimSuffix { longest, pattern }
                }
            }
            '/' if self.bash => {
                self.pos += 1;
                let all = self.eat('/');
                let pstart = self.pos;
                let mut pat_parts = Vec::new();
                // The pattern ends at an unquoted `/` or `}`.
                loop {
                    let before = self.pos;
                    let mut chunk = self.read_parts_until_slash(dq)?;
                    pat_parts.append(&mut chunk);
                    if self.pos == before {
                        break;
                    }
                    if matches!(self.cur(), Some('/' | '}') | None) {
                        break;
                    }
                }
                let pattern = Word {
                    parts: pat_parts,
                    span: self.span(pstart, self.pos),
                };
                let with = if self.eat('/') {
                    self.brace_word_open(dq)?
                } else {
                    Word {
                        parts: Vec::new(),
                        span: self.span(self.pos, self.pos),
                    }
                };
                if !self.eat('}') {
                    return Err(missing(self));
                }
                return Ok(self.param(name, ParamOp::Replace { all, pattern, with }, start));
            }
            _ => return self.bad_subst(name, start, dq),
        };
        Ok(self.param(name, op, start))
    }

    /// A substitution dash cannot evaluate (`${x/a/b}`, `${a[0]}`, `${ x}`): dash reads it up to
    /// the closing brace and fails with `Bad substitution` only when it is expanded.
    fn bad_subst(&mut self, name: ParamName, start: usize, dq: bool) -> PResult<WordPart> {
        let _ = self.brace_word(dq)?;
        Ok(self.param(name, ParamOp::Bad, start))
    }

    fn read_parts_until_slash(&mut self, dq: bool) -> PResult<Vec<WordPart>> {
        // Reads literal characters up to `/` or `}`, delegating quotes and expansions.
        let mut parts = Vec::new();
        let mut lit = String::new();
        while let Some(c) = self.cur() {
            if c == '/' || c == '}' {
                break;
            }
            if matches!(c, '\\' | '\'' | '"' | '$' | '`') {
                if !lit.is_empty() {
                    parts.push(if dq {
                        WordPart::Quoted(std::mem::take(&mut lit))
                    } else {
                        WordPart::Lit(std::mem::take(&mut lit))
                    });
                }
                // One quoted unit: read it through a tiny Brace read that stops at the next
                // plain character.
                let save_pos = self.pos;
                let unit = self.read_one_unit(dq)?;
                parts.extend(unit);
                if self.pos == save_pos {
                    self.pos += c.len_utf8();
                }
                continue;
            }
            lit.push(c);
            self.pos += c.len_utf8();
        }
        if !lit.is_empty() {
            parts.push(if dq {
                WordPart::Quoted(lit)
            } else {
                WordPart::Lit(lit)
            });
        }
        Ok(parts)
    }

    fn read_one_unit(&mut self, dq: bool) -> PResult<Vec<WordPart>> {
        let start = self.pos;
        match self.cur() {
            Some('\\') => {
                self.pos += 1;
                match self.bump() {
                    Some(n) => Ok(vec![WordPart::Quoted(n.to_string())]),
                    None => Ok(vec![WordPart::Lit("\\".into())]),
                }
            }
            Some('\'') if !dq => {
                self.pos += 1;
                let rest = self.src.get(self.pos..).unwrap_or("");
                let Some(end) = rest.find('\'') else {
                    return Err(self.err_at(start, "Syntax error: Unterminated quoted string"));
                };
                let s = rest.get(..end).unwrap_or("").to_owned();
                self.pos += end + 1;
                Ok(vec![WordPart::Quoted(s)])
            }
            Some('"') => {
                self.pos += 1;
                let inner = self.read_parts(Mode::DQuote)?;
                if !self.eat('"') {
                    return Err(self.err_at(start, "Syntax error: Unterminated quoted string"));
                }
                Ok(vec![WordPart::DQuoted(inner)])
            }
            Some('$') => {
                self.pos += 1;
                Ok(vec![
                    self.read_dollar(start, dq)?
                        .unwrap_or(WordPart::Lit("$".into())),
                ])
            }
            Some('`') => {
                self.pos += 1;
                Ok(vec![self.read_backquote(start, dq)?])
            }
            _ => Ok(Vec::new()),
        }
    }

    fn brace_word_open(&mut self, dq: bool) -> PResult<Word> {
        self.brace_word_mode(Mode::Brace { dq })
    }

    fn brace_word_mode(&mut self, mode: Mode) -> PResult<Word> {
        let wstart = self.pos;
        let parts = self.read_parts(mode)?;
        Ok(Word {
            parts,
            span: self.span(wstart, self.pos),
        })
    }

    fn brace_word(&mut self, dq: bool) -> PResult<Word> {
        let w = self.brace_word_open(dq)?;
        if !self.eat('}') {
            return Err(self.err_at(self.pos, "Syntax error: Missing '}'"));
        }
        Ok(w)
    }

    /// `` `…` `` after the opening backquote: unescapes `\$ \` \\` (and `\"` inside double
    /// quotes), then parses the text as a script.
    fn read_backquote(&mut self, start: usize, dq: bool) -> PResult<WordPart> {
        let mut text = String::new();
        loop {
            let Some(c) = self.raw() else {
                return Err(self.err_at(start, "Syntax error: EOF in backquote substitution"));
            };
            self.pos += c.len_utf8();
            match c {
                '`' => break,
                '\\' => match self.raw() {
                    Some(n @ ('$' | '`' | '\\')) => {
                        self.pos += 1;
                        text.push(n);
                    }
                    Some('"') if dq => {
                        self.pos += 1;
                        text.push('"');
                    }
                    Some('\n') => {
                        self.pos += 1;
                    }
                    _ => text.push('\\'),
                },
                _ => text.push(c),
            }
        }
        let list = self.parse_nested(&text, start + 1)?;
        Ok(WordPart::CmdSub(Box::new(list)))
    }
}
