//! The sh parser: a total recursive-descent parser over dash's grammar. Lists, and-or lists,
//! pipelines and simple commands live here; each compound construct has its own file.
mod case_clause;
mod double_bracket;
mod for_clause;
mod function;
mod group;
mod heredoc;
mod if_clause;
mod redirect;
mod while_clause;

use crate::ast::{
    AndOr, AndOrOp, Assign, Command, List, Pipeline, Script, SimpleCommand, Word, WordPart,
};
use crate::error::SyntaxError;
use crate::lexer::{Op, Tok, Token, is_name};
use drydock_text::{LineIndex, TextRange};

pub(crate) type PResult<T> = Result<T, SyntaxError>;

/// Deepest nesting the parser follows before giving up (keeps the stack bounded).
const MAX_DEPTH: u32 = 200;

/// Options for parsing.
#[derive(Debug, Clone, Copy, Default)]
pub struct ParseOptions {
    /// Accept bash-only forms (`${x/a/b}`) as bash does.
    pub bash: bool,
}

/// Parses a whole script the way dash reads `sh -c` text: complete commands one after another,
/// stopping at the first syntax error. Never panics.
pub fn parse(src: &str) -> Script {
    parse_with(src, ParseOptions::default())
}

/// [`parse`] with options.
pub fn parse_with(src: &str, options: ParseOptions) -> Script {
    parse_lines(src, options, 0)
}

/// [`parse_with`] for text whose first line is line `line_base + 1` (`eval`).
pub(crate) fn parse_lines(src: &str, options: ParseOptions, line_base: u32) -> Script {
    let mut p = Parser::new(src, 0, line_base, options.bash);
    let mut script = Script::default();
    loop {
        match p.parse_complete_command() {
            Ok(Some(list)) => script.commands.push(list),
            Ok(None) => break,
            Err(e) => {
                script.diagnostics.push(e.to_diagnostic());
                script.error = Some(e);
                break;
            }
        }
    }
    script.diagnostics.append(&mut p.diagnostics);
    script
}

/// Reserved words (recognized only where a command may start).
pub fn is_reserved(s: &str) -> bool {
    matches!(
        s,
        "if" | "then"
            | "else"
            | "elif"
            | "fi"
            | "do"
            | "done"
            | "case"
            | "esac"
            | "while"
            | "until"
            | "for"
            | "{"
            | "}"
            | "!"
            | "in"
    )
}

/// Words that end a compound list.
fn ends_list(t: &Token) -> bool {
    match &t.tok {
        Tok::Eof | Tok::Op(Op::RParen | Op::DSemi) => true,
        Tok::Word(w) => matches!(
            w.as_literal(),
            Some("then" | "else" | "elif" | "fi" | "do" | "done" | "esac" | "}")
        ),
        _ => false,
    }
}

pub(crate) struct Saved {
    pos: usize,
    peeked: Option<Token>,
    heredocs: usize,
}

/// Parser state; the tokenizer (`lexer.rs`) is part of it because `$(…)` recurses into the parser.
pub struct Parser<'s> {
    pub(crate) src: &'s str,
    pub(crate) pos: usize,
    pub(crate) peeked: Option<Token>,
    pub(crate) pending_heredocs: Vec<crate::ast::HereDoc>,
    pub(crate) bash: bool,
    pub(crate) diagnostics: Vec<drydock_text::Diagnostic>,
    /// Added to every span (for text parsed out of a backquote or here-document).
    base: usize,
    line_base: u32,
    lines: LineIndex,
    depth: u32,
}

impl<'s> Parser<'s> {
    pub(crate) fn new(src: &'s str, base: usize, line_base: u32, bash: bool) -> Self {
        Self {
            src,
            pos: 0,
            peeked: None,
            pending_heredocs: Vec::new(),
            bash,
            diagnostics: Vec::new(),
            base,
            line_base,
            lines: LineIndex::new(src),
            depth: 0,
        }
    }

    pub(crate) fn span(&self, start: usize, end: usize) -> TextRange {
        TextRange::from_usize(self.base + start, self.base + end.max(start))
    }

    pub(crate) fn line_at(&self, at: usize) -> u32 {
        let l = self.lines.line_of(u32::try_from(at).unwrap_or(u32::MAX));
        self.line_base + u32::try_from(l).unwrap_or(u32::MAX - 1) + 1
    }

    fn local(&self, r: TextRange) -> usize {
        (r.start as usize).saturating_sub(self.base)
    }

    pub(crate) fn save(&self) -> Saved {
        Saved {
            pos: self.pos,
            peeked: self.peeked.clone(),
            heredocs: self.pending_heredocs.len(),
        }
    }

    pub(crate) fn restore(&mut self, s: Saved) {
        self.pos = s.pos;
        self.peeked = s.peeked;
        self.pending_heredocs.truncate(s.heredocs);
    }

    pub(crate) fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err_at(self.pos, "Syntax error: nesting too deep"));
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// `Syntax error: X unexpected` for the token `t`.
    pub(crate) fn unexpected(&self, t: &Token, expecting: Option<&str>) -> SyntaxError {
        let mut message = format!("Syntax error: {} unexpected", t.describe());
        if let Some(e) = expecting {
            message.push_str(&format!(" (expecting \"{e}\")"));
        }
        let at = self.local(t.span);
        SyntaxError {
            message,
            line: self.line_at(at),
            range: t.span,
        }
    }

    /// Records a "not simulated" warning at `span`.
    pub(crate) fn not_simulated(&mut self, span: TextRange, msg: &str) {
        self.diagnostics.push(
            drydock_text::Diagnostic::warning(crate::error::CODE_NOT_SIMULATED, span, msg)
                .with_hint("Drydock's shell runs this differently from a real container"),
        );
    }

    /// Warns about command names whose behaviour the interpreter does not simulate.
    fn check_simulated_command(&mut self, w: &Word, span: TextRange) {
        let msg = match w.as_literal() {
            Some("[[") if !self.bash => "`[[ … ]]` is bash-only: dash reports `[[: not found`",
            Some("alias") => "aliases are recorded but never expanded",
            Some("trap") => "traps are recorded; only the EXIT trap runs",
            Some("kill" | "jobs" | "fg" | "bg" | "disown") => "job control is not simulated",
            Some("ulimit" | "times") => "resource limits and times are not simulated",
            _ => return,
        };
        self.not_simulated(span, msg);
    }

    /// A list that must not be empty; at the end of input dash says what it expected next.
    pub(crate) fn nonempty_list(&mut self, expect: &str) -> PResult<List> {
        let l = self.parse_list(true)?;
        if l.items.is_empty() {
            let t = self.next_token()?;
            let exp = if t.tok == Tok::Eof {
                Some(expect)
            } else {
                None
            };
            return Err(self.unexpected(&t, exp));
        }
        Ok(l)
    }

    /// Consumes the reserved word `kw` or fails with dash's "expecting" error.
    pub(crate) fn expect_word(&mut self, kw: &str) -> PResult<Token> {
        let t = self.next_token()?;
        if t.literal() == Some(kw) {
            Ok(t)
        } else {
            Err(self.unexpected(&t, Some(kw)))
        }
    }

    pub(crate) fn expect_op(&mut self, op: Op) -> PResult<Token> {
        let t = self.next_token()?;
        if t.tok == Tok::Op(op) {
            Ok(t)
        } else {
            Err(self.unexpected(&t, Some(op.text())))
        }
    }

    pub(crate) fn skip_newlines(&mut self) -> PResult<()> {
        while self.peek_token()?.tok == Tok::Newline {
            self.next_token()?;
        }
        Ok(())
    }

    /// One top-level line: an and-or list up to a newline or the end. `None` at the end.
    fn parse_complete_command(&mut self) -> PResult<Option<List>> {
        self.skip_newlines()?;
        if self.peek_token()?.tok == Tok::Eof {
            return Ok(None);
        }
        let list = self.parse_list(false)?;
        let t = self.next_token()?;
        match t.tok {
            Tok::Newline | Tok::Eof => Ok(Some(list)),
            _ => Err(self.unexpected(&t, None)),
        }
    }

    /// The list of a `$(…)` starting at `start` (the `$`), after the `(`.
    pub(crate) fn parse_subst_list(&mut self, start: usize) -> PResult<List> {
        let outer = self.peeked.take();
        self.skip_newlines()?;
        let list = if self.peek_token()?.tok == Tok::Op(Op::RParen) {
            let at = self.pos;
            List {
                items: Vec::new(),
                span: self.span(at, at),
            }
        } else {
            self.parse_list(true)?
        };
        let t = self.next_token()?;
        if t.tok != Tok::Op(Op::RParen) {
            return Err(self.unexpected(&t, Some(")")));
        }
        self.peeked = outer;
        let _ = start;
        Ok(list)
    }

    /// Parses `text` (taken out of this source at `at`) as a nested script: backquotes.
    pub(crate) fn parse_nested(&mut self, text: &str, at: usize) -> PResult<List> {
        let mut p = Parser::new(text, self.base + at, self.line_at(at) - 1, self.bash);
        p.depth = self.depth;
        p.enter()?;
        let mut items = Vec::new();
        let end = loop {
            p.skip_newlines()?;
            if p.peek_token()?.tok == Tok::Eof {
                break text.len();
            }
            let list = p.parse_list(true)?;
            items.extend(list.items);
            let t = p.next_token()?;
            match t.tok {
                Tok::Eof => break text.len(),
                Tok::Newline => {}
                _ => return Err(p.unexpected(&t, None)),
            }
        };
        self.diagnostics.append(&mut p.diagnostics);
        Ok(List {
            items,
            span: TextRange::from_usize(self.base + at, self.base + at + end),
        })
    }

    /// A compound list: and-or lists separated by `;`, `&` or newlines, up to a token that ends
    /// a list. `nested` lists may be empty of trailing separators and end at `)`.
    pub(crate) fn parse_list(&mut self, nested: bool) -> PResult<List> {
        self.enter()?;
        let r = self.parse_list_inner(nested);
        self.leave();
        r
    }

    fn parse_list_inner(&mut self, nested: bool) -> PResult<List> {
        if nested {
            self.skip_newlines()?;
            if self.peek_token()?.tok == Tok::Eof {
                let at = self.pos;
                return Ok(List {
                    items: Vec::new(),
                    span: self.span(at, at),
                });
            }
        }
        let first_span = self.peek_token()?.span;
        let start = self.local(first_span);
        let mut items = Vec::new();
        loop {
            let mut item = self.parse_and_or()?;
            let t = self.peek_token()?.clone();
            match t.tok {
                Tok::Op(Op::Semi) | Tok::Op(Op::Amp) => {
                    self.next_token()?;
                    item.background = t.tok == Tok::Op(Op::Amp);
                    if item.background {
                        self.not_simulated(
                            t.span,
                            "`&` runs the command in the foreground: background jobs are not simulated",
                        );
                    }
                    items.push(item);
                    if !nested && self.peek_token()?.tok == Tok::Newline {
                        break;
                    }
                    if nested {
                        self.skip_newlines()?;
                    }
                    let n = self.peek_token()?;
                    if ends_list(n) || (!nested && n.tok == Tok::Newline) {
                        break;
                    }
                }
                Tok::Newline if nested => {
                    items.push(item);
                    self.skip_newlines()?;
                    if ends_list(self.peek_token()?) {
                        break;
                    }
                }
                _ => {
                    items.push(item);
                    break;
                }
            }
        }
        let end = self.pos;
        Ok(List {
            items,
            span: self.span(start, end),
        })
    }

    fn parse_and_or(&mut self) -> PResult<AndOr> {
        let first = self.parse_pipeline()?;
        let mut span = first.span;
        let mut rest = Vec::new();
        loop {
            let op = match self.peek_token()?.tok {
                Tok::Op(Op::AndAnd) => AndOrOp::And,
                Tok::Op(Op::OrOr) => AndOrOp::Or,
                _ => break,
            };
            self.next_token()?;
            self.skip_newlines()?;
            let p = self.parse_pipeline()?;
            span = span.cover(p.span);
            rest.push((op, p));
        }
        Ok(AndOr {
            first,
            rest,
            background: false,
            span,
        })
    }

    fn parse_pipeline(&mut self) -> PResult<Pipeline> {
        let mut bang = false;
        let start_span = self.peek_token()?.span;
        if self.peek_token()?.literal() == Some("!") {
            self.next_token()?;
            bang = true;
            if self.peek_token()?.literal() == Some("!") {
                let t = self.next_token()?;
                return Err(self.unexpected(&t, None));
            }
        }
        let mut commands = vec![self.parse_command()?];
        while self.peek_token()?.tok == Tok::Op(Op::Pipe) {
            self.next_token()?;
            self.skip_newlines()?;
            commands.push(self.parse_command()?);
        }
        let end = commands.last().map_or(start_span, Command::span);
        Ok(Pipeline {
            bang,
            commands,
            span: start_span.cover(end),
        })
    }

    fn parse_command(&mut self) -> PResult<Command> {
        self.enter()?;
        let r = self.parse_command_inner();
        self.leave();
        r
    }

    fn parse_command_inner(&mut self) -> PResult<Command> {
        let t = self.peek_token()?.clone();
        match &t.tok {
            Tok::Op(Op::LParen) => return self.parse_subshell().map(Command::Compound),
            Tok::Word(w) => match w.as_literal() {
                Some("if") => return self.parse_if().map(Command::Compound),
                Some("while") => return self.parse_while(false).map(Command::Compound),
                Some("until") => return self.parse_while(true).map(Command::Compound),
                Some("for") => return self.parse_for().map(Command::Compound),
                Some("case") => return self.parse_case().map(Command::Compound),
                Some("{") => return self.parse_brace().map(Command::Compound),
                Some("[[") if self.bash => {
                    return self.parse_double_bracket().map(Command::Compound);
                }
                Some(s) if is_reserved(s) => {
                    self.next_token()?;
                    return Err(self.unexpected(&t, None));
                }
                _ => {}
            },
            _ => {}
        }
        self.parse_simple()
    }

    fn parse_simple(&mut self) -> PResult<Command> {
        let first = self.peek_token()?.clone();
        let start = self.local(first.span);
        let line = self.line_at(start);
        let mut cmd = SimpleCommand {
            assigns: Vec::new(),
            words: Vec::new(),
            redirects: Vec::new(),
            span: first.span,
            line,
        };
        loop {
            let t = self.peek_token()?.clone();
            match &t.tok {
                Tok::IoNumber(_) => {
                    let r = self.parse_redirect()?;
                    cmd.span = cmd.span.cover(r.span);
                    cmd.redirects.push(r);
                }
                Tok::Op(op) if op.is_redirect() => {
                    let r = self.parse_redirect()?;
                    cmd.span = cmd.span.cover(r.span);
                    cmd.redirects.push(r);
                }
                Tok::Word(w) => {
                    self.next_token()?;
                    cmd.span = cmd.span.cover(t.span);
                    if cmd.words.is_empty() {
                        if let Some(a) = split_assignment(w) {
                            cmd.assigns.push(a);
                            continue;
                        }
                        // `name ( )` starts a function definition.
                        if cmd.assigns.is_empty()
                            && cmd.redirects.is_empty()
                            && self.peek_token()?.tok == Tok::Op(Op::LParen)
                        {
                            return self.parse_function(w, t.span);
                        }
                    }
                    if cmd.words.is_empty() {
                        self.check_simulated_command(w, t.span);
                    }
                    cmd.words.push(w.clone());
                }
                _ => break,
            }
        }
        if cmd.assigns.is_empty() && cmd.words.is_empty() && cmd.redirects.is_empty() {
            let t = self.next_token()?;
            return Err(self.unexpected(&t, None));
        }
        Ok(Command::Simple(cmd))
    }
}

/// `NAME=value` when the word starts with an unquoted valid name and `=`.
fn split_assignment(w: &Word) -> Option<Assign> {
    let Some(WordPart::Lit(first)) = w.parts.first() else {
        return None;
    };
    let eq = first.find('=')?;
    let name = first.get(..eq)?;
    if !is_name(name) {
        return None;
    }
    let rest = first.get(eq + 1..).unwrap_or("");
    let mut parts = Vec::new();
    if !rest.is_empty() {
        parts.push(WordPart::Lit(rest.to_owned()));
    }
    parts.extend(w.parts.iter().skip(1).cloned());
    let vstart = w
        .span
        .start
        .saturating_add(u32::try_from(eq + 1).unwrap_or(0));
    Some(Assign {
        name: name.to_owned(),
        value: Word {
            parts,
            span: TextRange::new(vstart.min(w.span.end), w.span.end),
        },
        span: w.span,
    })
}
