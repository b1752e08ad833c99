//! `nginx` as the official image runs it: `-v`/`-V`/`-t`, `-g 'daemon off;'` in the foreground
//! (its startup notices, the port of the first `listen` in its configuration, one worker per CPU,
//! a graceful shutdown on SIGQUIT — the image's STOPSIGNAL — and a fast one on SIGTERM/SIGINT),
//! and without `daemon off;` the classic container mistake: the master forks into the background
//! and the container's main process exits at once.
use drydock_shell::fs::Kind;
use drydock_shell::{ExitStatus, ProgramCtx};

use super::Signals;
use super::programs::ContainerPrograms;

const VERSION: &str = "1.29.3";
/// When the notices say they happened (the simulated servers print a fixed time).
const TS: &str = "2026/11/23 09:00:00";
/// Worker processes: `worker_processes auto;` on the simulated machine's 4 CPUs.
const WORKERS: [u32; 4] = [29, 30, 31, 32];
const CONF: &str = "/etc/nginx/nginx.conf";

fn notice(pid: u32, text: &str) -> (bool, String) {
    (true, format!("{TS} [notice] {pid}#{pid}: {text}"))
}

/// The port of the first `listen` directive in the main configuration or `conf.d/*.conf`.
fn listen_port(ctx: &ProgramCtx<'_, '_>) -> u16 {
    let mut files = vec![CONF.to_owned()];
    if let Ok(names) = ctx.rt.fs.read_dir("/etc/nginx/conf.d") {
        let mut confs: Vec<String> = names
            .into_iter()
            .filter(|n| n.ends_with(".conf"))
            .map(|n| format!("/etc/nginx/conf.d/{n}"))
            .collect();
        confs.sort();
        files.extend(confs);
    }
    for f in files {
        let Ok(bytes) = ctx.rt.fs.read_file(&f) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines() {
            let l = line.trim();
            if let Some(rest) = l.strip_prefix("listen") {
                let addr = rest.trim().trim_end_matches(';');
                let first = addr.split_whitespace().next().unwrap_or("");
                let port = first.rsplit(':').next().unwrap_or(first);
                if let Ok(p) = port.parse::<u16>() {
                    return p;
                }
            }
        }
    }
    80
}

/// The compiler line of the image's build (Debian's or Alpine's GCC).
fn built_by(ctx: &ProgramCtx<'_, '_>) -> &'static str {
    if ctx.rt.fs.stat("/etc/alpine-release").is_ok() {
        "built by gcc 14.2.0 (Alpine 14.2.0) "
    } else {
        "built by gcc 14.2.0 (Debian 14.2.0-19) "
    }
}

/// The shutdown notices after `signal` (number, name): workers exiting, then the master.
fn shutdown(pid: u32, signal: (u32, &str), graceful: bool) -> Vec<(bool, String)> {
    let mut v = vec![notice(
        pid,
        &format!(
            "signal {} (SIG{}) received, {}",
            signal.0,
            signal.1,
            if graceful { "shutting down" } else { "exiting" }
        ),
    )];
    for w in WORKERS {
        if graceful {
            v.push(notice(w, "gracefully shutting down"));
        }
        v.push(notice(w, "exiting"));
        v.push(notice(w, "exit"));
    }
    for w in WORKERS {
        v.push(notice(
            pid,
            &format!("signal 17 (SIGCHLD) received from {w}"),
        ));
        v.push(notice(
            pid,
            &format!("worker process {w} exited with code 0"),
        ));
    }
    v.push(notice(pid, "exit"));
    v
}

/// Runs `nginx ARGS`.
pub fn run(
    progs: &ContainerPrograms<'_>,
    ctx: &mut ProgramCtx<'_, '_>,
    argv: &[String],
) -> ExitStatus {
    let mut foreground = false;
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        match a.as_str() {
            "-v" => {
                ctx.stderr(format!("nginx version: nginx/{VERSION}\n").as_bytes());
                return 0;
            }
            "-V" => {
                ctx.stderr(
                    format!(
                        "nginx version: nginx/{VERSION}\n{}\nbuilt with OpenSSL 3.5.1 1 Jul 2025\nTLS SNI support enabled\nconfigure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/run/nginx.pid --user=nginx --group=nginx --with-http_ssl_module --with-http_v2_module --with-http_v3_module\n",
                        built_by(ctx)
                    )
                    .as_bytes(),
                );
                return 0;
            }
            "-t" | "-T" => {
                if ctx.rt.fs.stat(CONF).map(|m| m.kind) != Ok(Kind::File) {
                    ctx.stderr(
                        format!("nginx: [emerg] open() \"{CONF}\" failed (2: No such file or directory)\nnginx: configuration file {CONF} test failed\n")
                            .as_bytes(),
                    );
                    return 1;
                }
                ctx.stderr(
                    format!("nginx: the configuration file {CONF} syntax is ok\nnginx: configuration file {CONF} test is successful\n")
                        .as_bytes(),
                );
                return 0;
            }
            "-s" => {
                ctx.stderr(
                    b"nginx: [notice] signal process started\nnginx: [error] open() \"/run/nginx.pid\" failed (2: No such file or directory)\n",
                );
                return 1;
            }
            "-g" => {
                let directives = argv.get(i + 1).map(String::as_str).unwrap_or("");
                if directives.split(';').any(|d| {
                    let mut w = d.split_whitespace();
                    w.next() == Some("daemon") && w.next() == Some("off")
                }) {
                    foreground = true;
                }
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    if !foreground {
        // The master daemonizes: PID 1 exits, and with it the container.
        progs.effects.borrow_mut().notes.push(
            "nginx without `-g 'daemon off;'` forks into the background: the container's main process exited, so the container stopped".to_owned(),
        );
        return 0;
    }
    let (pid1, pid) = super::servers::main_pid(progs, ctx);
    let port = listen_port(ctx);
    let mut lines = vec![
        notice(pid, "using the \"epoll\" event method"),
        notice(pid, &format!("nginx/{VERSION}")),
        notice(pid, built_by(ctx)),
        notice(pid, "OS: Linux 6.8.0-60-generic"),
        notice(pid, "getrlimit(RLIMIT_NOFILE): 1048576:1048576"),
        notice(pid, "start worker processes"),
    ];
    for w in WORKERS {
        lines.push(notice(pid, &format!("start worker process {w}")));
    }
    let signals = Signals {
        handles_term: true,
        term_lines: shutdown(pid, (15, "TERM"), false),
        term_code: 0,
        handles_int: true,
        int_lines: shutdown(pid, (2, "INT"), false),
        int_code: 0,
        handles_quit: true,
        quit_lines: shutdown(pid, (3, "QUIT"), true),
        quit_code: 0,
    };
    super::servers::listen(progs, ctx, "nginx", None, &lines, port, signals, pid1);
    0
}
