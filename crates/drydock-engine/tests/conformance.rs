//! Conformance runner for the build engine: `cases-build.tsv` (whole builds: context, options,
//! expected files / image config / errors) and `cases-convert.tsv` (conversion only). Rows are
//! read at run time; rows listed in docs/divergences.md are asserted to diverge. RUN goes
//! through drydock-shell with every program it simulates (`Registry::standard()`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use drydock_engine::dispatch::{ConvertOptions, Resolver, convert};
use drydock_engine::plan::PlanImage;
use drydock_engine::{BuildRequest, BuildTrace, Engine, EngineConfig, ImageConfig, ShellExecutor};
use drydock_testkit::{Row, Suite, Value, conformance_main, read_tsv};
use drydock_vfs::{Content, ImportEntry, Tree};

fn tar_bytes(files: &serde_json::Map<String, Value>) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, v) in files {
        let data = v.as_str().unwrap_or("").as_bytes();
        let mut h = [0u8; 512];
        h[..name.len()].copy_from_slice(name.as_bytes());
        h[100..107].copy_from_slice(b"0000644");
        h[108..115].copy_from_slice(b"0000000");
        h[116..123].copy_from_slice(b"0000000");
        let size = format!("{:011o}", data.len());
        h[124..135].copy_from_slice(size.as_bytes());
        h[136..147].copy_from_slice(b"00000000000");
        h[156] = b'0';
        h[257..263].copy_from_slice(b"ustar\0");
        h[263..265].copy_from_slice(b"00");
        h[148..156].copy_from_slice(b"        ");
        let sum: u32 = h.iter().map(|b| u32::from(*b)).sum();
        h[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
        out.extend_from_slice(&h);
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.resize(out.len() + 1024, 0);
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
    out.extend(miniz_oxide::deflate::compress_to_vec(data, 6));
    let crc = crc32(data);
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xffff_ffffu32;
    for b in data {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xedb8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// The build context of a row, with the Dockerfile stored at `df_path`.
fn context(row: &Row, dockerfile: &str, df_path: &str) -> Tree {
    let mut entries = Vec::new();
    let mut has_df = false;
    if let Some(m) = row.get("context").as_object() {
        for (path, v) in m {
            let e = match v {
                Value::Null if path.ends_with('/') => ImportEntry::dir(path.trim_end_matches('/')),
                Value::Null => {
                    has_df |= path == df_path;
                    ImportEntry::file(path, dockerfile)
                }
                Value::String(s) => ImportEntry::file(path, s.as_str()),
                Value::Object(o) => {
                    if let Some(t) = o.get("symlink").and_then(Value::as_str) {
                        ImportEntry::symlink(path, t)
                    } else if let Some(t) = o.get("tar").and_then(Value::as_object) {
                        ImportEntry::file(path, Content::bytes(tar_bytes(t)))
                    } else if let Some(t) = o.get("tar.gz").and_then(Value::as_object) {
                        ImportEntry::file(path, Content::bytes(gzip(&tar_bytes(t))))
                    } else {
                        let c = o.get("content").and_then(Value::as_str).unwrap_or("");
                        let mode = o
                            .get("mode")
                            .and_then(Value::as_str)
                            .and_then(|m| u32::from_str_radix(m, 8).ok())
                            .unwrap_or(0o644);
                        ImportEntry::file(path, c).mode(mode)
                    }
                }
                _ => continue,
            };
            entries.push(e);
        }
    }
    if !has_df
        && !row
            .get("context")
            .as_object()
            .is_some_and(|m| m.contains_key(df_path))
    {
        entries.push(ImportEntry::file(df_path, dockerfile));
    }
    Tree::from_entries(entries).unwrap()
}

fn request(row: &Row, dockerfile: &str) -> BuildRequest {
    let opts = row
        .get("build_options")
        .as_object()
        .cloned()
        .unwrap_or_default();
    let df_path = opts
        .get("filename")
        .and_then(Value::as_str)
        .unwrap_or("Dockerfile")
        .to_owned();
    let mut req = BuildRequest::new(context(row, dockerfile, &df_path));
    req.dockerfile_path = df_path;
    for (k, v) in &opts {
        let v = v.as_str().unwrap_or("").to_owned();
        if let Some(n) = k.strip_prefix("build-arg:") {
            req.build_args.insert(n.to_owned(), v);
        } else if let Some(n) = k.strip_prefix("label:") {
            req.labels.insert(n.to_owned(), v);
        } else if k == "target" {
            req.target = Some(v);
        }
    }
    req
}

fn engine() -> Engine {
    let mut e = Engine::new(EngineConfig::default());
    e.set_executor(Box::new(ShellExecutor::default()));
    e
}

fn read(trace: &BuildTrace, path: &str) -> Option<String> {
    let t = trace.final_tree()?;
    let c = t.read_file(&format!("/{path}")).ok()?;
    Some(String::from_utf8_lossy(&c.read(0, 1 << 20)).into_owned())
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn check_config(cfg: &ImageConfig, want: &serde_json::Map<String, Value>) -> Result<(), String> {
    let got = cfg.to_json();
    for (k, w) in want {
        let g = got.get(k).cloned().unwrap_or(Value::Null);
        let ok = match (k.as_str(), w) {
            ("ExposedPorts", Value::Array(list)) => {
                let keys: Vec<String> = g
                    .as_object()
                    .map(|o| o.keys().cloned().collect())
                    .unwrap_or_default();
                list.iter()
                    .all(|p| keys.iter().any(|k| Some(k.as_str()) == p.as_str()))
                    && keys.len() == list.len()
            }
            ("Labels", Value::Object(m)) => m.iter().all(|(lk, lv)| g.get(lk) == Some(lv)),
            _ => &g == w,
        };
        if !ok {
            return Err(format!("image config {k}: got {g}, want {w}"));
        }
    }
    Ok(())
}

fn check_build(rows: &[Row], idx: usize) -> Result<(), String> {
    let row = &rows[idx];
    let reqs = strings(row.get("requires"));
    let base = |r: &Row| {
        r.str("test")
            .split([':', ' '])
            .next()
            .unwrap_or("")
            .to_owned()
    };
    let test = base(row);
    let mut e = engine();
    // Cache rows replay the earlier builds of the same test in the same engine.
    if reqs.iter().any(|r| r == "cache") {
        for prev in rows[..idx].iter().filter(|r| base(r) == test) {
            let t = e.build(request(prev, prev.str("dockerfile")));
            if let Err(f) = &t.outcome {
                return Err(format!("replaying {}: {}", prev.id(), f.message));
            }
        }
    }
    let mut dockerfile = row.str("dockerfile").to_owned();
    if reqs.iter().any(|r| r == "image:previous-row") {
        let prev = &rows[idx - 1];
        let mut r = request(prev, prev.str("dockerfile"));
        r.tags.push("previous-row".into());
        let t = e.build(r);
        if let Err(f) = &t.outcome {
            return Err(format!("previous row: {}", f.message));
        }
        dockerfile = dockerfile.replace("<image built from the previous row>", "previous-row");
    }
    let req = request(row, &dockerfile);
    let trace = e.build(req);
    let exp = row.get("expected").as_object().cloned().unwrap_or_default();
    let failure = trace.outcome.as_ref().err().map(|f| f.message.clone());
    for (k, v) in &exp {
        match k.as_str() {
            "error" => {
                let msg = failure
                    .clone()
                    .ok_or("expected an error, the build succeeded")?;
                for s in strings(v) {
                    if !msg.contains(&s) {
                        return Err(format!("error {msg:?} does not contain {s:?}"));
                    }
                }
            }
            "error_regexp" => {
                let msg = failure
                    .clone()
                    .ok_or("expected an error, the build succeeded")?;
                let re = drydock_vfs::ignore::regex::Regex::new(v.as_str().unwrap_or(""))
                    .map_err(|e| format!("bad regexp: {e:?}"))?;
                if !re.is_match(&msg) {
                    return Err(format!("error {msg:?} does not match {v}"));
                }
            }
            _ => {
                if let Some(f) = &failure {
                    return Err(format!("build failed: {f}"));
                }
            }
        }
        match k.as_str() {
            "error" | "error_regexp" | "note" | "success" => {}
            "export" | "files" => {
                for (p, want) in v.as_object().cloned().unwrap_or_default() {
                    let p = p.trim_start_matches('/');
                    if want.is_null() {
                        let t = trace.final_tree().ok_or("no filesystem")?;
                        if !t.is_dir(&format!("/{}", p.trim_end_matches('/'))) {
                            return Err(format!("{p}: not a directory"));
                        }
                        continue;
                    }
                    let got = read(&trace, p).ok_or_else(|| format!("{p}: missing"))?;
                    if Some(got.as_str()) != want.as_str() {
                        let why: Vec<String> = trace
                            .cached_steps()
                            .map(|s| format!("{} {:?}", s.text, s.cache))
                            .collect();
                        return Err(format!("{p}: got {got:?}, want {want}; steps {why:?}"));
                    }
                }
            }
            "export_absent" | "export_present" => {
                let t = trace.final_tree().ok_or("no filesystem")?;
                for p in strings(v) {
                    let exists = t.exists(&format!("/{p}"));
                    if exists != (k == "export_present") {
                        return Err(format!("{k}: {p} exists={exists}"));
                    }
                }
            }
            "export_contains" | "export_not_contains" => {
                for (p, subs) in v.as_object().cloned().unwrap_or_default() {
                    let got = read(&trace, &p).ok_or_else(|| format!("{p}: missing"))?;
                    for s in strings(&subs) {
                        if got.contains(&s) != (k == "export_contains") {
                            return Err(format!("{k}: {p} = {got:?} / {s:?}"));
                        }
                    }
                }
            }
            "image_config" => {
                let id = trace.image_id().ok_or("no image")?;
                let img = e.image(id).ok_or("image not stored")?;
                check_config(&img.config, v.as_object().ok_or("bad image_config")?)?;
            }
            "layers" => {
                let id = trace.image_id().ok_or("no image")?;
                let img = e.image(id).ok_or("image not stored")?;
                if Some(img.diff_ids.len() as u64) != v.as_u64() {
                    return Err(format!("layers: got {}, want {v}", img.diff_ids.len()));
                }
            }
            "env_at_first_run" => {
                let first = trace
                    .steps
                    .iter()
                    .find(|s| s.kind == drydock_syntax::Kind::Run)
                    .ok_or("no RUN step")?;
                for (n, want) in v.as_object().cloned().unwrap_or_default() {
                    let got = if n == "PWD" {
                        Some(first.workdir.clone())
                    } else {
                        None
                    };
                    if got.as_deref() != want.as_str() {
                        return Err(format!("{n} at first RUN: {got:?}, want {want}"));
                    }
                }
            }
            "progress_steps_include" => {
                for s in strings(v) {
                    if !trace.vertices.iter().any(|vx| vx.name == s) {
                        let names: Vec<&str> =
                            trace.vertices.iter().map(|v| v.name.as_str()).collect();
                        return Err(format!("no vertex {s:?} in {names:?}"));
                    }
                }
            }
            other => return Err(format!("unknown expectation {other}")),
        }
    }
    Ok(())
}

/// Resolves any image: catalog images with their config, others as empty images (conversion
/// tests have no registry).
struct AnyImage;

impl Resolver for AnyImage {
    fn resolve(&self, name: &str) -> Result<(PlanImage, ImageConfig), (String, Option<String>)> {
        let cfg = drydock_catalog::parse_normalized_named(name)
            .ok()
            .and_then(|r| drydock_catalog::catalog().find(&r).ok())
            .map(|i| ImageConfig::from_catalog(&i.config))
            .unwrap_or_default();
        Ok((
            PlanImage {
                name: name.to_owned(),
                display: name.to_owned(),
                id: name.to_owned(),
                local: true,
            },
            cfg,
        ))
    }
}

fn check_convert(row: &Row) -> Result<(), String> {
    let text = row.str("dockerfile");
    let parse = drydock_syntax::parse(text);
    let mut opts = ConvertOptions {
        os: "linux".into(),
        arch: "amd64".into(),
        ..ConvertOptions::default()
    };
    if let Some(t) = row
        .get("build_options")
        .get("target")
        .and_then(Value::as_str)
    {
        opts.target = Some(t.to_owned());
    }
    let result = match parse.buildkit_error() {
        Some(e) => Err(e),
        None => convert(&parse, &opts, &AnyImage).map_err(|e| e.message),
    };
    match (row.get("expected"), result) {
        (Value::Null, Ok(_)) => Ok(()),
        (Value::String(want), Err(got)) if got.contains(want.as_str()) => Ok(()),
        (Value::Object(o), Ok(plan)) => {
            if let Some(l) = o.get("final_image_labels").and_then(Value::as_object) {
                let cfg = &plan.stages[plan.target].config;
                for (k, v) in l {
                    if cfg.labels.get(k).map(String::as_str) != v.as_str() {
                        return Err(format!("label {k}: {:?}", cfg.labels.get(k)));
                    }
                }
                if cfg.labels.len() != l.len() {
                    return Err(format!("labels: {:?}", cfg.labels));
                }
            }
            Ok(())
        }
        (want, got) => Err(format!("want {want}, got {got:?}")),
    }
}

fn main() {
    conformance_main(|dir, suite: &mut Suite| {
        let rows = read_tsv(dir, "cases-build.tsv").unwrap();
        let rows = std::sync::Arc::new(rows);
        for i in 0..rows.len() {
            let rows = rows.clone();
            let row = &rows[i];
            let label = row.str("test").chars().take(60).collect::<String>();
            suite.case("cases-build.tsv", &row.id(), &label, move || {
                check_build(&rows, i)
            });
        }
        for row in read_tsv(dir, "cases-convert.tsv").unwrap() {
            let label = row.str("test").chars().take(60).collect::<String>();
            let id = row.id();
            suite.case("cases-convert.tsv", &id, &label, move || {
                check_convert(&row)
            });
        }
        let _ = BTreeMap::<(), ()>::new();
    });
}
