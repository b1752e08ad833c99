//! `wget` (GNU Wget 1.21 on Debian, busybox's applet on alpine): `-O FILE|-`, `-q`, `-nv`,
//! `-P DIR`, `--no-check-certificate`; the transcript on stderr, 404s (exit 8) and name
//! resolution failures (exit 4 / busybox's `bad address`).
use super::fetch::{self};
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, clock};

fn human(n: u64) -> String {
    if n < 1024 {
        return n.to_string();
    }
    let mut v = n as f64 / 1024.0;
    let units = ["K", "M", "G"];
    let mut i = 0;
    while v >= 1024.0 && i < 2 {
        v /= 1024.0;
        i += 1;
    }
    let u = units.get(i).copied().unwrap_or("G");
    if v < 10.0 {
        format!("{v:.1}{u}")
    } else {
        format!("{}{u}", v.round() as u64)
    }
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let bb = c::busybox(ctx);
    let mut out_file: Option<String> = None;
    let mut quiet = false;
    let mut nv = false;
    let mut prefix: Option<String> = None;
    let mut urls = Vec::new();
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        i += 1;
        match a.as_str() {
            "-O" | "--output-document" => {
                out_file = argv.get(i).cloned();
                i += 1;
            }
            "-P" | "--directory-prefix" => {
                prefix = argv.get(i).cloned();
                i += 1;
            }
            "-q" | "--quiet" => quiet = true,
            "-nv" | "--no-verbose" => nv = true,
            "-qO-" | "-qO" => {
                quiet = true;
                out_file = Some(if a == "-qO-" {
                    "-".into()
                } else {
                    argv.get(i).cloned().unwrap_or_default()
                });
                if a == "-qO" {
                    i += 1;
                }
            }
            "--version" | "-V" => {
                let t = drydock_catalog::packages::texts()
                    .versions
                    .get("wget")
                    .cloned()
                    .unwrap_or_default();
                c::out(ctx, &t);
                return 0;
            }
            "-T" | "--timeout" | "-t" | "--tries" | "--header" | "-U" | "--user-agent" => i += 1,
            s if s.starts_with("-O") && s.len() > 2 => {
                out_file = Some(s.get(2..).unwrap_or("").to_owned())
            }
            s if s.starts_with('-') => {}
            s => urls.push(s.to_owned()),
        }
    }
    let Some(url) = urls.first().cloned() else {
        if bb {
            c::eout(
                ctx,
                "BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n",
            );
        } else {
            c::eout(
                ctx,
                "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n",
            );
        }
        return 1;
    };
    let url = if url.contains("://") {
        url
    } else {
        format!("http://{url}")
    };
    let host = fetch::host(&url);
    let stamp = clock::strftime("%Y-%m-%d %H:%M:%S", ctx.rt.config.mtime);
    let name = out_file
        .clone()
        .unwrap_or_else(|| fetch::file_name(&url).unwrap_or_else(|| "index.html".into()));
    let name = match &prefix {
        Some(p) if out_file.is_none() => c::join(p, &name),
        _ => name,
    };
    let mut log = String::new();
    if !ctx.rt.config.network {
        if bb {
            c::eout(ctx, &format!("wget: bad address '{host}'\n"));
            return 1;
        }
        if !quiet {
            log.push_str(&format!("--{stamp}--  {url}\nResolving {host} ({host})... failed: Temporary failure in name resolution.\n"));
        }
        log.push_str(&format!("wget: unable to resolve host address ‘{host}’\n"));
        c::eout(ctx, &log);
        return 4;
    }
    let resp = fetch::get(&url);
    c::busy::download(ctx, resp.len());
    let ip = fetch::address(&host);
    if resp.status >= 400 {
        if bb {
            c::eout(
                ctx,
                &format!(
                    "Connecting to {host} ({ip}:443)\nwget: server returned error: HTTP/1.1 {} Not Found\n",
                    resp.status
                ),
            );
            return 1;
        }
        if !quiet {
            log.push_str(&format!("--{stamp}--  {url}\nResolving {host} ({host})... {ip}\nConnecting to {host} ({host})|{ip}|:443... connected.\nHTTP request sent, awaiting response... {} Not Found\n{stamp} ERROR {}: Not Found.\n\n", resp.status, resp.status));
        }
        c::eout(ctx, &log);
        return 8;
    }
    let len = resp.len();
    if name == "-" {
        let bytes = resp.bytes();
        ctx.stdout(&bytes);
    } else {
        let path = ctx.abs(&name);
        if let Some(p) = &prefix {
            let dir = ctx.abs(p);
            let m = ctx.new_meta(0o755);
            let _ = c::mkdir_p_with(ctx, &dir, m);
        }
        if let Err(e) = resp.save(ctx, &path) {
            c::eout(ctx, &format!("{name}: {}\n", e.message()));
            return 3;
        }
    }
    if quiet {
        return 0;
    }
    if bb {
        let shown = if name == "-" {
            "stdout".to_owned()
        } else {
            format!("'{name}'")
        };
        c::eout(
            ctx,
            &format!(
                "Connecting to {host} ({ip}:443)\nsaving to {shown}\n{:<20} 100% |********************************| {:>5}  0:00:00 ETA\n{shown} saved\n",
                c::base(&name),
                human(len)
            ),
        );
        return 0;
    }
    let shown = if name == "-" {
        "STDOUT".to_owned()
    } else {
        name.clone()
    };
    if nv {
        log.push_str(&format!(
            "{stamp} URL:{url} [{len}/{len}] -> \"{shown}\" [1]\n"
        ));
    } else {
        log.push_str(&format!(
            "--{stamp}--  {url}\nResolving {host} ({host})... {ip}\nConnecting to {host} ({host})|{ip}|:443... connected.\nHTTP request sent, awaiting response... 200 OK\nLength: {len} ({}) [{}]\nSaving to: ‘{shown}’\n\n     0K .......... .......... .......... .......... ..........  100% 42.1M=0s\n\n{stamp} (42.1 MB/s) - ‘{shown}’ saved [{len}/{len}]\n\n",
            human(len),
            resp.content_type
        ));
    }
    c::eout(ctx, &log);
    0
}
