//! `which [-a] NAME…` (debianutils and busybox): the executable's path for each name found on
//! `$PATH`; silent for names not found, exit 1 when any is missing.
use crate::fs::Kind;
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let mut all = false;
    let mut names = Vec::new();
    for a in argv.iter().skip(1) {
        match a.as_str() {
            "-a" => all = true,
            "-s" => {}
            _ => names.push(a.clone()),
        }
    }
    if names.is_empty() {
        return 1;
    }
    let path = ctx.get_env("PATH").unwrap_or("").to_owned();
    let mut status = 0;
    for n in names {
        let mut found = false;
        let cands: Vec<String> = if n.contains('/') {
            vec![ctx.abs(&n)]
        } else {
            path.split(':')
                .map(|d| if d.is_empty() { "." } else { d })
                .map(|d| format!("{}/{n}", d.trim_end_matches('/')))
                .collect()
        };
        for cand in cands {
            let abs = ctx.abs(&cand);
            if let Ok(st) = c::stat(ctx, &abs)
                && st.kind == Kind::File
                && st.mode & 0o111 != 0
            {
                let shown = if n.contains('/') {
                    n.clone()
                } else {
                    cand.clone()
                };
                c::out(ctx, &shown);
                found = true;
                if !all {
                    break;
                }
            }
        }
        if !found {
            status = 1;
        }
    }
    status
}
