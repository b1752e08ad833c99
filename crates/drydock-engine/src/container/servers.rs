//! Servers that keep a container running: `uvicorn`, `fastapi run`, `streamlit run`, `flask run`,
//! `gunicorn`, `python -m http.server`, and `uvicorn.run(app)`/`app.run()` from a script. They
//! check what they load the way the real tools do (uvicorn's `Error loading ASGI app. Could not
//! import module "src/app/api".`), print their startup lines (marked as simulated in the notes),
//! listen on their port, and shut down cleanly on SIGTERM/SIGINT where the real tool does.
use drydock_shell::{ExitStatus, ProgramCtx};

use super::Signals;
use super::programs::ContainerPrograms;

fn flag(argv: &[String], names: &[&str]) -> Option<String> {
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        for n in names {
            if a == n {
                return it.next().cloned();
            }
            if let Some(v) = a.strip_prefix(&format!("{n}=")) {
                return Some(v.to_owned());
            }
        }
    }
    None
}

/// Starts listening: startup lines, port, signal handling, and the process never returns.
pub fn serve(
    progs: &ContainerPrograms<'_>,
    ctx: &mut ProgramCtx<'_, '_>,
    server: &str,
    host: Option<&str>,
    port: Option<u16>,
    _buffered: bool,
) {
    let (pid1, pid) = main_pid(progs, ctx);
    let (lines, port, signals): (Vec<(bool, String)>, u16, Signals) = match server {
        "uvicorn" | "fastapi" => {
            let host = host.unwrap_or("127.0.0.1");
            let port = port.unwrap_or(8000);
            let shutdown = vec![
                (true, "INFO:     Shutting down".to_owned()),
                (
                    true,
                    "INFO:     Waiting for application shutdown.".to_owned(),
                ),
                (true, "INFO:     Application shutdown complete.".to_owned()),
                (true, format!("INFO:     Finished server process [{pid}]")),
            ];
            (
                vec![
                    (true, format!("INFO:     Started server process [{pid}]")),
                    (
                        true,
                        "INFO:     Waiting for application startup.".to_owned(),
                    ),
                    (true, "INFO:     Application startup complete.".to_owned()),
                    (
                        true,
                        format!(
                            "INFO:     Uvicorn running on http://{host}:{port} (Press CTRL+C to quit)"
                        ),
                    ),
                ],
                port,
                Signals {
                    handles_term: true,
                    term_lines: shutdown.clone(),
                    term_code: 0,
                    handles_int: true,
                    int_lines: shutdown,
                    int_code: 0,
                    ..Signals::default()
                },
            )
        }
        "streamlit" => {
            let port = port.unwrap_or(8501);
            let url = match host {
                Some(h) => format!("  URL: http://{h}:{port}"),
                None => format!(
                    "  Local URL: http://localhost:{port}\n  Network URL: http://172.17.0.2:{port}\n  External URL: http://203.0.113.10:{port}"
                ),
            };
            let mut v = vec![
                (false, String::new()),
                (false, "Collecting usage statistics. To deactivate, set browser.gatherUsageStats to false.".to_owned()),
                (false, String::new()),
                (false, String::new()),
                (false, "  You can now view your Streamlit app in your browser.".to_owned()),
                (false, String::new()),
            ];
            v.extend(url.lines().map(|l| (false, l.to_owned())));
            v.push((false, String::new()));
            (
                v,
                port,
                Signals {
                    handles_term: true,
                    term_lines: vec![(false, "  Stopping...".to_owned())],
                    term_code: 0,
                    handles_int: true,
                    int_lines: vec![(false, "  Stopping...".to_owned())],
                    int_code: 0,
                    ..Signals::default()
                },
            )
        }
        "flask" | "flask-app" => {
            let port = port.unwrap_or(5000);
            let host = host.unwrap_or("127.0.0.1");
            let mut v = Vec::new();
            if server == "flask" {
                v.push((false, " * Serving Flask app 'app'".to_owned()));
            }
            v.push((false, " * Debug mode: off".to_owned()));
            v.push((true, "WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.".to_owned()));
            if host == "0.0.0.0" {
                v.push((true, " * Running on all addresses (0.0.0.0)".to_owned()));
                v.push((true, format!(" * Running on http://127.0.0.1:{port}")));
                v.push((true, format!(" * Running on http://172.17.0.2:{port}")));
            } else {
                v.push((true, format!(" * Running on http://{host}:{port}")));
            }
            v.push((true, "Press CTRL+C to quit".to_owned()));
            (
                v,
                port,
                Signals {
                    handles_int: true,
                    int_lines: Vec::new(),
                    int_code: 0,
                    ..Signals::default()
                },
            )
        }
        "gunicorn" => {
            let port = port.unwrap_or(8000);
            let host = host.unwrap_or("127.0.0.1");
            let ts = "[2026-11-23 09:00:00 +0000]";
            (
                vec![
                    (
                        true,
                        format!("{ts} [{pid}] [INFO] Starting gunicorn 23.0.0"),
                    ),
                    (
                        true,
                        format!("{ts} [{pid}] [INFO] Listening at: http://{host}:{port} ({pid})"),
                    ),
                    (true, format!("{ts} [{pid}] [INFO] Using worker: sync")),
                    (
                        true,
                        format!(
                            "{ts} [{}] [INFO] Booting worker with pid: {}",
                            pid + 6,
                            pid + 6
                        ),
                    ),
                ],
                port,
                Signals {
                    handles_term: true,
                    term_lines: vec![(true, format!("{ts} [{pid}] [INFO] Handling signal: term"))],
                    term_code: 0,
                    handles_int: true,
                    int_lines: vec![(true, format!("{ts} [{pid}] [INFO] Handling signal: int"))],
                    int_code: 0,
                    ..Signals::default()
                },
            )
        }
        _ => {
            let port = port.unwrap_or(8000);
            (
                vec![(
                    false,
                    format!("Serving HTTP on 0.0.0.0 port {port} (http://0.0.0.0:{port}/) ..."),
                )],
                port,
                Signals {
                    handles_int: true,
                    int_lines: vec![
                        (false, String::new()),
                        (false, "Keyboard interrupt received, exiting.".to_owned()),
                    ],
                    int_code: 0,
                    ..Signals::default()
                },
            )
        }
    };
    listen(progs, ctx, server, host, &lines, port, signals, pid1);
}

/// Whether a server's process is the container's PID 1, and the pid its log lines show. The
/// container's own process is PID 1 (the first exec from the runtime counts as 2 in
/// drydock-shell's numbering).
pub fn main_pid(progs: &ContainerPrograms<'_>, ctx: &ProgramCtx<'_, '_>) -> (bool, u32) {
    let pid1 = progs.shell_execs.unwrap_or(ctx.pid <= 2);
    (pid1, if pid1 { 1 } else { ctx.pid })
}

/// A server's start: its startup `lines` (`true`: stderr), then it listens on `port` and never
/// returns; `signals` are how it stops when it is PID 1.
#[allow(clippy::too_many_arguments)]
pub fn listen(
    progs: &ContainerPrograms<'_>,
    ctx: &mut ProgramCtx<'_, '_>,
    server: &str,
    host: Option<&str>,
    lines: &[(bool, String)],
    port: u16,
    signals: Signals,
    pid1: bool,
) {
    for (err, l) in lines {
        let text = format!("{l}\n");
        if *err {
            ctx.stderr(text.as_bytes());
        } else {
            ctx.stdout(text.as_bytes());
        }
    }
    let mut e = progs.effects.borrow_mut();
    e.forever = Some(server.to_owned());
    e.listening.push(port);
    // A child of a shell that stays PID 1: signals reach the shell, which ignores them (PID 1
    // without a handler), so `docker stop` ends with SIGKILL after its timeout (137).
    e.signals = if pid1 { signals } else { Signals::default() };
    e.notes.push(format!(
        "{server} is simulated: it listens on port {port}; requests are not served by Drydock"
    ));
    if host == Some("127.0.0.1")
        || (host.is_none() && matches!(server, "uvicorn" | "fastapi" | "flask" | "gunicorn"))
    {
        e.notes.push(format!(
            "{server} listens on 127.0.0.1 inside the container: a published port cannot reach it (use --host 0.0.0.0)"
        ));
    }
}

/// Whether `module` is a Python module in `cwd` (a file or a package folder).
fn module_file(ctx: &ProgramCtx<'_, '_>, module: &str) -> Option<String> {
    let rel = module.replace('.', "/");
    let cwd = ctx.cwd.clone();
    for cand in [
        format!("{cwd}/{rel}.py"),
        format!("{cwd}/{rel}/__init__.py"),
    ] {
        let abs = ctx.abs(&cand);
        if let Ok(b) = ctx.rt.fs.read_file(&abs) {
            return Some(String::from_utf8_lossy(&b).into_owned());
        }
    }
    if ctx.rt.fs.stat(&ctx.abs(&format!("{cwd}/{rel}"))).is_ok() {
        return Some(String::new());
    }
    None
}

/// uvicorn's `import_from_string`: the error text, if the app cannot be loaded.
fn load_asgi(ctx: &ProgramCtx<'_, '_>, target: &str) -> Result<(), String> {
    let Some((module, attr)) = target.split_once(':') else {
        return Err(format!(
            "Import string \"{target}\" must be in format \"<module>:<attribute>\"."
        ));
    };
    if module.is_empty() || attr.is_empty() {
        return Err(format!(
            "Import string \"{target}\" must be in format \"<module>:<attribute>\"."
        ));
    }
    let valid = module
        .split('.')
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'));
    let Some(src) = module_file(ctx, module).filter(|_| valid) else {
        return Err(format!("Could not import module \"{module}\"."));
    };
    let first = attr.split('.').next().unwrap_or(attr);
    let defined = src.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with(&format!("{first} ="))
            || t.starts_with(&format!("{first}="))
            || t.starts_with(&format!("def {first}("))
    });
    if !defined && !src.is_empty() {
        return Err(format!(
            "Attribute \"{attr}\" not found in module \"{module}\"."
        ));
    }
    Ok(())
}

/// Runs a server program (`uvicorn main:app --host 0.0.0.0 --port 8000`, `streamlit run
/// app.py`, …).
pub fn run(
    progs: &ContainerPrograms<'_>,
    name: &str,
    ctx: &mut ProgramCtx<'_, '_>,
    argv: &[String],
) -> ExitStatus {
    let port_text = flag(argv, &["--port", "-p", "--server.port", "--bind"]);
    let port: Option<u16> = port_text
        .as_deref()
        .and_then(|p| p.rsplit(':').next().and_then(|x| x.parse().ok()));
    if name == "uvicorn"
        && let Some(p) = flag(argv, &["--port"])
        && p.parse::<u16>().is_err()
    {
        // click's usage error (the shell never expanded `$PORT` in an exec-form CMD).
        ctx.stderr(
            format!("Usage: uvicorn [OPTIONS] APP\nTry 'uvicorn --help' for help.\n\nError: Invalid value for '--port': '{p}' is not a valid integer.\n")
                .as_bytes(),
        );
        return 2;
    }
    let host = flag(argv, &["--host", "-h", "--server.address"]).or_else(|| {
        flag(argv, &["--bind", "-b"]).and_then(|b| b.split(':').next().map(str::to_owned))
    });
    match name {
        "uvicorn" => {
            let target = argv
                .iter()
                .skip(1)
                .filter(|a| !a.starts_with('-'))
                .find(|a| {
                    let prev_is_flag = argv
                        .iter()
                        .position(|x| x == *a)
                        .and_then(|i| i.checked_sub(1))
                        .and_then(|i| argv.get(i))
                        .is_some_and(|p| {
                            p.starts_with("--")
                                && !p.contains('=')
                                && !matches!(p.as_str(), "--reload" | "--proxy-headers")
                        });
                    !prev_is_flag
                })
                .cloned();
            let Some(target) = target else {
                ctx.stderr(b"Usage: uvicorn [OPTIONS] APP\nTry 'uvicorn --help' for help.\n\nError: Missing argument 'APP'.\n");
                return 2;
            };
            if let Err(e) = load_asgi(ctx, &target) {
                ctx.stderr(format!("ERROR:    Error loading ASGI app. {e}\n").as_bytes());
                return 1;
            }
            serve(progs, ctx, "uvicorn", host.as_deref(), port, false);
            0
        }
        "fastapi" => {
            serve(
                progs,
                ctx,
                "fastapi",
                Some(host.as_deref().unwrap_or("0.0.0.0")),
                port,
                false,
            );
            0
        }
        "streamlit" => {
            let script = argv.iter().skip(2).find(|a| !a.starts_with('-')).cloned();
            match script {
                Some(s) if ctx.rt.fs.stat(&ctx.abs(&s)).is_err() => {
                    ctx.stderr(format!("Usage: streamlit run [OPTIONS] TARGET [ARGS]...\nTry 'streamlit run --help' for help.\n\nError: Invalid value: File does not exist: {s}\n").as_bytes());
                    2
                }
                _ => {
                    serve(progs, ctx, "streamlit", host.as_deref(), port, false);
                    0
                }
            }
        }
        "flask" => {
            serve(progs, ctx, "flask", host.as_deref(), port, false);
            0
        }
        _ => {
            serve(progs, ctx, name, host.as_deref(), port, false);
            0
        }
    }
}
