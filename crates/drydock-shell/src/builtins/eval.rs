//! `eval ARG…`: parse the joined arguments and run them in this shell.
use crate::exec::{Exec, Flow};
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let text = argv.get(1..).unwrap_or(&[]).join(" ");
    run_text(sh, rt, &text, sh.line.saturating_sub(1))
}

/// Runs `text` in `sh` as `eval` and `.` do: command by command, then the syntax error.
pub(crate) fn run_text(sh: &mut Shell, rt: &mut Runtime<'_>, text: &str, line_base: u32) -> Exec {
    if sh.depth >= rt.config.limits.max_depth {
        return Err(sh.fatal(rt, "simulation nesting limit exceeded"));
    }
    let script = crate::parser::parse_lines(text, sh.parse_options(), line_base);
    sh.depth += 1;
    let mut status = 0;
    let mut result = Ok(());
    for cmd in &script.commands {
        match sh.exec_list(rt, cmd) {
            Ok(s) => status = s,
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    sh.depth -= 1;
    result?;
    if let Some(e) = &script.error {
        sh.line = e.line;
        let msg = e.message.clone();
        return Err(sh.fatal(rt, &msg));
    }
    let _ = Flow::Exit(0);
    Ok(status)
}
