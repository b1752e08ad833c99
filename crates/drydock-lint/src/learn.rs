//! Runs Drydock's learner rules after BuildKit's checks, over the tree and the dispatch model,
//! and the helpers they share (a stage's instructions, the commands a RUN/CMD/ENTRYPOINT runs,
//! split once per lint however many rules read them).
use std::cell::OnceCell;
use std::rc::Rc;

use crate::convert::Cx;
use crate::linter::{At, Sink};
use crate::model::Model;
use crate::rules;
use crate::shellwords::{self, SimpleCommand};
use drydock_syntax::Instruction;
use drydock_syntax::instructions::Command;
use drydock_text::TextRange;

/// What a learner rule reads.
pub struct Lx<'c, 'p, 'a> {
    pub cx: &'c Cx<'p, 'a>,
    pub model: &'c Model,
    /// [`commands_of`] per instruction of the Dockerfile, split when a rule first asks.
    commands: Vec<OnceCell<Rc<[SimpleCommand]>>>,
}

impl<'p, 'a> Lx<'_, 'p, 'a> {
    /// The instructions of stage `s` after its FROM, with their indexes.
    pub fn stage_instructions(&self, s: usize) -> Vec<(usize, &'p Instruction<'a>)> {
        let Some(st) = self.model.stages.get(s) else {
            return Vec::new();
        };
        (st.from + 1..st.end)
            .filter_map(|i| self.cx.ins(i).map(|x| (i, x)))
            .collect()
    }

    /// A finding on instruction `i` pointing at `range`.
    pub fn at(&self, i: usize, range: TextRange) -> At {
        self.cx.at(i, range)
    }

    /// The source text of a range.
    pub fn text(&self, range: TextRange) -> &'p str {
        self.cx.text(range)
    }

    /// [`commands_of`] instruction `i`, split once per lint (seven rules read the same RUN
    /// lines); empty for an index past the end.
    pub fn commands(&self, i: usize) -> Rc<[SimpleCommand]> {
        match (self.commands.get(i), self.cx.ins(i)) {
            (Some(cell), Some(ins)) => cell.get_or_init(|| commands_of(ins).into()).clone(),
            _ => Rc::from([]),
        }
    }
}

/// The shell text a RUN / CMD / ENTRYPOINT runs when it is in shell form (with RUN heredoc
/// bodies appended), or `None` for the exec form.
pub fn shell_text(ins: &Instruction<'_>) -> Option<String> {
    let (cmd, files) = match &ins.command {
        Some(Command::Run(r)) => (&r.cmd, r.files.iter().map(|f| f.data.as_str()).collect()),
        Some(Command::Cmd(c)) => (&c.cmd, Vec::new()),
        Some(Command::Entrypoint(e)) => (&e.cmd, Vec::new()),
        _ => return None,
    };
    if !cmd.prepend_shell {
        return None;
    }
    let mut s: String = cmd
        .args
        .iter()
        .map(|a| a.value.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for f in files {
        s.push('\n');
        s.push_str(f);
    }
    Some(s)
}

/// The exec-form arguments of a RUN / CMD / ENTRYPOINT, or `None` for the shell form.
pub fn exec_args<'i, 'a>(ins: &'i Instruction<'a>) -> Option<&'i [drydock_syntax::Arg<'a>]> {
    let cmd = match &ins.command {
        Some(Command::Run(r)) => &r.cmd,
        Some(Command::Cmd(c)) => &c.cmd,
        Some(Command::Entrypoint(e)) => &e.cmd,
        _ => return None,
    };
    (!cmd.prepend_shell).then_some(cmd.args.as_slice())
}

/// The simple commands a RUN / CMD / ENTRYPOINT runs: its shell text split, or its exec-form
/// arguments as one command (`sh -c "…"` looked through).
pub fn commands_of(ins: &Instruction<'_>) -> Vec<SimpleCommand> {
    if let Some(t) = shell_text(ins) {
        return shellwords::commands(&t);
    }
    let Some(args) = exec_args(ins) else {
        return Vec::new();
    };
    let words: Vec<String> = args.iter().map(|a| a.value.to_string()).collect();
    if let [sh, flag, script, ..] = words.as_slice()
        && matches!(sh.rsplit('/').next(), Some("sh" | "bash" | "dash" | "ash"))
        && flag.starts_with('-')
        && flag.contains('c')
    {
        return shellwords::commands(script);
    }
    vec![SimpleCommand {
        assignments: Vec::new(),
        words,
    }]
}

/// Learner rules are heuristics for human-written Dockerfiles: beyond this many instructions
/// they are skipped, so machine-generated giants stay fast (BuildKit's checks still run).
pub const MAX_INSTRUCTIONS: usize = 10_000;

/// Every learner rule, in code order.
pub fn run(cx: &Cx<'_, '_>, sink: &mut Sink, model: &Model) {
    if cx.df().instructions.len() > MAX_INSTRUCTIONS {
        return;
    }
    let lx = Lx {
        cx,
        model,
        commands: (0..cx.df().instructions.len())
            .map(|_| OnceCell::new())
            .collect(),
    };
    rules::dd001_copy_before_install::check(&lx, sink);
    rules::dd002_copy_source_missing::check(&lx, sink);
    rules::dd003_secret_file_copied::check(&lx, sink);
    rules::dd004_secret_in_env_value::check(&lx, sink);
    rules::dd005_expose_unset_variable::check(&lx, sink);
    rules::dd006_exec_form_variable::check(&lx, sink);
    rules::dd007_cache_mount_unused::check(&lx, sink);
    rules::dd008_apt_lists_removed_later::check(&lx, sink);
    rules::dd009_apt_install_without_update::check(&lx, sink);
    rules::dd010_output_dir_missing::check(&lx, sink);
    rules::dd011_workdir_after_copy::check(&lx, sink);
    rules::dd012_uvicorn_file_path::check(&lx, sink);
    rules::dd014_missing_run::check(&lx, sink);
    rules::dd015_shell_form_signals::check(&lx, sink);
    rules::dd016_shell_entrypoint_ignores_cmd::check(&lx, sink);
    rules::dd017_stopsignal_shell_entrypoint::check(&lx, sink);
    rules::dd018_exec_form_not_json::check(&lx, sink);
}
