//! `dvc` (3.x): `--version`/`version`, `pull`/`fetch`/`push` (DVC's config error when no remote
//! is configured in `.dvc/config`, a network failure offline, otherwise a placeholder file per
//! `*.dvc` output), `init` (the `.dvc` directory). Other subcommands fail naming themselves.
use crate::programs::ProgramCtx;
use crate::programs::common as c;

/// The DVC project root (a parent holding `.dvc`).
fn root(ctx: &ProgramCtx<'_, '_>) -> Option<String> {
    let mut dir = ctx.cwd.clone();
    loop {
        if c::is_dir(ctx, &c::join(&dir, ".dvc")) {
            return Some(dir);
        }
        if dir == "/" || dir.is_empty() {
            return None;
        }
        dir = c::parent(&dir).to_owned();
    }
}

/// The default remote named in `.dvc/config` (`[core] remote = NAME`) or given with `-r`.
fn remote(ctx: &ProgramCtx<'_, '_>, root: &str, flag: Option<&str>) -> Option<String> {
    if let Some(r) = flag {
        return Some(r.to_owned());
    }
    let mut text = String::new();
    for f in ["config", "config.local"] {
        text.push_str(&c::read_text(ctx, &format!("{root}/.dvc/{f}")).unwrap_or_default());
        text.push('\n');
    }
    let mut in_core = false;
    let mut found = None;
    for l in text.lines() {
        let l = l.trim();
        if l.starts_with('[') {
            in_core = l == "[core]";
        } else if in_core
            && let Some((k, v)) = l.split_once('=')
            && k.trim() == "remote"
        {
            found = Some(v.trim().to_owned());
        }
    }
    found
}

fn transfer(ctx: &mut ProgramCtx<'_, '_>, verb: &str, args: &[String]) -> i32 {
    let Some(root) = root(ctx) else {
        c::eout(
            ctx,
            "ERROR: you are not inside of a DVC repository (checked up to mount point '/')
",
        );
        return 253;
    };
    let mut flag: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-r" || a == "--remote" {
            flag = it.next().cloned();
        }
    }
    let what = if verb == "push" {
        "push data to"
    } else {
        "pull data from"
    };
    let what = if verb == "fetch" {
        "fetch data from"
    } else {
        what
    };
    let Some(name) = remote(ctx, &root, flag.as_deref()) else {
        c::eout(
            ctx,
            &format!(
                "ERROR: failed to {what} the cloud - config file error: no remote specified in {root}/.dvc/config. Setup default remote with\n    dvc remote default <name>\nor use:\n    dvc {verb} -r <name>\n"
            ),
        );
        return 1;
    };
    if !ctx.rt.config.network {
        c::eout(
            ctx,
            &format!(
                "ERROR: failed to {what} the cloud - remote '{name}' is unreachable (no network)\n"
            ),
        );
        return 1;
    }
    if verb != "pull" {
        c::out(ctx, "Everything is up to date.");
        return 0;
    }
    // one placeholder per `.dvc` file's `path:` output
    let mut n = 0;
    for f in c::walk(ctx, &root) {
        if !f.ends_with(".dvc") || f.contains("/.dvc/") {
            continue;
        }
        let text = c::read_text(ctx, &f).unwrap_or_default();
        for l in text.lines() {
            if let Some(p) = l
                .trim()
                .strip_prefix("- path:")
                .or_else(|| l.trim().strip_prefix("path:"))
            {
                let out = c::join(c::parent(&f), p.trim());
                let mut w = crate::programs::common::install::Written::default();
                crate::programs::common::install::blob(
                    ctx,
                    &out,
                    1024,
                    &format!("dvc pull from {name}: {}", p.trim()),
                    &mut w,
                );
                n += 1;
            }
        }
    }
    if n == 0 {
        c::out(ctx, "Everything is up to date.");
    } else {
        c::out(
            ctx,
            &format!(
                "A       (placeholder data)\n{n} file{} added",
                if n == 1 { "" } else { "s" }
            ),
        );
        ctx.rt.notes.push(format!(
            "dvc pull: {n} placeholder file(s) written from remote {name}"
        ));
    }
    0
}

/// The `dvc` program.
pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let args: Vec<String> = argv.iter().skip(1).cloned().collect();
    let rest = args.get(1..).unwrap_or(&[]).to_vec();
    match args.first().map(String::as_str) {
        Some("--version" | "version" | "-V") => {
            let v = c::info(ctx, "banner")
                .or_else(|| {
                    drydock_catalog::packages::texts()
                        .versions
                        .get("dvc")
                        .cloned()
                })
                .unwrap_or_else(|| "3.67.1".into());
            c::out(ctx, &v);
            0
        }
        Some(verb @ ("pull" | "fetch" | "push")) => transfer(ctx, verb, &rest),
        Some("init") => {
            let dir = ctx.cwd.clone();
            let m = ctx.new_meta(0o755);
            let _ = c::mkdir_p_with(ctx, &format!("{dir}/.dvc/tmp"), m);
            let _ = c::write(ctx, &format!("{dir}/.dvc/config"), b"", 0o644);
            let _ = c::write(
                ctx,
                &format!("{dir}/.dvc/.gitignore"),
                b"/config.local\n/tmp\n/cache\n",
                0o644,
            );
            c::out(ctx, "Initialized DVC repository.\n");
            0
        }
        Some(other) => {
            let line = argv.join(" ");
            ctx.rt
                .notes
                .push(format!("`{line}`: dvc {other} is not simulated"));
            c::eout(
                ctx,
                &format!("ERROR: `dvc {other}` is not simulated by Drydock\n"),
            );
            1
        }
        None => {
            c::eout(
                ctx,
                "usage: dvc [-q | -v] [-h] [-V] [--cd <path>] COMMAND ...\n",
            );
            254
        }
    }
}
