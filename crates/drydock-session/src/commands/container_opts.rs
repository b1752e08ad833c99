//! The container options `docker run` and `docker create` share, interpreted as the client does
//! before calling the daemon: `-e`/`--env-file` (files read from the host project), `-v` (a
//! relative `./` source made absolute against the working directory), `-p` (parsed, with
//! go-connections' errors), `--mount` (key=value fields), `--entrypoint ""`, attach and TTY
//! settings, the image reference check.
use drydock_engine::container::create::CreateSpec;
use drydock_engine::container::mounts::MountSpec;
use drydock_engine::container::ports::PortSpec;

use crate::cli::Invocation;
use crate::cli::flags::go_quote;
use crate::output::Output;
use crate::session::Session;

/// Reads an env file from the host project (docker's `opts.ParseEnvFile`).
pub fn env_file(s: &Session, path: &str) -> Result<Vec<String>, String> {
    let tp = super::build::host_path(s, path)
        .ok_or_else(|| format!("open {path}: no such file or directory"))?;
    let content = s
        .host
        .read_file(&tp)
        .map_err(|_| format!("open {path}: no such file or directory"))?;
    let text = String::from_utf8_lossy(&content.read(0, content.len() as usize)).into_owned();
    let mut out = Vec::new();
    for line in text.lines() {
        let l = line.trim_start();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (k, v) = match l.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (l, None),
        };
        if k.is_empty() {
            return Err(format!("invalid environment variable: {l}"));
        }
        if k.contains(char::is_whitespace) {
            return Err(format!("variable '{k}' contains whitespaces"));
        }
        match v {
            Some(v) => out.push(format!("{k}={v}")),
            None => out.push(k.to_owned()),
        }
    }
    Ok(out)
}

/// `--mount` value → spec (docker's `opts.MountOpt.Set`).
fn mount_opt(value: &str) -> Result<MountSpec, String> {
    let mut m = MountSpec {
        kind: "volume".to_owned(),
        ..MountSpec::default()
    };
    for field in value.split(',') {
        let (k, v) = match field.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_lowercase(), Some(v.trim())),
            None => (field.trim().to_ascii_lowercase(), None),
        };
        match (k.as_str(), v) {
            ("readonly" | "ro", None) => m.readonly = true,
            ("readonly" | "ro", Some(v)) => {
                m.readonly = crate::cli::flags::parse_bool(v)
                    .ok_or_else(|| format!("invalid value for {k}: {v}"))?;
            }
            ("volume-nocopy", _) | ("bind-propagation", Some(_)) | ("consistency", Some(_)) => {}
            ("type", Some(t)) => {
                if !matches!(
                    t,
                    "bind" | "volume" | "tmpfs" | "npipe" | "cluster" | "image"
                ) {
                    return Err(format!("invalid value for 'type': {t}"));
                }
                m.kind = t.to_owned();
            }
            ("source" | "src", Some(v)) => m.source = v.to_owned(),
            ("target" | "dst" | "destination", Some(v)) => m.target = v.to_owned(),
            (_, None) => {
                return Err(format!("invalid field '{k}' must be a key=value pair"));
            }
            (_, Some(_)) => return Err(format!("unknown option '{k}' in '{field}'")),
        }
    }
    if m.target.is_empty() {
        return Err("target is required".to_owned());
    }
    if m.kind != "bind" && m.kind != "volume" {
        return Err(format!("mount type {} is not simulated by Drydock", m.kind));
    }
    Ok(m)
}

fn flag_error(inv: &Invocation, flag: &str, value: &str, e: &str) -> Output {
    Output::error(
        format!(
            "invalid argument {} for {} flag: {e}\n\nUsage:  {}\n\nRun 'docker {} --help' for more information\n",
            go_quote(value),
            go_quote(flag),
            inv.use_line(),
            inv.path
        ),
        125,
    )
}

/// Makes a `-v` source that starts with `.` absolute (docker 23+ does this client-side).
fn absolutize(s: &Session, spec: &str) -> String {
    let Some((src, rest)) = spec.split_once(':') else {
        return spec.to_owned();
    };
    if src == "." || src == ".." || src.starts_with("./") || src.starts_with("../") {
        let abs = drydock_vfs::clean(&format!("{}/{src}", s.config.host_dir));
        return format!("{abs}:{rest}");
    }
    spec.to_owned()
}

/// The create request of `docker run`/`docker create` (`Err`: the rendered client error).
pub fn spec(s: &Session, inv: &Invocation, detach: bool) -> Result<CreateSpec, Output> {
    let args = inv.args();
    let image = args.first().cloned().unwrap_or_default();
    if let Err(e) = drydock_catalog::parse_normalized_named(&image)
        && !(image.len() == 64 && image.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return Err(inv.error_with_help(&e.to_string(), 125));
    }
    let mut env = Vec::new();
    for f in inv.list("env-file") {
        match env_file(s, f) {
            Ok(v) => env.extend(v),
            Err(e) => return Err(inv.error_with_help(&e, 125)),
        }
    }
    env.extend(inv.list("env").iter().map(|e| (*e).to_owned()));
    let mut publish = Vec::new();
    for p in inv.list("publish") {
        match PortSpec::parse(p) {
            Ok(p) => publish.push(p),
            Err(e) => return Err(inv.error_with_help(&e, 125)),
        }
    }
    let mut mounts = Vec::new();
    for m in inv.list("mount") {
        match mount_opt(m) {
            Ok(spec) => mounts.push(spec),
            Err(e) => return Err(flag_error(inv, "--mount", m, &e)),
        }
    }
    let attach: Vec<&str> = inv.list("attach");
    if detach && !attach.is_empty() {
        return Err(Output::error(
            "conflicting options: cannot specify both --attach and --detach\n",
            1,
        ));
    }
    let interactive = inv.bool("interactive");
    let tty = inv.bool("tty");
    let (a_in, a_out, a_err) = if detach {
        (false, false, false)
    } else if attach.is_empty() {
        (interactive, true, true)
    } else {
        (
            attach.iter().any(|a| a.eq_ignore_ascii_case("stdin")),
            attach.iter().any(|a| a.eq_ignore_ascii_case("stdout")),
            attach.iter().any(|a| a.eq_ignore_ascii_case("stderr")),
        )
    };
    let labels = inv
        .list("label")
        .iter()
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap_or((l, ""));
            (k.to_owned(), v.to_owned())
        })
        .collect();
    Ok(CreateSpec {
        name: inv
            .string("name")
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        image,
        args: args.get(1..).unwrap_or(&[]).to_vec(),
        entrypoint: if inv.has("entrypoint") {
            Some(inv.string("entrypoint").unwrap_or("").to_owned())
        } else {
            None
        },
        env,
        workdir: inv
            .string("workdir")
            .filter(|w| !w.is_empty())
            .map(str::to_owned),
        user: inv
            .string("user")
            .filter(|u| !u.is_empty())
            .map(str::to_owned),
        hostname: inv
            .string("hostname")
            .filter(|h| !h.is_empty())
            .map(str::to_owned),
        tty,
        open_stdin: interactive,
        attach_stdin: a_in,
        attach_stdout: a_out,
        attach_stderr: a_err,
        binds: inv
            .list("volume")
            .iter()
            .map(|v| absolutize(s, v))
            .collect(),
        mounts,
        publish,
        publish_all: inv.bool("publish-all"),
        expose: inv.list("expose").iter().map(|e| (*e).to_owned()).collect(),
        auto_remove: inv.bool("rm"),
        network: inv.string("network").map(str::to_owned),
        gpus: inv.string("gpus").map(str::to_owned),
        labels,
        restart: inv.string("restart").map(str::to_owned),
    })
}

/// `Unable to find image 'X' locally` and the pull's progress, as `docker run`/`create` print
/// them on stderr; `Err` is the daemon's pull error.
pub fn pull_missing(s: &mut Session, image: &str, o: &mut Output) -> Result<(), String> {
    let shown = drydock_engine::container::create::no_such_image_ref(image);
    o.err(format!("Unable to find image '{shown}' locally\n"));
    match s.engine.pull(image) {
        Ok(p) => {
            o.err(super::pull::progress(&p));
            Ok(())
        }
        Err(e) => Err(e.daemon_text()),
    }
}

/// Creates the container, pulling a missing image first.
pub fn create(
    s: &mut Session,
    inv: &Invocation,
    spec: &CreateSpec,
    o: &mut Output,
) -> Result<String, Output> {
    // The daemon checks `--mount` bind sources when it creates the container.
    for m in spec.mounts.iter().filter(|m| m.kind == "bind") {
        let src = drydock_vfs::clean(&m.source);
        let inside = src
            .starts_with('/')
            .then(|| super::build::host_path(s, &src))
            .flatten();
        let msg = match inside {
            None if src.starts_with('/') => Some(format!(
                "invalid mount config for type \"bind\": bind source path {src} is outside the project folder {} (Drydock can only share the project folder with containers)",
                s.config.host_dir
            )),
            None => None,
            Some(p) if !s.host.exists(&p) => Some(format!(
                "invalid mount config for type \"bind\": bind source path does not exist: {src}"
            )),
            Some(_) => None,
        };
        if let Some(msg) = msg {
            return Err(inv.error_with_help(&format!("Error response from daemon: {msg}"), 125));
        }
    }
    match s.engine.create_container(spec) {
        Ok(id) => Ok(id),
        Err(e) if e.message.starts_with("No such image: ") => {
            if let Err(msg) = pull_missing(s, &spec.image, o) {
                return Err(inv.error_with_help(&msg, 125));
            }
            s.engine
                .create_container(spec)
                .map_err(|e| inv.error_with_help(&e.daemon_text(), 125))
        }
        Err(e) => Err(inv.error_with_help(&e.daemon_text(), 125)),
    }
}
