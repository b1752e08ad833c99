//! Web servers that keep a container running (placeholder until the server simulation lands).
use drydock_shell::{ExitStatus, ProgramCtx};

use super::programs::ContainerPrograms;

/// Runs a server program.
pub fn run(
    progs: &ContainerPrograms<'_>,
    name: &str,
    ctx: &mut ProgramCtx<'_, '_>,
    argv: &[String],
) -> ExitStatus {
    let _ = (ctx, argv);
    progs.effects.borrow_mut().forever = Some(name.to_owned());
    0
}
