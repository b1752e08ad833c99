//! Tools Drydock knows only by their banner (compilers, servers, CLIs from packages): `--version`
//! prints the executable's `banner=` info line, else the text from the catalog's
//! `programs.json`; any other invocation is assumed to succeed and leaves a note saying it was
//! not simulated.
use crate::programs::ProgramCtx;
use crate::programs::common as c;
use drydock_catalog::packages::texts;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let name = c::prog(argv);
    let first = argv.get(1).map(String::as_str);
    // an image's own version line (`banner=…` in the executable) wins over the catalog's
    let version = c::info(ctx, "banner").or_else(|| texts().versions.get(&name).cloned());
    match first {
        Some("--version" | "-V" | "-v" | "version" | "-version") => match version {
            Some(v) => {
                c::out(ctx, &v);
                0
            }
            None => {
                ctx.rt
                    .notes
                    .push(format!("{name} --version: no version text in the catalog"));
                0
            }
        },
        _ => {
            let line = argv.join(" ");
            ctx.rt
                .notes
                .push(format!("`{line}` was not simulated (assumed to succeed)"));
            0
        }
    }
}
