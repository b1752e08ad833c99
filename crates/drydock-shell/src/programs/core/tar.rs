//! `tar -c|-x|-t [-z|-j|-J] [-v] [-f FILE] [-C DIR] [--strip-components=N] [--exclude=PAT]
//! [MEMBER…]` (also old-style `tar xzf FILE`) over Drydock's archive manifests (see
//! `common/archive.rs`), with GNU tar's messages.
use crate::programs::ProgramCtx;
use crate::programs::common::archive::{self, Archive, Item};
use crate::programs::common::{self as c};

fn fatal(ctx: &mut ProgramCtx<'_, '_>, m: &str) -> i32 {
    c::err(ctx, "tar", m);
    c::err(ctx, "tar", "Error is not recoverable: exiting now");
    2
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    // old style: the first word is a bundle of letters without a dash
    let mut args: Vec<String> = argv.to_vec();
    if let Some(first) = args.get(1).cloned()
        && !first.starts_with('-')
        && first.chars().all(|ch| "cxtzjJvfpoCOk".contains(ch))
        && let Some(a) = args.get_mut(1)
    {
        *a = format!("-{first}");
    }
    let a = match c::parse(
        &args,
        "cxtzjJavf:C:pok",
        &[
            ("create", 'c'),
            ("extract", 'x'),
            ("get", 'x'),
            ("list", 't'),
            ("gzip", 'z'),
            ("gunzip", 'z'),
            ("bzip2", 'j'),
            ("xz", 'J'),
            ("zstd", '\u{5}'),
            ("auto-compress", 'a'),
            ("verbose", 'v'),
            ("file=", 'f'),
            ("directory=", 'C'),
            ("strip-components=", '\u{1}'),
            ("exclude=", '\u{2}'),
            ("no-same-owner", 'o'),
            ("same-owner", '\u{3}'),
            ("preserve-permissions", 'p'),
            ("owner=", '\u{4}'),
            ("group=", '\u{4}'),
            ("numeric-owner", '\u{6}'),
            ("overwrite", '\u{6}'),
            ("keep-old-files", 'k'),
            ("wildcards", '\u{6}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => {
            let m = match &e {
                c::opts::BadOpt::Missing(ch) => format!("option requires an argument -- '{ch}'"),
                c::opts::BadOpt::Short(ch) => format!("invalid option -- '{ch}'"),
                c::opts::BadOpt::Long(l) => format!("unrecognized option '{l}'"),
                c::opts::BadOpt::Extra(m) => m.clone(),
            };
            c::err(ctx, &p, &m);
            c::eout(
                ctx,
                "Try 'tar --help' or 'tar --usage' for more information.\n",
            );
            return 64;
        }
    };
    let modes = ['c', 'x', 't'].iter().filter(|m| a.has(**m)).count();
    if modes == 0 {
        c::err(
            ctx,
            &p,
            "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options",
        );
        c::eout(
            ctx,
            "Try 'tar --help' or 'tar --usage' for more information.\n",
        );
        return 2;
    }
    if modes > 1 {
        c::err(
            ctx,
            &p,
            "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option",
        );
        c::eout(
            ctx,
            "Try 'tar --help' or 'tar --usage' for more information.\n",
        );
        return 2;
    }
    let file = a.val('f').map(str::to_owned);
    let dir = a
        .val('C')
        .map(|d| ctx.abs(d))
        .unwrap_or_else(|| ctx.cwd.clone());
    let verbose = a.has('v');
    let compression = if a.has('z') {
        "gz"
    } else if a.has('j') {
        "bz2"
    } else if a.has('J') {
        "xz"
    } else if a.has('\u{5}') {
        "zst"
    } else if a.has('a') {
        match file.as_deref() {
            Some(f) if f.ends_with(".gz") || f.ends_with(".tgz") => "gz",
            Some(f) if f.ends_with(".xz") => "xz",
            Some(f) if f.ends_with(".bz2") => "bz2",
            _ => "",
        }
    } else {
        ""
    };
    let excludes: Vec<&str> = a.vals('\u{2}');
    if a.has('c') {
        if a.ops.is_empty() {
            c::err(ctx, &p, "Cowardly refusing to create an empty archive");
            c::eout(
                ctx,
                "Try 'tar --help' or 'tar --usage' for more information.\n",
            );
            return 2;
        }
        let mut ar = Archive {
            format: "tar".into(),
            compression: compression.into(),
            items: Vec::new(),
        };
        let mut status = 0;
        let mut listing = String::new();
        for op in &a.ops {
            let abs = crate::fs::resolve(&dir, op);
            if c::lstat(ctx, &abs).is_err() {
                c::err(
                    ctx,
                    &p,
                    &format!("{op}: Cannot stat: No such file or directory"),
                );
                status = 2;
                continue;
            }
            let mut items = Vec::new();
            archive::collect(ctx, &abs, op.trim_start_matches('/'), &mut items);
            items.retain(|i| {
                !excludes.iter().any(|x| {
                    drydock_vfs::fnmatch(x, c::base(i.path().trim_end_matches('/')), false)
                })
            });
            for i in &items {
                listing.push_str(i.path());
                listing.push('\n');
            }
            ar.items.extend(items);
        }
        if op_abs_leading_slash(&a.ops) {
            c::err(ctx, &p, "Removing leading `/' from member names");
        }
        match file.as_deref() {
            None | Some("-") => ctx.stdout(ar.encode().as_bytes()),
            Some(f) => {
                let abs = ctx.abs(f);
                if let Err(e) = ar.write_to(ctx, &abs, 0o644) {
                    return fatal(ctx, &format!("{f}: Cannot open: {}", e.message()));
                }
            }
        }
        if verbose {
            if file.as_deref().is_none_or(|f| f == "-") {
                ctx.stderr(listing.as_bytes());
            } else {
                ctx.stdout(listing.as_bytes());
            }
        }
        if status != 0 {
            c::err(
                ctx,
                &p,
                "Exiting with failure status due to previous errors",
            );
        }
        return status;
    }
    // -x / -t: read the archive
    let data = match file.as_deref() {
        None | Some("-") => {
            ctx.consumed_stdin = true;
            stdin.to_vec()
        }
        Some(f) => {
            let abs = ctx.abs(f);
            match ctx.rt.fs.read_file(&abs) {
                Ok(d) => d,
                Err(e) => return fatal(ctx, &format!("{f}: Cannot open: {}", e.message())),
            }
        }
    };
    let text = String::from_utf8_lossy(&data);
    let Some(ar) = Archive::decode(&text) else {
        if compression == "gz" {
            c::eout(ctx, "\ngzip: stdin: not in gzip format\n");
            c::err(ctx, &p, "Child returned status 1");
            return fatal_only(ctx);
        }
        if compression == "xz" {
            c::eout(ctx, "xz: (stdin): File format not recognized\n");
            c::err(ctx, &p, "Child returned status 1");
            return fatal_only(ctx);
        }
        c::err(ctx, &p, "This does not look like a tar archive");
        c::err(
            ctx,
            &p,
            "Exiting with failure status due to previous errors",
        );
        return 2;
    };
    let strip: usize = a.val('\u{1}').and_then(|s| s.parse().ok()).unwrap_or(0);
    let wanted: Vec<String> = a
        .ops
        .iter()
        .map(|o| o.trim_end_matches('/').to_owned())
        .collect();
    let mut listing = String::new();
    let mut found = vec![false; wanted.len()];
    let mut status = 0;
    for item in &ar.items {
        let name = item.path();
        let bare = name.trim_end_matches('/');
        if !wanted.is_empty() {
            let hit = wanted
                .iter()
                .position(|w| bare == w || bare.starts_with(&format!("{w}/")));
            match hit {
                Some(k) => {
                    if let Some(f) = found.get_mut(k) {
                        *f = true;
                    }
                }
                None => continue,
            }
        }
        if excludes
            .iter()
            .any(|x| drydock_vfs::fnmatch(x, c::base(bare), false))
        {
            continue;
        }
        if a.has('t') {
            listing.push_str(name);
            listing.push('\n');
            continue;
        }
        let Some(rel) = archive::strip(name, strip) else {
            continue;
        };
        if verbose {
            listing.push_str(name);
            listing.push('\n');
        }
        if a.has('k') && c::exists(ctx, &crate::fs::resolve(&dir, &rel)) {
            continue;
        }
        if let Err(e) = archive::extract_item(ctx, item, &rel, &dir) {
            ctx.stdout(listing.as_bytes());
            listing.clear();
            c::err(ctx, &p, &format!("{rel}: Cannot open: {}", e.message()));
            status = 2;
        }
        if matches!(item, Item::Dir { .. }) {
            continue;
        }
    }
    ctx.stdout(listing.as_bytes());
    for (w, f) in wanted.iter().zip(&found) {
        if !f {
            c::err(ctx, &p, &format!("{w}: Not found in archive"));
            status = 2;
        }
    }
    if status != 0 {
        c::err(
            ctx,
            &p,
            "Exiting with failure status due to previous errors",
        );
    }
    status
}

fn fatal_only(ctx: &mut ProgramCtx<'_, '_>) -> i32 {
    c::err(ctx, "tar", "Error is not recoverable: exiting now");
    2
}

fn op_abs_leading_slash(ops: &[String]) -> bool {
    ops.iter().any(|o| o.starts_with('/'))
}
