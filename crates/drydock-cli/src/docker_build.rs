//! `drydock docker build`: buildx's flags (in any order, `--flag=value` or `--flag value`),
//! its usage errors, the context read from disk, BuildKit's plain progress on stderr, `-q`
//! printing the image id, and the state saved afterwards.
use std::collections::BTreeMap;
use std::path::Path;

use drydock_engine::BuildRequest;
use drydock_engine::output::plain;

use crate::docker_state;

const USAGE: &str = "Usage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build";

fn usage_error(msg: &str) -> i32 {
    eprintln!("ERROR: {msg}\nSee 'docker buildx build --help'.\n\n{USAGE}");
    1
}

fn flag_error(msg: &str) -> i32 {
    eprintln!("{msg}\nSee 'docker buildx build --help'.");
    125
}

struct Opts {
    file: Option<String>,
    tags: Vec<String>,
    build_args: BTreeMap<String, String>,
    labels: BTreeMap<String, String>,
    target: Option<String>,
    no_cache: bool,
    quiet: bool,
    progress: String,
    positional: Vec<String>,
}

fn parse(args: &[String]) -> Result<Opts, i32> {
    let mut o = Opts {
        file: None,
        tags: Vec::new(),
        build_args: BTreeMap::new(),
        labels: BTreeMap::new(),
        target: None,
        no_cache: false,
        quiet: false,
        progress: "auto".to_owned(),
        positional: Vec::new(),
    };
    let mut i = 0;
    let mut only_pos = false;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if only_pos || a == "-" || !a.starts_with('-') {
            o.positional.push(a.clone());
            continue;
        }
        if a == "--" {
            only_pos = true;
            continue;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if a.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (a.clone(), None),
        };
        // Short flags with attached values (`-tapp`).
        let (name, inline) = if !name.starts_with("--") && name.len() > 2 {
            (
                name[..2].to_owned(),
                Some(name[2..].trim_start_matches('=').to_owned()),
            )
        } else {
            (name, inline)
        };
        let takes_value = matches!(
            name.as_str(),
            "-f" | "--file"
                | "-t"
                | "--tag"
                | "--build-arg"
                | "--label"
                | "--target"
                | "--progress"
                | "--platform"
                | "--network"
                | "--iidfile"
                | "--cache-from"
                | "--cache-to"
                | "--secret"
                | "--ssh"
                | "-o"
                | "--output"
                | "--add-host"
                | "--shm-size"
        );
        let is_bool = matches!(
            name.as_str(),
            "--no-cache"
                | "-q"
                | "--quiet"
                | "--pull"
                | "--load"
                | "--push"
                | "--rm"
                | "--force-rm"
        );
        if !takes_value && !is_bool {
            let shown = if name.starts_with("--") {
                format!("unknown flag: {name}")
            } else {
                format!(
                    "unknown shorthand flag: '{}' in {a}",
                    name.trim_start_matches('-')
                )
            };
            return Err(flag_error(&shown));
        }
        let value = if takes_value {
            match inline.clone() {
                Some(v) => v,
                None => match args.get(i) {
                    Some(v) => {
                        i += 1;
                        v.clone()
                    }
                    None => {
                        let shown = if name.starts_with("--") {
                            format!("flag needs an argument: {name}")
                        } else {
                            format!(
                                "flag needs an argument: '{}' in {name}",
                                name.trim_start_matches('-')
                            )
                        };
                        return Err(flag_error(&shown));
                    }
                },
            }
        } else {
            String::new()
        };
        match name.as_str() {
            "-f" | "--file" => o.file = Some(value),
            "-t" | "--tag" => o.tags.push(value),
            "--build-arg" => {
                let (k, v) = match value.split_once('=') {
                    Some((k, v)) => (k.to_owned(), v.to_owned()),
                    None => match std::env::var(&value) {
                        Ok(v) => (value.clone(), v),
                        Err(_) => continue,
                    },
                };
                o.build_args.insert(k, v);
            }
            "--label" => {
                let (k, v) = value.split_once('=').unwrap_or((&value, ""));
                o.labels.insert(k.to_owned(), v.to_owned());
            }
            "--target" => o.target = Some(value),
            "--progress" => o.progress = value,
            "--no-cache" => o.no_cache = inline.as_deref() != Some("false"),
            "-q" | "--quiet" => o.quiet = true,
            _ => {}
        }
    }
    Ok(o)
}

/// Runs the build; returns the exit status.
pub fn run(args: &[String]) -> i32 {
    let o = match parse(args) {
        Ok(o) => o,
        Err(code) => return code,
    };
    if o.positional.len() != 1 {
        return usage_error("\"docker buildx build\" requires exactly 1 argument.");
    }
    if !matches!(
        o.progress.as_str(),
        "auto" | "plain" | "tty" | "quiet" | "rawjson"
    ) {
        eprintln!(
            "ERROR: failed to build: invalid progress mode {:?}",
            o.progress
        );
        return 1;
    }
    let dir = Path::new(&o.positional[0]);
    if !dir.is_dir() {
        eprintln!(
            "ERROR: failed to build: unable to prepare context: path {:?} not found",
            o.positional[0]
        );
        return 1;
    }
    let context = match docker_state::read_tree(dir) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("ERROR: failed to build: {e}");
            return 1;
        }
    };
    let mut req = BuildRequest::new(context);
    match &o.file {
        None => {}
        Some(f) => {
            let fp = Path::new(f);
            let in_ctx = fp
                .canonicalize()
                .ok()
                .zip(dir.canonicalize().ok())
                .and_then(|(f, d)| {
                    f.strip_prefix(&d)
                        .ok()
                        .map(|r| r.to_string_lossy().replace('\\', "/"))
                });
            match in_ctx {
                Some(rel) => req.dockerfile_path = rel,
                None => {
                    req.dockerfile_path = fp
                        .file_name()
                        .map_or_else(|| f.clone(), |n| n.to_string_lossy().into_owned());
                    req.dockerfile = std::fs::read(fp)
                        .ok()
                        .map(|b| String::from_utf8_lossy(&b).into_owned());
                }
            }
        }
    }
    req.tags = o.tags;
    req.build_args = o.build_args;
    req.labels = o.labels;
    req.target = o.target;
    req.no_cache = o.no_cache;
    let mut engine = match docker_state::load() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("ERROR: {e}");
            return 1;
        }
    };
    let trace = engine.build(req);
    let quiet = o.quiet || o.progress == "quiet";
    if quiet {
        if let Some(id) = plain::quiet(&trace) {
            print!("{id}");
        } else if let Err(f) = &trace.outcome {
            eprintln!("ERROR: failed to build: {}", f.message);
        }
    } else {
        eprint!("{}", plain::render(&trace));
    }
    let ok = trace.outcome.is_ok();
    if let Err(e) = docker_state::save(engine) {
        eprintln!("ERROR: {e}");
        return 1;
    }
    i32::from(!ok)
}
