//! The shell AST: scripts, lists, pipelines, commands, words and redirections, every node with its byte span.
use drydock_text::TextRange;
use std::sync::{Arc, OnceLock};

/// A parsed script: the complete commands dash would run one after another, then (maybe) the syntax
/// error that stopped the parse. dash parses and runs a script one complete command at a time, so
/// the commands before a syntax error still run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Script {
    pub commands: Vec<List>,
    pub error: Option<crate::error::SyntaxError>,
    /// Not-simulated constructs and other notes, with spans.
    pub diagnostics: Vec<drydock_text::Diagnostic>,
}

/// A sequence of and-or lists separated by `;`, `&` or newlines.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    pub items: Vec<AndOr>,
    pub span: TextRange,
}

/// Pipelines joined by `&&` / `||`, optionally run "in the background" (`&`).
#[derive(Debug, Clone, PartialEq)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(AndOrOp, Pipeline)>,
    pub background: bool,
    pub span: TextRange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AndOrOp {
    And,
    Or,
}

/// `[!] cmd | cmd …`
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub bang: bool,
    pub commands: Vec<Command>,
    pub span: TextRange,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Simple(SimpleCommand),
    Compound(CompoundCommand),
    Function(FunctionDef),
}

impl Command {
    pub fn span(&self) -> TextRange {
        match self {
            Command::Simple(c) => c.span,
            Command::Compound(c) => c.span,
            Command::Function(f) => f.span,
        }
    }
}

/// `NAME=value … word … redirections`
#[derive(Debug, Clone, PartialEq)]
pub struct SimpleCommand {
    pub assigns: Vec<Assign>,
    pub words: Vec<Word>,
    pub redirects: Vec<Redirect>,
    pub span: TextRange,
    /// 1-based line of the command (dash's error prefix `sh: LINE:`).
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assign {
    pub name: String,
    pub value: Word,
    pub span: TextRange,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompoundCommand {
    pub kind: CompoundKind,
    pub redirects: Vec<Redirect>,
    pub span: TextRange,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompoundKind {
    Brace(List),
    Subshell(List),
    If {
        branches: Vec<(List, List)>,
        else_body: Option<List>,
    },
    For {
        var: String,
        words: Option<Vec<Word>>,
        body: List,
    },
    While {
        cond: List,
        body: List,
        until: bool,
    },
    Case {
        word: Word,
        arms: Vec<CaseArm>,
    },
    /// bash's `[[ … ]]` (bash dialect only): the words between the brackets, operators included
    /// as literal words.
    DoubleBracket(Vec<Word>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseArm {
    pub patterns: Vec<Word>,
    pub body: Option<List>,
    pub span: TextRange,
}

/// `name() body`
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub body: Arc<Command>,
    pub span: TextRange,
}

/// A word: parts concatenated, before expansion.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Word {
    pub parts: Vec<WordPart>,
    pub span: TextRange,
}

impl Word {
    /// The word's text when it is nothing but unquoted literal characters.
    pub fn as_literal(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [WordPart::Lit(s)] => Some(s),
            [] => Some(""),
            _ => None,
        }
    }

    /// Whether any part is quoted (single, double or backslash).
    pub fn has_quotes(&self) -> bool {
        self.parts.iter().any(|p| !matches!(p, WordPart::Lit(_)))
    }

    /// The text after quote removal, with expansions left out: what a here-document delimiter
    /// compares against.
    pub fn unquoted_text(&self) -> String {
        let mut s = String::new();
        for p in &self.parts {
            p.push_plain(&mut s);
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum WordPart {
    /// Unquoted literal text (subject to globbing; tilde at a word start).
    Lit(String),
    /// Quoted literal text: `'…'`, `\c`, or the literal runs inside `"…"`.
    Quoted(String),
    /// `"…"`.
    DQuoted(Vec<WordPart>),
    Param(Box<ParamExp>),
    /// `$(…)` or `` `…` ``.
    CmdSub(Box<List>),
    /// `$((…))`: the inner word is expanded, then evaluated.
    Arith(Box<Word>),
}

impl WordPart {
    fn push_plain(&self, s: &mut String) {
        match self {
            WordPart::Lit(t) | WordPart::Quoted(t) => s.push_str(t),
            WordPart::DQuoted(parts) => {
                for p in parts {
                    p.push_plain(s);
                }
            }
            WordPart::Param(p) => {
                s.push('$');
                s.push_str(&p.name.to_string());
            }
            WordPart::CmdSub(_) | WordPart::Arith(_) => {}
        }
    }
}

/// The parameter a `$…` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamName {
    Var(String),
    Positional(u32),
    /// One of `@ * # ? - $ ! 0`.
    Special(char),
}

impl std::fmt::Display for ParamName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamName::Var(v) => f.write_str(v),
            ParamName::Positional(n) => write!(f, "{n}"),
            ParamName::Special(c) => write!(f, "{c}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParamExp {
    pub name: ParamName,
    pub op: ParamOp,
    /// Whether the expansion sits inside double quotes (patterns and words then follow dquote rules).
    pub span: TextRange,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ParamOp {
    /// `$x` / `${x}`
    Plain,
    /// `${#x}`
    Length,
    /// `${x-w}` / `${x:-w}`
    Default { colon: bool, word: Word },
    /// `${x=w}` / `${x:=w}`
    Assign { colon: bool, word: Word },
    /// `${x?w}` / `${x:?w}`
    Error { colon: bool, word: Word },
    /// `${x+w}` / `${x:+w}`
    Alt { colon: bool, word: Word },
    /// `${x#p}` / `${x##p}`
    TrimPrefix { longest: bool, pattern: Word },
    /// `${x%p}` / `${x%%p}`
    TrimSuffix { longest: bool, pattern: Word },
    /// A form dash does not know (`${x/a/b}` outside bash, `${a[0]}`, `${x:1}`): parsed up to its
    /// `}`, fails with `Bad substitution` when expanded.
    Bad,
    /// bash's `${x/p/r}` / `${x//p/r}` (accepted only in bash mode).
    Replace {
        all: bool,
        pattern: Word,
        with: Word,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Redirect {
    /// Explicit fd (`2>`), else the operator's default.
    pub fd: Option<u32>,
    pub op: RedirOp,
    pub target: RedirTarget,
    pub span: TextRange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirOp {
    /// `<`
    In,
    /// `>`
    Out,
    /// `>|`
    Clobber,
    /// `>>`
    Append,
    /// `<&`
    DupIn,
    /// `>&`
    DupOut,
    /// `<>`
    ReadWrite,
    /// `<<` / `<<-`
    HereDoc,
}

impl RedirOp {
    pub fn default_fd(self) -> u32 {
        match self {
            RedirOp::In | RedirOp::DupIn | RedirOp::ReadWrite | RedirOp::HereDoc => 0,
            _ => 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum RedirTarget {
    Word(Word),
    HereDoc(HereDoc),
}

/// A here-document. The body is read when the parser reaches the end of the line that holds the
/// operator, so it is filled in after the node is built.
#[derive(Debug, Clone)]
pub struct HereDoc {
    pub delimiter: String,
    pub strip_tabs: bool,
    /// Quoted delimiter: the body is taken literally.
    pub quoted: bool,
    pub body: Arc<OnceLock<Word>>,
}

impl PartialEq for HereDoc {
    fn eq(&self, other: &Self) -> bool {
        self.delimiter == other.delimiter
            && self.strip_tabs == other.strip_tabs
            && self.quoted == other.quoted
            && self.body.get() == other.body.get()
    }
}
