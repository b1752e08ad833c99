//! `gzip [-d] [-c] [-k] [-f] FILE…`, `gunzip`, `zcat`: single-member compressed files as
//! Drydock archive manifests.
use crate::programs::ProgramCtx;
use crate::programs::common::archive::{Archive, Item};
use crate::programs::common::{self as c};

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "dckfqrvn123456789t",
        &[
            ("decompress", 'd'),
            ("stdout", 'c'),
            ("to-stdout", 'c'),
            ("keep", 'k'),
            ("force", 'f'),
            ("quiet", 'q'),
            ("verbose", 'v'),
            ("best", '9'),
            ("fast", '1'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let decompress = a.has('d') || p == "gunzip" || p == "zcat";
    let to_stdout = a.has('c') || p == "zcat";
    let ops = if a.ops.is_empty() {
        vec!["-".to_owned()]
    } else {
        a.ops.clone()
    };
    let mut status = 0;
    for op in &ops {
        let data = match c::read_operand(ctx, op, stdin) {
            Ok(d) => d,
            Err(e) => {
                c::eout(ctx, &format!("{p}: {op}: {}\n", e.message()));
                status = 1;
                continue;
            }
        };
        if decompress {
            let Some(ar) = Archive::decode(&String::from_utf8_lossy(&data))
                .filter(|a| a.format == "gz" || a.compression == "gz")
            else {
                let shown = if op == "-" { "stdin" } else { op };
                if op != "-" && !op.ends_with(".gz") && !op.ends_with(".tgz") && !to_stdout {
                    c::eout(ctx, &format!("{p}: {op}: unknown suffix -- ignored\n"));
                    status = status.max(2);
                    continue;
                }
                c::eout(ctx, &format!("{p}: {shown}: not in gzip format\n"));
                status = 1;
                continue;
            };
            if ar.format == "tar" {
                // a .tar.gz decompressed: the tar archive itself
                let inner = Archive {
                    compression: String::new(),
                    ..ar
                };
                if to_stdout || op == "-" {
                    ctx.stdout(inner.encode().as_bytes());
                } else {
                    let out = ctx.abs(op.trim_end_matches(".gz").trim_end_matches(".tgz"));
                    let _ = inner.write_to(ctx, &out, 0o644);
                    if !a.has('k') {
                        let abs = ctx.abs(op);
                        let _ = ctx.fs().remove(&abs);
                    }
                }
                continue;
            }
            for item in &ar.items {
                let bytes = match item {
                    Item::Text { data, .. } => data.clone(),
                    Item::Blob { size, what, .. } => {
                        format!("[synthetic file: {size} bytes: {what}]").into_bytes()
                    }
                    _ => Vec::new(),
                };
                if to_stdout || op == "-" {
                    ctx.stdout(&bytes);
                } else {
                    let out = ctx.abs(op.strip_suffix(".gz").unwrap_or(op));
                    let r = match item {
                        Item::Blob { size, what, .. } => {
                            let m = ctx.new_meta(0o644);
                            ctx.fs()
                                .write_synthetic(&out, *size, c::seed_of(&out), what, m)
                        }
                        _ => c::write(ctx, &out, &bytes, 0o644),
                    };
                    if r.is_ok() && !a.has('k') {
                        let abs = ctx.abs(op);
                        let _ = ctx.fs().remove(&abs);
                    }
                }
            }
            continue;
        }
        // compress
        if op != "-" && op.ends_with(".gz") && !a.has('f') {
            c::eout(
                ctx,
                &format!("{p}: {op} already has .gz suffix -- unchanged\n"),
            );
            status = status.max(2);
            continue;
        }
        let abs = if op == "-" {
            String::new()
        } else {
            ctx.abs(op)
        };
        let item = if op == "-" {
            Item::Text {
                path: "-".into(),
                mode: 0o644,
                data,
            }
        } else {
            let mut items = Vec::new();
            crate::programs::common::archive::collect(ctx, &abs, c::base(op), &mut items);
            match items.into_iter().next() {
                Some(i) => i,
                None => continue,
            }
        };
        let inner_tar = Archive::decode(&String::from_utf8_lossy(match &item {
            Item::Text { data, .. } => data,
            _ => &[][..],
        }))
        .filter(|x| x.format == "tar" && x.compression.is_empty());
        let ar = match inner_tar {
            Some(t) => Archive {
                compression: "gz".into(),
                ..t
            },
            None => Archive {
                format: "gz".into(),
                compression: "gz".into(),
                items: vec![item],
            },
        };
        if to_stdout || op == "-" {
            ctx.stdout(ar.encode().as_bytes());
            continue;
        }
        let out = format!("{abs}.gz");
        if let Err(e) = ar.write_to(ctx, &out, 0o644) {
            c::eout(ctx, &format!("{p}: {op}.gz: {}\n", e.message()));
            status = 1;
            continue;
        }
        if !a.has('k') {
            let _ = ctx.fs().remove(&abs);
        }
    }
    status
}
