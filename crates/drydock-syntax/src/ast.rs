//! The parse tree: directives, comments, instructions (as BuildKit's parser sees them, plus
//! their typed form), heredocs and stages, every part with byte spans into the source.
use crate::instructions::{Command, SmallList};
use crate::text::Text;
use drydock_text::TextRange;
use serde::Serialize;

/// A parsed Dockerfile. Strings borrow from the source text (see [`Text`]).
#[derive(Debug, Clone, Serialize)]
pub struct Dockerfile<'a> {
    /// Parser directives (`# syntax=…`, `# escape=…`, `# check=…`) at the top of the file.
    pub directives: Vec<Directive<'a>>,
    /// The escape character in force: `\` or `` ` ``.
    pub escape: char,
    /// Instructions in file order.
    pub instructions: Vec<Instruction<'a>>,
    /// Comment lines (not directives, not inside heredocs), in order.
    pub comments: Vec<Comment<'a>>,
    /// Indexes (into `instructions`) of the ARG instructions before the first FROM.
    pub meta_args: Vec<usize>,
    /// Build stages: each FROM up to the next FROM.
    pub stages: Vec<Stage<'a>>,
}

/// A parser directive line.
#[derive(Debug, Clone, Serialize)]
pub struct Directive<'a> {
    /// Lower-cased name: `syntax`, `escape` or `check`.
    pub name: String,
    pub value: Text<'a>,
    /// The whole directive line (without its newline).
    pub span: TextRange,
    pub value_span: TextRange,
    /// 1-based line.
    pub line: u32,
}

/// A comment line.
#[derive(Debug, Clone, Serialize)]
pub struct Comment<'a> {
    /// The text after `#`, trimmed.
    pub text: Text<'a>,
    /// The comment from its `#` to the end of the line (without the newline).
    pub span: TextRange,
    /// 1-based line.
    pub line: u32,
}

/// The instruction word, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    Stopsignal,
    User,
    Volume,
    Workdir,
    /// Any other word (BuildKit's parser keeps it; the instruction stage rejects it).
    Unknown,
}

impl Kind {
    /// Every known instruction, with its upper-case name.
    pub const ALL: [(Kind, &'static str); 18] = [
        (Kind::Add, "ADD"),
        (Kind::Arg, "ARG"),
        (Kind::Cmd, "CMD"),
        (Kind::Copy, "COPY"),
        (Kind::Entrypoint, "ENTRYPOINT"),
        (Kind::Env, "ENV"),
        (Kind::Expose, "EXPOSE"),
        (Kind::From, "FROM"),
        (Kind::Healthcheck, "HEALTHCHECK"),
        (Kind::Label, "LABEL"),
        (Kind::Maintainer, "MAINTAINER"),
        (Kind::Onbuild, "ONBUILD"),
        (Kind::Run, "RUN"),
        (Kind::Shell, "SHELL"),
        (Kind::Stopsignal, "STOPSIGNAL"),
        (Kind::User, "USER"),
        (Kind::Volume, "VOLUME"),
        (Kind::Workdir, "WORKDIR"),
    ];

    /// The kind of an instruction word (case-insensitive).
    pub fn from_keyword(word: &str) -> Kind {
        let b = word.as_bytes();
        let is = |name: &[u8]| b.eq_ignore_ascii_case(name);
        // Dispatch on length and first letter, then one case-insensitive compare.
        let first = b.first().map_or(0, u8::to_ascii_uppercase);
        match (b.len(), first) {
            (3, b'A') if is(b"ADD") => Kind::Add,
            (3, b'A') if is(b"ARG") => Kind::Arg,
            (3, b'C') if is(b"CMD") => Kind::Cmd,
            (3, b'E') if is(b"ENV") => Kind::Env,
            (3, b'R') if is(b"RUN") => Kind::Run,
            (4, b'C') if is(b"COPY") => Kind::Copy,
            (4, b'F') if is(b"FROM") => Kind::From,
            (4, b'U') if is(b"USER") => Kind::User,
            (5, b'L') if is(b"LABEL") => Kind::Label,
            (5, b'S') if is(b"SHELL") => Kind::Shell,
            (6, b'E') if is(b"EXPOSE") => Kind::Expose,
            (6, b'V') if is(b"VOLUME") => Kind::Volume,
            (7, b'O') if is(b"ONBUILD") => Kind::Onbuild,
            (7, b'W') if is(b"WORKDIR") => Kind::Workdir,
            (10, b'E') if is(b"ENTRYPOINT") => Kind::Entrypoint,
            (10, b'M') if is(b"MAINTAINER") => Kind::Maintainer,
            (10, b'S') if is(b"STOPSIGNAL") => Kind::Stopsignal,
            (11, b'H') if is(b"HEALTHCHECK") => Kind::Healthcheck,
            _ => Kind::Unknown,
        }
    }

    /// The upper-case instruction name (`""` for unknown words).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Add => "ADD",
            Kind::Arg => "ARG",
            Kind::Cmd => "CMD",
            Kind::Copy => "COPY",
            Kind::Entrypoint => "ENTRYPOINT",
            Kind::Env => "ENV",
            Kind::Expose => "EXPOSE",
            Kind::From => "FROM",
            Kind::Healthcheck => "HEALTHCHECK",
            Kind::Label => "LABEL",
            Kind::Maintainer => "MAINTAINER",
            Kind::Onbuild => "ONBUILD",
            Kind::Run => "RUN",
            Kind::Shell => "SHELL",
            Kind::Stopsignal => "STOPSIGNAL",
            Kind::User => "USER",
            Kind::Volume => "VOLUME",
            Kind::Workdir => "WORKDIR",
            Kind::Unknown => "",
        }
    }
}

/// One instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Instruction<'a> {
    /// The instruction word as written (`run`, `RUN`, …).
    pub keyword: Text<'a>,
    pub kind: Kind,
    /// From the first character of the instruction to the end of its last line (continuation
    /// lines and heredoc bodies included, final newline excluded).
    pub span: TextRange,
    pub keyword_span: TextRange,
    /// 1-based first and last line as BuildKit counts them (heredoc bodies included).
    pub start_line: u32,
    pub end_line: u32,
    /// The logical line: continuation lines joined as BuildKit joins them.
    pub line: Text<'a>,
    /// Leading `--flag` words (quotes removed, escapes applied), as BuildKit stores them.
    pub flags: Vec<Flag<'a>>,
    /// The instruction's arguments as BuildKit's parser produces them (see the dump format).
    /// One argument (every shell form) is held inline.
    pub args: SmallList<Arg<'a>>,
    /// Whether the arguments were written in JSON (exec) form.
    pub json: bool,
    /// The raw argument text after the flags.
    pub raw_args: Text<'a>,
    pub raw_args_span: TextRange,
    /// Here-documents attached to the instruction (RUN/COPY/ADD, and ONBUILD of those).
    pub heredocs: Vec<Heredoc<'a>>,
    /// For ONBUILD: the trigger instruction as BuildKit's parser reads it.
    pub child: Option<Box<Instruction<'a>>>,
    /// The comment lines directly above the instruction (BuildKit's `PrevComment`); one line is
    /// held inline.
    pub comments: SmallList<Text<'a>>,
    /// The typed instruction, when it parses.
    pub command: Option<Command<'a>>,
    /// Why the instruction does not parse (its diagnostic is also in `Parse::diagnostics`).
    pub error: Option<Box<InstructionError>>,
}

impl Instruction<'_> {
    /// Whether the parser or the instruction stage rejects this instruction.
    pub fn is_error(&self) -> bool {
        self.error.is_some()
    }
}

/// An instruction that does not parse: stable code and Docker's message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstructionError {
    pub code: &'static str,
    pub message: String,
    pub range: TextRange,
}

/// A leading `--flag` word.
#[derive(Debug, Clone, Serialize)]
pub struct Flag<'a> {
    /// The word as BuildKit stores it, e.g. `--from=build`.
    pub text: Text<'a>,
    /// The raw word in the source.
    pub span: TextRange,
}

impl<'a> Flag<'a> {
    /// The name without dashes (`from` for `--from=build`).
    pub fn name(&self) -> &str {
        let s = self.text.as_str();
        let s = s.strip_prefix("--").unwrap_or(s);
        s.split_once('=').map_or(s, |(n, _)| n)
    }

    /// The value after `=`, if any.
    pub fn value(&self) -> Option<&str> {
        self.text.as_str().split_once('=').map(|(_, v)| v)
    }
}

/// An argument as BuildKit's parser produces it.
#[derive(Debug, Clone, Serialize)]
pub struct Arg<'a> {
    pub value: Text<'a>,
    /// Where the value was read from (for decoded JSON strings: the string's contents).
    pub span: TextRange,
}

/// A here-document.
#[derive(Debug, Clone, Serialize)]
pub struct Heredoc<'a> {
    /// The terminator word with quotes removed.
    pub name: Text<'a>,
    /// The file descriptor digits before `<<` (0 when none).
    pub fd: u32,
    /// False when any part of the terminator word was quoted: the body is not expanded.
    pub expand: bool,
    /// `<<-`: leading tabs are stripped from the body (later) and from the terminator line.
    pub chomp: bool,
    /// The body, raw: every line with its line ending, not chomped.
    pub content: Text<'a>,
    pub content_span: TextRange,
    /// The terminator line (without its newline).
    pub terminator_span: TextRange,
}

impl Heredoc<'_> {
    /// The body as used: with leading tabs removed from each line when `chomp`.
    pub fn chomped(&self) -> std::borrow::Cow<'_, str> {
        if self.chomp {
            std::borrow::Cow::Owned(crate::heredoc::chomp(&self.content))
        } else {
            std::borrow::Cow::Borrowed(self.content.as_str())
        }
    }
}

/// A build stage: a FROM instruction and the instructions up to the next FROM.
#[derive(Debug, Clone, Serialize)]
pub struct Stage<'a> {
    /// Index of the FROM instruction in `Dockerfile::instructions`.
    pub from: usize,
    /// Indexes `from..end` of the stage's instructions (FROM included).
    pub end: usize,
    /// The stage name after AS, lower-cased, when present.
    pub name: Option<Text<'a>>,
}
