//! `docker build` (buildx): its flags with pflag's parsing, its usage errors, the context read
//! from the host project (a folder inside it), BuildKit's plain progress on stderr, `-q` printing
//! the image id; the trace is kept as the session's last build.
use std::collections::BTreeMap;

use drydock_engine::BuildRequest;
use drydock_engine::output::plain;
use drydock_vfs::{AbsPath, Node, Tree};

use crate::cli::Invocation;
use crate::cli::flags::{self, Mode};
use crate::cli::help::FlagSpec;
use crate::output::{Event, Output};
use crate::session::Session;

const USAGE: &str = "Usage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build";

/// buildx build's flags (name, shorthand, type).
const FLAGS: &[(&str, Option<char>, &str)] = &[
    ("add-host", None, "list"),
    ("allow", None, "list"),
    ("annotation", None, "stringArray"),
    ("attest", None, "stringArray"),
    ("build-arg", None, "stringArray"),
    ("build-context", None, "stringArray"),
    ("builder", None, "string"),
    ("cache-from", None, "stringArray"),
    ("cache-to", None, "stringArray"),
    ("call", None, "string"),
    ("cgroup-parent", None, "string"),
    ("check", None, ""),
    ("debug", Some('D'), ""),
    ("file", Some('f'), "string"),
    ("iidfile", None, "string"),
    ("label", None, "stringArray"),
    ("load", None, ""),
    ("metadata-file", None, "string"),
    ("network", None, "string"),
    ("no-cache", None, ""),
    ("no-cache-filter", None, "stringArray"),
    ("output", Some('o'), "stringArray"),
    ("platform", None, "stringArray"),
    ("progress", None, "string"),
    ("provenance", None, "string"),
    ("pull", None, ""),
    ("push", None, ""),
    ("quiet", Some('q'), ""),
    ("sbom", None, "string"),
    ("secret", None, "stringArray"),
    ("shm-size", None, "bytes"),
    ("ssh", None, "stringArray"),
    ("tag", Some('t'), "stringArray"),
    ("target", None, "string"),
    ("ulimit", None, "ulimit"),
    ("rm", None, ""),
    ("force-rm", None, ""),
    ("compress", None, ""),
    ("isolation", None, "string"),
    ("squash", None, ""),
];

/// buildx build's flag set (the legacy hidden ones included).
pub fn specs() -> Vec<FlagSpec> {
    FLAGS
        .iter()
        .map(|(l, s, t)| FlagSpec {
            long: (*l).to_owned(),
            short: *s,
            ty: (*t).to_owned(),
        })
        .collect()
}

/// The typed request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BuildArgs {
    pub context: String,
    pub file: Option<String>,
    pub tags: Vec<String>,
    pub build_args: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    pub target: Option<String>,
    pub no_cache: bool,
    pub quiet: bool,
    pub progress: String,
}

/// Parses buildx's flags; `Err` is the rendered error.
pub fn request(args: &[String]) -> Result<Result<BuildArgs, Output>, Output> {
    let mode = Mode {
        interspersed: true,
        h_is_help: true,
    };
    let p = match flags::parse(&specs(), args, mode) {
        Ok(p) => p,
        Err(e) => {
            return Err(Output::error(
                format!("{e}\nSee 'docker buildx build --help'.\n"),
                125,
            ));
        }
    };
    if p.help {
        let mut o = Output::new();
        o.out(format!("{USAGE}\n\nDrydock simulates: -f, -t, --build-arg, --label, --target, --no-cache, -q, --progress\n"));
        return Ok(Err(o));
    }
    let get = |k: &str| {
        p.values
            .iter()
            .rev()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
    };
    let all = |k: &str| -> Vec<String> {
        p.values
            .iter()
            .filter(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .collect()
    };
    if p.args.len() != 1 {
        return Err(Output::error(
            format!(
                "ERROR: \"docker buildx build\" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\n{USAGE}\n"
            ),
            1,
        ));
    }
    let mut b = BuildArgs {
        context: p.args.first().cloned().unwrap_or_default(),
        file: get("file"),
        tags: all("tag"),
        target: get("target"),
        no_cache: get("no-cache").as_deref() == Some("true"),
        quiet: get("quiet").as_deref() == Some("true"),
        progress: get("progress").unwrap_or_else(|| "auto".to_owned()),
        ..BuildArgs::default()
    };
    for a in all("build-arg") {
        if let Some((k, v)) = a.split_once('=') {
            b.build_args.insert(k.to_owned(), v.to_owned());
        }
    }
    for a in all("label") {
        let (k, v) = a.split_once('=').unwrap_or((&a, ""));
        b.labels.insert(k.to_owned(), v.to_owned());
    }
    Ok(Ok(b))
}

/// The tree path of a host path given on the command line (relative to the project folder, or
/// absolute inside it).
pub fn host_path(s: &Session, p: &str) -> Option<String> {
    let abs = if p.starts_with('/') {
        p.to_owned()
    } else {
        format!("{}/{p}", s.config.host_dir)
    };
    let abs = drydock_vfs::clean(&abs);
    let root = drydock_vfs::clean(&s.config.host_dir);
    if abs == root {
        return Some("/".to_owned());
    }
    abs.strip_prefix(&format!("{root}/"))
        .map(|r| format!("/{r}"))
}

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let b = match request(inv.args()) {
        Ok(Ok(b)) => b,
        Ok(Err(o)) | Err(o) => return o,
    };
    if !matches!(
        b.progress.as_str(),
        "auto" | "plain" | "tty" | "quiet" | "rawjson"
    ) {
        return Output::error(
            format!(
                "ERROR: failed to build: invalid progress mode {}\n",
                flags::go_quote(&b.progress)
            ),
            1,
        );
    }
    let not_found = || {
        Output::error(
            format!(
                "ERROR: failed to build: unable to prepare context: path {} not found\n",
                flags::go_quote(&b.context)
            ),
            1,
        )
    };
    let Some(ctx_path) = host_path(s, &b.context) else {
        return not_found();
    };
    let context = if ctx_path == "/" {
        s.host.clone()
    } else {
        match AbsPath::parse(&ctx_path)
            .ok()
            .and_then(|p| s.host.get(&p).map(|n| n.to_node()))
        {
            Some(Node::Dir(d)) => Tree::from_root(d),
            _ => return not_found(),
        }
    };
    let mut req = BuildRequest::new(context);
    if let Some(f) = &b.file {
        let fp = host_path(s, f);
        let inside = fp.as_ref().and_then(|fp| {
            if ctx_path == "/" {
                Some(fp.trim_start_matches('/').to_owned())
            } else {
                fp.strip_prefix(&format!("{ctx_path}/")).map(str::to_owned)
            }
        });
        match inside {
            Some(rel) => req.dockerfile_path = rel,
            None => {
                req.dockerfile_path = f.rsplit('/').next().unwrap_or(f).to_owned();
                req.dockerfile = fp.and_then(|p| {
                    s.host
                        .read_file(&p)
                        .ok()
                        .map(|c| String::from_utf8_lossy(&c.read(0, c.len() as usize)).into_owned())
                });
            }
        }
    }
    req.tags = b.tags.clone();
    req.build_args = b.build_args.clone();
    req.labels = b.labels.clone();
    req.target = b.target.clone();
    req.no_cache = b.no_cache;
    let trace = s.engine.build(req);
    let mut o = Output::new();
    if b.quiet || b.progress == "quiet" {
        match (plain::quiet(&trace), &trace.outcome) {
            (Some(id), _) => o.out(id),
            (None, Err(f)) => o.err(format!("ERROR: failed to build: {}\n", f.message)),
            (None, Ok(_)) => {}
        }
    } else {
        o.err(plain::render(&trace));
    }
    match &trace.outcome {
        Ok(built) => o.events.push(Event::ImageBuilt {
            id: built.id.clone(),
            tags: built.tags.clone(),
        }),
        Err(_) => o.exit_code = 1,
    }
    s.last_build = Some(trace);
    o
}
