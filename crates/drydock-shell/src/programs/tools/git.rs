//! `git` (2.39 as Debian ships it): `--version` from the banner, `clone URL [DIR]` (a
//! placeholder checkout: a README and a `.git` directory with HEAD, config and refs; without a
//! network git's `Could not resolve host` failure, exit 128), `init`, and `rev-parse`/`status`
//! inside a checkout. Any other subcommand fails naming itself as not simulated.
use crate::programs::ProgramCtx;
use crate::programs::common as c;

/// The repository name git derives from a URL (`…/repo.git` → `repo`).
fn humanish(url: &str) -> String {
    let t = url.trim_end_matches('/');
    let t = t.strip_suffix("/.git").unwrap_or(t);
    let last = t.rsplit(['/', ':']).next().unwrap_or(t);
    last.strip_suffix(".git").unwrap_or(last).to_owned()
}

fn host_of(url: &str) -> String {
    if let Some(rest) = url.split_once("://").map(|(_, r)| r) {
        let h = rest.split('/').next().unwrap_or(rest);
        return h.rsplit('@').next().unwrap_or(h).to_owned();
    }
    // scp-like `git@github.com:org/repo.git`
    let h = url.split(':').next().unwrap_or(url);
    h.rsplit('@').next().unwrap_or(h).to_owned()
}

fn write_git_dir(ctx: &mut ProgramCtx<'_, '_>, dir: &str, origin: Option<&str>, branch: &str) {
    let m = ctx.new_meta(0o755);
    let g = format!("{dir}/.git");
    for sub in [
        "objects/info",
        "objects/pack",
        "refs/heads",
        "refs/tags",
        "hooks",
        "info",
    ] {
        let _ = c::mkdir_p_with(ctx, &format!("{g}/{sub}"), m);
    }
    let _ = c::write(
        ctx,
        &format!("{g}/HEAD"),
        format!("ref: refs/heads/{branch}\n").as_bytes(),
        0o644,
    );
    let mut cfg = String::from(
        "[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n",
    );
    if let Some(url) = origin {
        cfg.push_str(&format!(
            "[remote \"origin\"]\n\turl = {url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch \"{branch}\"]\n\tremote = origin\n\tmerge = refs/heads/{branch}\n"
        ));
        let sha = format!(
            "{:016x}{:016x}{:08x}",
            c::seed_of(url),
            c::seed_of(&format!("{url}#")),
            c::seed_of(branch) & 0xffff_ffff
        );
        let _ = c::write(
            ctx,
            &format!("{g}/refs/heads/{branch}"),
            format!("{sha}\n").as_bytes(),
            0o644,
        );
        let _ = c::write(
            ctx,
            &format!("{g}/packed-refs"),
            format!("# pack-refs with: peeled fully-peeled sorted \n{sha} refs/remotes/origin/{branch}\n").as_bytes(),
            0o644,
        );
    }
    let _ = c::write(ctx, &format!("{g}/config"), cfg.as_bytes(), 0o644);
    let _ = c::write(
        ctx,
        &format!("{g}/description"),
        b"Unnamed repository; edit this file 'description' to name the repository.\n",
        0o644,
    );
}

fn clone(ctx: &mut ProgramCtx<'_, '_>, args: &[String]) -> i32 {
    let mut branch = "main".to_owned();
    let mut quiet = false;
    let mut pos: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-b" | "--branch" => {
                if let Some(b) = it.next() {
                    branch = b.clone();
                }
            }
            "--depth" | "--origin" | "-o" | "--filter" | "-c" | "--config" => {
                it.next();
            }
            "-q" | "--quiet" => quiet = true,
            s if s.starts_with("--branch=") => {
                branch = s.trim_start_matches("--branch=").to_owned();
            }
            s if s.starts_with('-') => {}
            s => pos.push(s.to_owned()),
        }
    }
    let Some(url) = pos.first().cloned() else {
        c::eout(
            ctx,
            "fatal: You must specify a repository to clone.\n\nusage: git clone [<options>] [--] <repo> [<dir>]\n",
        );
        return 129;
    };
    let name = pos.get(1).cloned().unwrap_or_else(|| humanish(&url));
    let dir = ctx.abs(&name);
    if c::exists(ctx, &dir) && !ctx.rt.fs.read_dir(&dir).unwrap_or_default().is_empty() {
        c::eout(
            ctx,
            &format!(
                "fatal: destination path '{name}' already exists and is not an empty directory.\n"
            ),
        );
        return 128;
    }
    if !quiet {
        c::eout(ctx, &format!("Cloning into '{name}'...\n"));
    }
    if !ctx.rt.config.network {
        let host = host_of(&url);
        let m = if url.contains("://") && !url.starts_with("ssh://") {
            let slash = if url.ends_with('/') { "" } else { "/" };
            format!("fatal: unable to access '{url}{slash}': Could not resolve host: {host}\n")
        } else {
            format!(
                "ssh: Could not resolve hostname {host}: Temporary failure in name resolution\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n"
            )
        };
        c::eout(ctx, &m);
        return 128;
    }
    let m = ctx.new_meta(0o755);
    if c::mkdir_p_with(ctx, &dir, m).is_err() {
        c::eout(
            ctx,
            &format!("fatal: could not create work tree dir '{name}': Permission denied\n"),
        );
        return 128;
    }
    write_git_dir(ctx, &dir, Some(&url), &branch);
    let readme = format!(
        "# {}\n\nPlaceholder checkout of {url} (Drydock does not fetch repositories).\n",
        humanish(&url)
    );
    let _ = c::write(ctx, &format!("{dir}/README.md"), readme.as_bytes(), 0o644);
    ctx.rt.notes.push(format!(
        "git clone {url}: a placeholder checkout (README.md and .git) was written to {dir}"
    ));
    0
}

/// The checkout holding the working directory, if any.
fn repo_root(ctx: &ProgramCtx<'_, '_>) -> Option<String> {
    let mut dir = ctx.cwd.clone();
    loop {
        if c::is_dir(ctx, &c::join(&dir, ".git")) {
            return Some(dir);
        }
        if dir == "/" || dir.is_empty() {
            return None;
        }
        dir = c::parent(&dir).to_owned();
    }
}

const NOT_REPO: &str = "fatal: not a git repository (or any of the parent directories): .git\n";

/// The `git` program.
pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let args: Vec<String> = argv.iter().skip(1).cloned().collect();
    let rest = args.get(1..).unwrap_or(&[]).to_vec();
    match args.first().map(String::as_str) {
        Some("--version" | "version") => {
            let v = c::info(ctx, "banner")
                .or_else(|| {
                    drydock_catalog::packages::texts()
                        .versions
                        .get("git")
                        .cloned()
                })
                .unwrap_or_else(|| "git version 2.39.5".into());
            c::out(ctx, &v);
            0
        }
        Some("clone") => clone(ctx, &rest),
        Some("init") => {
            let dir = ctx.abs(rest.iter().find(|a| !a.starts_with('-')).map_or(".", |s| s));
            let m = ctx.new_meta(0o755);
            let _ = c::mkdir_p_with(ctx, &dir, m);
            write_git_dir(ctx, &dir, None, "master");
            c::out(
                ctx,
                &format!("Initialized empty Git repository in {dir}/.git/"),
            );
            0
        }
        Some("rev-parse") => match repo_root(ctx) {
            Some(root) => {
                if rest.iter().any(|a| a == "--show-toplevel") {
                    c::out(ctx, &root);
                }
                0
            }
            None => {
                c::eout(ctx, NOT_REPO);
                128
            }
        },
        Some(other) => match repo_root(ctx) {
            None if other != "config" => {
                c::eout(ctx, NOT_REPO);
                128
            }
            _ => {
                let line = argv.join(" ");
                ctx.rt
                    .notes
                    .push(format!("`{line}`: git {other} is not simulated"));
                c::eout(
                    ctx,
                    &format!("git: '{other}' is not simulated by Drydock\n"),
                );
                1
            }
        },
        None => {
            c::out(
                ctx,
                "usage: git [-v | --version] [-h | --help] [-C <path>] [-c <name>=<value>]\n           <command> [<args>]",
            );
            1
        }
    }
}
