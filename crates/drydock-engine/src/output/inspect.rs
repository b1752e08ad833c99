//! `docker image inspect`: Docker 28's JSON (field names and order of the Engine API's
//! `ImageInspect`, config fields in OCI order), indented like the CLI prints it.
use crate::engine::Engine;
use crate::image::Image;
use crate::timefmt::rfc3339;

/// A JSON value that keeps object keys in insertion order.
#[derive(Debug, Clone, PartialEq)]
pub enum J {
    Null,
    Bool(bool),
    Num(i128),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn s(v: impl Into<String>) -> J {
        J::Str(v.into())
    }

    fn strs(v: &[String]) -> J {
        J::Arr(v.iter().map(|x| J::s(x.clone())).collect())
    }

    fn write(&self, out: &mut String, indent: usize) {
        let pad = |n: usize| " ".repeat(n * 4);
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(&n.to_string()),
            J::Str(s) => out.push_str(&serde_json::Value::from(s.as_str()).to_string()),
            J::Arr(a) if a.is_empty() => out.push_str("[]"),
            J::Obj(o) if o.is_empty() => out.push_str("{}"),
            J::Arr(a) => {
                out.push_str("[\n");
                for (i, v) in a.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    v.write(out, indent + 1);
                    out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            J::Obj(o) => {
                out.push_str("{\n");
                for (i, (k, v)) in o.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    out.push_str(&serde_json::Value::from(k.as_str()).to_string());
                    out.push_str(": ");
                    v.write(out, indent + 1);
                    out.push_str(if i + 1 < o.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
        }
    }
}

fn config(img: &Image) -> J {
    let c = &img.config;
    let mut o: Vec<(String, J)> = Vec::new();
    let set = |m: &std::collections::BTreeSet<String>| {
        J::Obj(m.iter().map(|k| (k.clone(), J::Obj(Vec::new()))).collect())
    };
    if !c.user.is_empty() {
        o.push(("User".into(), J::s(c.user.clone())));
    }
    if !c.exposed_ports.is_empty() {
        o.push(("ExposedPorts".into(), set(&c.exposed_ports)));
    }
    if !c.env.is_empty() {
        o.push(("Env".into(), J::strs(&c.env)));
    }
    if let Some(e) = &c.entrypoint {
        o.push(("Entrypoint".into(), J::strs(e)));
    }
    if let Some(e) = &c.cmd {
        o.push(("Cmd".into(), J::strs(e)));
    }
    if !c.volumes.is_empty() {
        o.push(("Volumes".into(), set(&c.volumes)));
    }
    if !c.working_dir.is_empty() {
        o.push(("WorkingDir".into(), J::s(c.working_dir.clone())));
    }
    if !c.labels.is_empty() {
        o.push((
            "Labels".into(),
            J::Obj(
                c.labels
                    .iter()
                    .map(|(k, v)| (k.clone(), J::s(v.clone())))
                    .collect(),
            ),
        ));
    }
    if !c.stop_signal.is_empty() {
        o.push(("StopSignal".into(), J::s(c.stop_signal.clone())));
    }
    if c.args_escaped {
        o.push(("ArgsEscaped".into(), J::Bool(true)));
    }
    if let Some(h) = &c.healthcheck {
        let mut hm = vec![("Test".into(), J::strs(&h.test))];
        for (k, v) in [
            ("Interval", h.interval),
            ("Timeout", h.timeout),
            ("StartPeriod", h.start_period),
            ("StartInterval", h.start_interval),
        ] {
            if v != 0 {
                hm.push((k.into(), J::Num(i128::from(v))));
            }
        }
        if h.retries != 0 {
            hm.push(("Retries".into(), J::Num(i128::from(h.retries))));
        }
        o.push(("Healthcheck".into(), J::Obj(hm)));
    }
    if !c.on_build.is_empty() {
        o.push(("OnBuild".into(), J::strs(&c.on_build)));
    }
    if !c.shell.is_empty() {
        o.push(("Shell".into(), J::strs(&c.shell)));
    }
    J::Obj(o)
}

/// One image's inspect object.
pub fn object(engine: &Engine, img: &Image) -> J {
    let tags: Vec<String> = engine
        .tags_of(&img.id)
        .iter()
        .map(|t| drydock_catalog::familiar_of(t))
        .collect();
    let hex = img.id.trim_start_matches("sha256:");
    let dir = |h: &str| format!("/var/lib/docker/overlay2/{}", h.get(..25).unwrap_or(h));
    let top = drydock_vfs::Digest::of(format!("{hex}/top").as_bytes()).hex();
    let lowers: Vec<String> = img
        .diff_ids
        .iter()
        .rev()
        .skip(1)
        .map(|d| format!("{}/diff", dir(d.trim_start_matches("sha256:"))))
        .collect();
    let mut data = Vec::new();
    if !lowers.is_empty() {
        data.push(("LowerDir".into(), J::s(lowers.join(":"))));
    }
    data.push(("MergedDir".into(), J::s(format!("{}/merged", dir(&top)))));
    data.push(("UpperDir".into(), J::s(format!("{}/diff", dir(&top)))));
    data.push(("WorkDir".into(), J::s(format!("{}/work", dir(&top)))));
    let comment = img
        .history
        .last()
        .map(|h| h.comment.clone())
        .unwrap_or_default();
    J::Obj(vec![
        ("Id".into(), J::s(img.id.clone())),
        ("RepoTags".into(), J::strs(&tags)),
        ("RepoDigests".into(), J::strs(&img.repo_digests)),
        ("Parent".into(), J::s("")),
        ("Comment".into(), J::s(comment)),
        ("Created".into(), J::s(rfc3339(img.created_ms))),
        ("DockerVersion".into(), J::s("")),
        ("Author".into(), J::s(img.author.clone())),
        ("Config".into(), config(img)),
        ("Architecture".into(), J::s(img.architecture.clone())),
        ("Os".into(), J::s(img.os.clone())),
        ("Size".into(), J::Num(i128::from(img.size()))),
        (
            "GraphDriver".into(),
            J::Obj(vec![
                ("Data".into(), J::Obj(data)),
                ("Name".into(), J::s("overlay2")),
            ]),
        ),
        (
            "RootFS".into(),
            J::Obj(vec![
                ("Type".into(), J::s("layers")),
                ("Layers".into(), J::strs(&img.diff_ids)),
            ]),
        ),
        (
            "Metadata".into(),
            J::Obj(vec![(
                "LastTagTime".into(),
                J::s(
                    img.last_tag_ms
                        .map_or_else(|| "0001-01-01T00:00:00Z".to_owned(), rfc3339),
                ),
            )]),
        ),
    ])
}

/// The JSON array printed for several images (4-space indentation, as the CLI does).
pub fn render(values: &[J]) -> String {
    let mut out = String::new();
    J::Arr(values.to_vec()).write(&mut out, 0);
    out.push('\n');
    out
}
