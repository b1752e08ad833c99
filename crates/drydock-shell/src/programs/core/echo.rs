//! `/bin/echo` (coreutils): `-n`, `-e`, `-E` (escapes off by default, unlike dash's builtin);
//! busybox's echo behaves the same way.
use crate::programs::ProgramCtx;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let mut newline = true;
    let mut escapes = false;
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        if a.len() < 2 || !a.starts_with('-') || !a.chars().skip(1).all(|c| "neE".contains(c)) {
            break;
        }
        for c in a.chars().skip(1) {
            match c {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        i += 1;
    }
    let text = argv.get(i..).unwrap_or(&[]).join(" ");
    let mut out = if escapes {
        let (b, stop) = crate::builtins::echo_escapes(&text);
        if stop {
            ctx.stdout(&b);
            return 0;
        }
        b
    } else {
        text.into_bytes()
    };
    if newline {
        out.push(b'\n');
    }
    ctx.stdout(&out);
    0
}
