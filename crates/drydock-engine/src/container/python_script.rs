//! Python as the container runtime simulates it (placeholder until the script simulation lands).
use drydock_shell::{ExitStatus, ProgramCtx};

use super::programs::ContainerPrograms;

/// Runs `python …`.
pub fn run(
    progs: &ContainerPrograms<'_>,
    ctx: &mut ProgramCtx<'_, '_>,
    argv: &[String],
    stdin: &[u8],
) -> ExitStatus {
    if progs.inner.contains("python") {
        return progs.inner.run("python", ctx, argv, stdin);
    }
    0
}
