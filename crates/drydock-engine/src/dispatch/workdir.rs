//! WORKDIR (`dispatchWorkdir`): joined to the current one and cleaned; created (`mkdir -p`,
//! owned by the current USER) as its own layer unless it is `/`.
use drydock_syntax::Instruction;
use drydock_syntax::instructions::Workdir;

use super::{Cx, DState, Out, original, prefix_command, process_cmd_env, uppercase_cmd};
use crate::plan::{MkdirOp, Op};

pub(crate) fn dispatch(
    cx: &mut Cx<'_>,
    d: &mut DState,
    x: &Instruction<'_>,
    w: &Workdir<'_>,
) -> Result<Out, String> {
    let path = cx.word(d, &w.path.value)?;
    d.workdir_set = true;
    let wd = drydock_vfs::normalize_workdir(&d.config.working_dir, &path);
    d.config.working_dir = wd.clone();
    d.workdir = wd.clone();
    if wd == "/" {
        return Ok(Out {
            history: Some((format!("WORKDIR {wd}"), true)),
            ..Out::default()
        });
    }
    let name = uppercase_cmd(&process_cmd_env(&cx.lexer, &original(x), &d.env));
    let vertex = prefix_command(d, &name);
    Ok(Out {
        op: Some(Op::Mkdir(MkdirOp {
            path: wd.clone(),
            user: d.config.user.clone(),
        })),
        history: Some((format!("WORKDIR {wd}"), false)),
        vertex_name: Some(vertex),
    })
}
