//! The builtin table: which names are special builtins (POSIX 2.14) and which are regular ones,
//! and running them with dash's `NAME:` error prefix. One file per builtin.
mod alias;
mod cd;
mod colon;
mod command;
mod dot;
mod echo;
mod eval;
mod exec;
mod exit;
mod export;
mod false_;
mod flow;
mod getopts;
mod local;
mod printf;
mod pwd;
mod quote;
mod read;
mod readonly;
mod set;
mod shift;
mod test;
mod trap;
mod type_;
mod umask;
mod unset;
mod wait;

pub(crate) use echo::escapes as echo_escapes;

use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::{Dialect, Shell};

/// A builtin: gets the shell, the runtime and `argv` (with its own name first).
pub(crate) type Builtin = fn(&mut Shell, &mut Runtime<'_>, &[String]) -> Exec;

/// POSIX special builtins (assignments before them persist; their errors end the shell).
pub fn is_special(name: &str) -> bool {
    matches!(
        name,
        ":" | "."
            | "break"
            | "continue"
            | "eval"
            | "exec"
            | "exit"
            | "export"
            | "readonly"
            | "return"
            | "set"
            | "shift"
            | "trap"
            | "unset"
    )
}

pub(crate) fn lookup(name: &str) -> Option<Builtin> {
    Some(match name {
        ":" | "true" => colon::run,
        "false" => false_::run,
        "." => dot::run,
        "break" => flow::run_break,
        "continue" => flow::run_continue,
        "return" => flow::run_return,
        "eval" => eval::run,
        "exec" => exec::run,
        "exit" => exit::run,
        "export" => export::run,
        "readonly" => readonly::run,
        "set" => set::run,
        "shift" => shift::run,
        "trap" => trap::run,
        "unset" => unset::run,
        "cd" | "chdir" => cd::run,
        "pwd" => pwd::run,
        "echo" => echo::run,
        "printf" => printf::run,
        "test" | "[" => test::run,
        "local" => local::run,
        "command" => command::run,
        "type" => type_::run,
        "read" => read::run,
        "wait" => wait::run,
        "umask" => umask::run,
        "hash" => colon::run,
        "getopts" => getopts::run,
        "alias" => alias::run_alias,
        "unalias" => alias::run_unalias,
        _ => return None,
    })
}

/// Whether `name` is a builtin in this shell's dialect (`source` only in bash).
pub(crate) fn lookup_in(sh: &Shell, name: &str) -> Option<Builtin> {
    if name == "source" && sh.dialect == Dialect::Bash {
        return Some(dot::run);
    }
    lookup(name)
}

/// Runs the builtin `argv[0]` with dash's error-name prefix.
pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let Some(name) = argv.first() else {
        return Ok(0);
    };
    let Some(f) = lookup_in(sh, name) else {
        return Ok(127);
    };
    let saved = sh.cmdname.replace(name.clone());
    let r = f(sh, rt, argv);
    sh.cmdname = saved;
    r
}

/// Applies `set`-style option flags (`-e`, `-o pipefail`, …) to a new shell.
pub(crate) fn apply_set_options(
    sh: &mut Shell,
    rt: &Runtime<'_>,
    flags: &[String],
) -> Result<(), String> {
    set::apply_options(sh, rt, flags).map(|_| ())
}

/// Parses a non-negative decimal as dash's `number()` does.
pub(crate) fn parse_num(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i64>().ok()
}
