//! Stage 2, BuildKit's `instructions` package: each parser node becomes a typed [`Command`]
//! (one file per instruction), with BuildKit's argument-count, flag and form errors, the
//! unknown-instruction suggestion and the "no build stage" ordering check.
use crate::ast::{Arg, Instruction, InstructionError, Kind};
use crate::codes;
use crate::text::Text;
use drydock_text::{Diagnostic, TextRange};
use serde::Serialize;

mod add;
mod arg;
pub mod bflag;
mod cmd;
mod copy;
pub mod csv;
pub mod device;
pub mod duration;
mod entrypoint;
mod env;
mod expose;
mod from;
mod healthcheck;
mod label;
mod maintainer;
pub mod mount;
mod onbuild;
pub mod ports;
mod run;
mod shell;
mod small_list;
mod sources;
mod stopsignal;
pub mod suggest;
mod user;
mod volume;
mod workdir;

pub use add::Add;
pub use arg::{ArgDef, Args};
pub use bflag::{FlagDef, FlagKind, FlagValue};

pub use cmd::Cmd;
pub use copy::Copy;
pub use device::{Device, parse_device};
pub use entrypoint::Entrypoint;
pub use env::{Env, KeyValue};
pub use expose::Expose;
pub use from::From;
pub use healthcheck::Healthcheck;
pub use label::Label;
pub use maintainer::Maintainer;
pub use mount::{Expander, Mount, parse_mount};
pub use onbuild::Onbuild;
pub use ports::parse_port_specs;
pub use run::{HeredocFile, Run, RunDevice};
pub use shell::Shell;
pub use small_list::SmallList;
pub use sources::{SourceContent, handle_json_args};
pub use stopsignal::StopSignal;
pub use user::User;
pub use volume::Volume;
pub use workdir::Workdir;

/// A typed instruction.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "instruction", rename_all = "lowercase")]
pub enum Command<'a> {
    Add(Add<'a>),
    Arg(Args<'a>),
    Cmd(Cmd<'a>),
    Copy(Copy<'a>),
    Entrypoint(Entrypoint<'a>),
    Env(Env<'a>),
    Expose(Expose<'a>),
    From(From<'a>),
    Healthcheck(Healthcheck<'a>),
    Label(Label<'a>),
    Maintainer(Maintainer<'a>),
    Onbuild(Onbuild<'a>),
    Run(Run<'a>),
    Shell(Shell<'a>),
    Stopsignal(StopSignal<'a>),
    User(User<'a>),
    Volume(Volume<'a>),
    Workdir(Workdir<'a>),
}

/// The arguments of a command line (one argument, every shell form, is held inline).
pub type CmdArgs<'a> = SmallList<Arg<'a>>;

/// A command line of RUN, CMD, ENTRYPOINT and HEALTHCHECK: exec form (JSON) or one shell string.
#[derive(Debug, Clone, Serialize)]
pub struct CmdLine<'a> {
    pub args: CmdArgs<'a>,
    /// True for the shell form (run through the SHELL).
    pub prepend_shell: bool,
}

/// Why an instruction does not parse.
#[derive(Debug, Clone)]
pub(crate) struct Fail {
    pub code: &'static str,
    pub message: String,
    pub range: TextRange,
}

pub(crate) type R<T> = Result<T, Fail>;

/// One node being converted (BuildKit's `parseRequest`).
pub(crate) struct Req<'i, 'a> {
    pub ins: &'i Instruction<'a>,
}

impl<'i, 'a> Req<'i, 'a> {
    pub fn args(&self) -> &'i [Arg<'a>] {
        &self.ins.args
    }

    pub fn json(&self) -> bool {
        self.ins.json
    }

    pub fn fail(&self, code: &'static str, message: impl Into<String>) -> Fail {
        Fail {
            code,
            message: message.into(),
            range: self.ins.span,
        }
    }

    pub fn fail_at(
        &self,
        code: &'static str,
        message: impl Into<String>,
        range: TextRange,
    ) -> Fail {
        Fail {
            code,
            message: message.into(),
            range,
        }
    }

    /// `flags.Parse()` with the instruction's accepted flags (at most [`MAX_FLAGS`]).
    pub fn flags(&self, defs: &'static [FlagDef<'static>]) -> R<Flags<'i, 'a>> {
        let mut flags = Flags {
            ins: self.ins,
            defs,
            any: !self.ins.flags.is_empty(),
            used: [false; MAX_FLAGS],
            truth: [false; MAX_FLAGS],
            arg: [NO_ARG; MAX_FLAGS],
        };
        if !flags.any {
            return Ok(flags);
        }
        for (t, d) in flags.truth.iter_mut().zip(defs) {
            *t = d.default == "true";
        }
        let (used, truth, arg) = (&mut flags.used, &mut flags.truth, &mut flags.arg);
        let texts = self.ins.flags.iter().map(|f| f.text.as_str());
        let parsed = bflag::parse_with(defs, texts, used, |d, i, value| {
            if let Some(t) = truth.get_mut(d) {
                *t = value == "true";
            }
            if let Some(a) = arg.get_mut(d) {
                *a = u32::try_from(i).unwrap_or(NO_ARG);
            }
        });
        match parsed {
            Ok(()) => Ok(flags),
            Err(e) => {
                let range = self.ins.flags.get(e.arg).map_or(self.ins.span, |f| f.span);
                Err(Fail {
                    code: e.code,
                    message: e.message,
                    range,
                })
            }
        }
    }

    pub fn exactly_one(&self, name: &str) -> R<&'i Arg<'a>> {
        match self.args() {
            [one] => Ok(one),
            _ => Err(self.fail(
                codes::MISSING_ARGUMENT,
                format!("{name} requires exactly one argument"),
            )),
        }
    }

    pub fn at_least_one(&self, name: &str) -> R<()> {
        if self.args().is_empty() {
            return Err(self.fail(
                codes::MISSING_ARGUMENT,
                format!("{name} requires at least one argument"),
            ));
        }
        Ok(())
    }
}

/// The most flags an instruction accepts (ADD has 7).
const MAX_FLAGS: usize = 8;

/// No flag argument set this definition (in [`Flags`]' `arg`; indexes are `u32` to keep the
/// struct small, it is returned by value for every instruction).
const NO_ARG: u32 = u32::MAX;

/// Parsed flags of one instruction (no allocation: per definition, whether it was used, its
/// boolean value and the argument that set it; repeated flags are found again by name).
pub(crate) struct Flags<'i, 'a> {
    ins: &'i Instruction<'a>,
    defs: &'static [FlagDef<'static>],
    /// Whether the instruction has flag words at all.
    any: bool,
    used: [bool; MAX_FLAGS],
    truth: [bool; MAX_FLAGS],
    /// Per definition, the index of the flag argument that set it ([`NO_ARG`] when none).
    arg: [u32; MAX_FLAGS],
}

impl<'a> Flags<'_, 'a> {
    fn slot(&self, name: &str) -> Option<usize> {
        if !self.any {
            return None;
        }
        self.defs.iter().position(|d| same_name(d.name, name))
    }

    /// Whether the instruction has flag words at all (when not, every flag has its default).
    pub fn any(&self) -> bool {
        self.any
    }

    /// The definition of flag `name`.
    fn def(&self, name: &str) -> Option<&FlagDef<'static>> {
        self.defs.iter().find(|d| same_name(d.name, name))
    }

    /// The value window of flag argument `idx` (after its first `=`).
    fn window(&self, idx: usize) -> Option<Arg<'a>> {
        let f = self.ins.flags.get(idx)?;
        let eq = memchr::memchr(b'=', f.text.as_bytes())?;
        let value = f.text.slice(eq + 1, f.text.len());
        let span = if f.span.len() as usize == f.text.len() {
            TextRange::new(
                f.span.start + u32::try_from(eq + 1).unwrap_or(0),
                f.span.end,
            )
        } else {
            f.span
        };
        Some(Arg { value, span })
    }

    pub fn used(&self, name: &str) -> bool {
        self.slot(name)
            .is_some_and(|i| self.used.get(i).copied().unwrap_or(false))
    }

    pub fn bool(&self, name: &str) -> bool {
        match self.slot(name) {
            Some(i) => self.truth.get(i).copied().unwrap_or(false),
            None => self.def(name).is_some_and(|d| d.default == "true"),
        }
    }

    /// A string flag's value when given.
    pub fn string(&self, name: &str) -> Option<Arg<'a>> {
        let i = self.slot(name)?;
        if !self.used.get(i).copied().unwrap_or(false) {
            return None;
        }
        self.arg
            .get(i)
            .copied()
            .filter(|&a| a != NO_ARG)
            .and_then(|a| usize::try_from(a).ok())
            .and_then(|a| self.window(a))
    }

    /// A string flag's value, or its default as written by BuildKit.
    pub fn string_or_default(&self, name: &str) -> Text<'a> {
        match self.string(name) {
            Some(a) => a.value,
            None => Text::Borrowed(self.def(name).map_or("", |d| d.default)),
        }
    }

    /// Every value of a repeatable flag, in order.
    pub fn strings(&self, name: &str) -> Vec<Arg<'a>> {
        match self.slot(name) {
            Some(i) if self.used.get(i).copied().unwrap_or(false) => {}
            _ => return Vec::new(),
        }
        self.ins
            .flags
            .iter()
            .enumerate()
            .take_while(|(_, f)| f.text.as_str() != "--")
            .filter(|(_, f)| bflag::flag_name(&f.text) == name)
            .filter_map(|(k, _)| self.window(k))
            .collect()
    }

    /// Names of the flags that appeared, sorted.
    pub fn used_names(&self) -> Vec<&'static str> {
        if !self.used.contains(&true) {
            return Vec::new();
        }
        let mut v: Vec<&'static str> = self
            .defs
            .iter()
            .zip(&self.used)
            .filter(|(_, u)| **u)
            .map(|(d, _)| d.name)
            .collect();
        drydock_text::sort::sort(&mut v);
        v
    }
}

/// Whether a flag definition's name is `name`: the same literal (the instruction parsers name
/// flags with the literals of their definition tables, which the compiler stores once) or the
/// same text.
#[inline]
fn same_name(def: &str, name: &str) -> bool {
    std::ptr::eq(def, name) || def == name
}

/// Converts one node, as `ParseInstruction` does.
pub(crate) fn convert<'a>(ins: &Instruction<'a>) -> R<Command<'a>> {
    let req = Req { ins };
    Ok(match ins.kind {
        Kind::Env => Command::Env(env::parse(&req)?),
        Kind::Maintainer => Command::Maintainer(maintainer::parse(&req)?),
        Kind::Label => Command::Label(label::parse(&req)?),
        Kind::Add => Command::Add(add::parse(&req)?),
        Kind::Copy => Command::Copy(copy::parse(&req)?),
        Kind::From => Command::From(from::parse(&req)?),
        Kind::Onbuild => Command::Onbuild(onbuild::parse(&req)?),
        Kind::Workdir => Command::Workdir(workdir::parse(&req)?),
        Kind::Run => Command::Run(run::parse(&req)?),
        Kind::Cmd => Command::Cmd(cmd::parse(&req)?),
        Kind::Healthcheck => Command::Healthcheck(healthcheck::parse(&req)?),
        Kind::Entrypoint => Command::Entrypoint(entrypoint::parse(&req)?),
        Kind::Expose => Command::Expose(expose::parse(&req)?),
        Kind::User => Command::User(user::parse(&req)?),
        Kind::Volume => Command::Volume(volume::parse(&req)?),
        Kind::Stopsignal => Command::Stopsignal(stopsignal::parse(&req)?),
        Kind::Arg => Command::Arg(arg::parse(&req)?),
        Kind::Shell => Command::Shell(shell::parse(&req)?),
        Kind::Unknown => return Err(unknown_instruction(ins)),
    })
}

/// The failure of an instruction with an unknown word: `unknown instruction: X`, with BuildKit's
/// suggestion of the closest instruction name.
fn unknown_instruction(ins: &Instruction<'_>) -> Fail {
    const NAMES: [&str; 18] = {
        let mut names = [""; 18];
        let mut i = 0;
        while i < 18 {
            names[i] = Kind::ALL[i].1;
            i += 1;
        }
        names
    };
    const MASKS: [Option<u64>; 18] = {
        let mut masks = [None; 18];
        let mut i = 0;
        while i < 18 {
            masks[i] = suggest::ascii_mask(NAMES[i], true);
            i += 1;
        }
        masks
    };
    // The message is assembled once, at its final size (no `format!`, no second copy
    // for the suggestion): the same text as `suggest::wrap_with`.
    const HEAD: &str = "unknown instruction: ";
    let keyword = ins.keyword.as_str();
    let suggestion = suggest::suggest_with(keyword, &NAMES, Some(&MASKS), false);
    let extra = suggestion.as_ref().map_or(0, |s| s.len() + 18);
    let mut message = String::with_capacity(HEAD.len() + keyword.len() + extra);
    message.push_str(HEAD);
    message.push_str(keyword);
    if let Some(s) = suggestion {
        message.push_str(" (did you mean ");
        message.push_str(&s);
        message.push_str("?)");
    }
    Fail {
        code: codes::UNKNOWN_INSTRUCTION,
        message,
        range: ins.keyword_span,
    }
}

/// The failure of an unknown instruction word, its message taken from `memo` when the word was
/// met before (the message depends on the word only).
fn unknown_word<'a>(i: &Instruction<'a>, memo: &mut Vec<(&'a str, String)>) -> Fail {
    let word = match &i.keyword {
        Text::Borrowed(w) => Some(*w),
        Text::Shared(..) => None,
    };
    if let Some((_, message)) = word.and_then(|w| memo.iter().find(|(k, _)| *k == w)) {
        return Fail {
            code: codes::UNKNOWN_INSTRUCTION,
            message: message.clone(),
            range: i.keyword_span,
        };
    }
    let f = unknown_instruction(i);
    if let Some(w) = word
        && memo.len() < MAX_UNKNOWN_WORDS
    {
        memo.push((w, f.message.clone()));
    }
    f
}

/// How many unknown words' messages [`check_all`] remembers.
const MAX_UNKNOWN_WORDS: usize = 32;

/// Runs the instruction stage over every node: fills `command` or `error`, and reports the
/// instruction-stage and ordering diagnostics.
#[inline(never)]
pub fn check_all<'a>(ins: &mut [Instruction<'a>], diags: &mut Vec<Diagnostic>) {
    let mut seen_from = false;
    let mut any_error = diags.iter().any(Diagnostic::is_error);
    // Messages of the unknown words met so far (a file that is not a Dockerfile repeats its
    // words; the suggestion is computed once per word).
    let mut unknown: Vec<(&'a str, String)> = Vec::new();
    let total = ins.len();
    for (k, i) in ins.iter_mut().enumerate() {
        if i.error.is_some() {
            // A FROM that does not parse still starts a stage for the ordering check, so one
            // mistake does not cascade into "no build stage" errors.
            seen_from |= i.kind == Kind::From;
            continue;
        }
        let converted = if i.kind == Kind::Unknown {
            Err(unknown_word(i, &mut unknown))
        } else {
            convert(i)
        };
        match converted {
            Ok(cmd) => {
                if let Command::Run(run) = &cmd
                    && let Some(d) = run.devices.first()
                {
                    {
                        diags.push(
                            Diagnostic::warning(
                                codes::RUN_DEVICE_UNSUPPORTED,
                                d.span,
                                "device feature is only supported in Dockerfile frontend 1.14.0-labs or later",
                            )
                            .with_hint(codes::hint(codes::RUN_DEVICE_UNSUPPORTED)),
                        );
                    }
                }
                i.command = Some(cmd);
                match i.kind {
                    Kind::From => seen_from = true,
                    Kind::Arg => {}
                    _ if !seen_from => {
                        any_error = true;
                        diags.push(
                            Diagnostic::error(
                                codes::NO_BUILD_STAGE,
                                i.keyword_span,
                                "no build stage in current context",
                            )
                            .with_hint(codes::hint(codes::NO_BUILD_STAGE)),
                        );
                    }
                    _ => {}
                }
            }
            Err(f) => {
                if !any_error {
                    // The first error of the stage: a file that has one usually has more (a
                    // template, a text that is not a Dockerfile), so the list is sized once for
                    // one per remaining instruction instead of doubling as they come.
                    diags.reserve(total - k);
                }
                any_error = true;
                seen_from |= i.kind == Kind::From;
                diags.push(
                    Diagnostic::error(f.code, f.range, f.message.clone())
                        .with_hint(codes::hint(f.code)),
                );
                i.error = Some(Box::new(InstructionError {
                    code: f.code,
                    message: f.message,
                    range: f.range,
                }));
            }
        }
    }
    if !any_error && !seen_from && !ins.is_empty() {
        let end = ins.last().map_or(0, |i| i.span.end);
        diags.push(
            Diagnostic::warning(
                codes::NO_STAGES,
                TextRange::new(end, end),
                "dockerfile contains no stages to build",
            )
            .with_hint(codes::hint(codes::NO_STAGES)),
        );
    }
}
