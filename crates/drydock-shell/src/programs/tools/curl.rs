//! `curl` (7.88/8.x): `-o FILE`, `-O`, `-L`, `-s`, `-S`, `-f`, `-I`, `--create-dirs`, `-w`,
//! the progress meter on stderr, HTTP failures with `-f` (exit 22), and `Could not resolve
//! host` (exit 6) when the network is off.
use super::fetch::{self, Body};
use crate::programs::ProgramCtx;
use crate::programs::common as c;

fn meter_size(n: u64) -> String {
    if n < 100_000 {
        return n.to_string();
    }
    let units = ["k", "M", "G"];
    let mut v = n as f64 / 1024.0;
    let mut i = 0;
    while v >= 1000.0 && i < 2 {
        v /= 1024.0;
        i += 1;
    }
    let u = units.get(i).copied().unwrap_or("G");
    if v < 10.0 {
        format!("{v:.1}{u}")
    } else {
        format!("{}{u}", v as u64)
    }
}

fn meter(total: u64) -> String {
    let t = meter_size(total);
    let speed = meter_size(total.saturating_mul(3) / 2 + 1);
    format!(
        "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100 {t:>5}  100 {t:>5}    0     0  {speed:>5}      0 --:--:-- --:--:-- --:--:-- {speed:>5}\n"
    )
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let mut urls = Vec::new();
    let mut outputs: Vec<String> = Vec::new();
    let (mut remote_name, mut silent, mut show_err, mut fail, mut head, mut create_dirs) =
        (false, false, false, false, false, false);
    let mut write_out: Option<String> = None;
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        i += 1;
        match a.as_str() {
            "-o" | "--output" => {
                if let Some(v) = argv.get(i) {
                    outputs.push(v.clone());
                }
                i += 1;
            }
            "-O" | "--remote-name" => remote_name = true,
            "-s" | "--silent" => silent = true,
            "-S" | "--show-error" => show_err = true,
            "-f" | "--fail" => fail = true,
            "-I" | "--head" => head = true,
            "--create-dirs" => create_dirs = true,
            "-w" | "--write-out" => {
                write_out = argv.get(i).cloned();
                i += 1;
            }
            "-H" | "--header" | "-X" | "--request" | "-d" | "--data" | "-u" | "--user" | "-A"
            | "--user-agent" | "--retry" | "--retry-delay" | "--connect-timeout" | "-m"
            | "--max-time" | "--cacert" | "-e" | "--proto" | "--tlsv1.2" | "-F" | "--form"
            | "-x" | "--proxy" => i += 1,
            "--version" | "-V" => {
                let t = drydock_catalog::packages::texts()
                    .versions
                    .get("curl")
                    .cloned()
                    .unwrap_or_default();
                c::out(ctx, &t);
                return 0;
            }
            s if s.starts_with("--") => {}
            s if s.starts_with('-') && s.len() > 1 => {
                let letters: Vec<char> = s.chars().skip(1).collect();
                for (k, ch) in letters.iter().enumerate() {
                    match ch {
                        's' => silent = true,
                        'S' => show_err = true,
                        'f' => fail = true,
                        'L' | 'k' | 'v' | '#' | 'N' | 'g' | '4' | '6' => {}
                        'O' => remote_name = true,
                        'I' => head = true,
                        'o' if k + 1 == letters.len() => {
                            if let Some(v) = argv.get(i) {
                                outputs.push(v.clone());
                            }
                            i += 1;
                        }
                        _ => {}
                    }
                }
            }
            s => urls.push(s.to_owned()),
        }
    }
    let show_errors = !silent || show_err;
    let Some(url) = urls.first().cloned() else {
        c::eout(
            ctx,
            "curl: try 'curl --help' or 'curl --manual' for more information\n",
        );
        return 2;
    };
    let url = if url.contains("://") {
        url
    } else {
        format!("http://{url}")
    };
    if !ctx.rt.config.network {
        if !silent {
            c::eout(
                ctx,
                "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n",
            );
        }
        if show_errors {
            c::eout(
                ctx,
                &format!("curl: (6) Could not resolve host: {}\n", fetch::host(&url)),
            );
        }
        return 6;
    }
    let resp = fetch::get(&url);
    c::busy::download(ctx, resp.len());
    if head {
        c::out(
            ctx,
            &format!(
                "HTTP/2 {}\r\ncontent-type: {}\r\ncontent-length: {}\r\n\r",
                resp.status,
                resp.content_type,
                resp.len()
            ),
        );
        return 0;
    }
    if fail && resp.status >= 400 {
        if show_errors {
            c::eout(
                ctx,
                &format!(
                    "curl: (22) The requested URL returned error: {}\n",
                    resp.status
                ),
            );
        }
        return 22;
    }
    let target = if remote_name {
        match fetch::file_name(&url) {
            Some(n) => Some(n),
            None => {
                if show_errors {
                    c::eout(
                        ctx,
                        "curl: (23) Failed writing received data to disk/application\n",
                    );
                }
                return 23;
            }
        }
    } else {
        outputs.first().cloned()
    };
    if !silent {
        c::eout(ctx, &meter(resp.len()));
    }
    match target {
        Some(t) if t != "-" => {
            let path = ctx.abs(&t);
            if create_dirs {
                let m = ctx.new_meta(0o755);
                let _ = c::mkdir_p_with(ctx, c::parent(&path), m);
            }
            if let Err(e) = resp.save(ctx, &path) {
                if show_errors {
                    let why = if e == crate::fs::FsError::NotFound {
                        "No such file or directory"
                    } else {
                        e.message()
                    };
                    c::eout(
                        ctx,
                        &format!(
                            "Warning: Failed to open the file {t}: {why}\ncurl: (23) Failure writing output to destination\n"
                        ),
                    );
                }
                return 23;
            }
        }
        _ => {
            let bytes = resp.bytes();
            ctx.stdout(&bytes);
        }
    }
    if let Some(w) = write_out {
        let s = w
            .replace("%{http_code}", &resp.status.to_string())
            .replace("\\n", "\n");
        ctx.stdout(s.as_bytes());
    }
    if let Body::Blob(..) = resp.body {
        ctx.rt.notes.push(format!(
            "curl {url}: simulated download ({} bytes)",
            resp.len()
        ));
    }
    0
}
