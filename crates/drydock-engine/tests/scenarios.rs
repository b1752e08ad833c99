//! Scenario runner: every `tests/scenarios/*.md` is a story of builds. Fenced blocks run in
//! order: ```` ```file path=P ```` / ```` ```dockerfile ```` write the context, ```` ```delete path=P ````
//! removes a file, ```` ```build ```` runs `docker build` with the given arguments, then
//! ```` ```console ```` (BuildKit plain output), ```` ```images ````, ```` ```history NAME ```` compare
//! exact text and ```` ```expect ```` checks the trace line by line:
//! `outcome ok|error <text>`, `cached N`, `executed N`, `step <text prefix> hit`,
//! `step <text prefix> miss <reason> [<substring of its description>]`, `file <path> = <content>`,
//! `same-image-as-previous`. RUN runs through drydock-shell with every simulated program.
//! `UPDATE_EXPECT=1` rewrites console/images/history blocks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use drydock_engine::output::{history, images, plain};
use drydock_engine::{BuildRequest, BuildTrace, CacheStatus, Engine, EngineConfig, ShellExecutor};
use drydock_testkit::libtest_mimic::{self, Arguments, Trial};
use drydock_vfs::{Content, Create, Tree, Upper};

struct Block {
    info: String,
    body: String,
    /// Byte range of the body in the file.
    range: (usize, usize),
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(start) = text[pos..].find("```") {
        let s = pos + start;
        let line_end = text[s..].find('\n').map_or(text.len(), |i| s + i);
        let info = text[s + 3..line_end].trim().to_owned();
        let body_start = (line_end + 1).min(text.len());
        let mut search = body_start;
        let close = loop {
            match text[search..].find("```") {
                Some(i) => {
                    let c = search + i;
                    if c == 0 || text.as_bytes()[c - 1] == b'\n' {
                        break c;
                    }
                    search = c + 3;
                }
                None => break text.len(),
            }
        };
        out.push(Block {
            info,
            body: text[body_start..close].to_owned(),
            range: (body_start, close),
        });
        pos = (close + 3).min(text.len());
    }
    out
}

fn attr<'a>(info: &'a str, key: &str) -> Option<&'a str> {
    info.split_whitespace()
        .find_map(|w| w.strip_prefix(&format!("{key}=")))
}

fn parse_build_args(line: &str, ctx: Tree) -> BuildRequest {
    let mut req = BuildRequest::new(ctx);
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let mut next = || {
            i += 1;
            words.get(i).copied().unwrap_or("").to_owned()
        };
        match w {
            "-t" | "--tag" => req.tags.push(next()),
            "-f" | "--file" => req.dockerfile_path = next(),
            "--target" => req.target = Some(next()),
            "--no-cache" => req.no_cache = true,
            "--build-arg" => {
                let kv = next();
                let (k, v) = kv.split_once('=').unwrap_or((&kv, ""));
                req.build_args.insert(k.to_owned(), v.to_owned());
            }
            _ => {}
        }
        i += 1;
    }
    req
}

fn cache_line(trace: &BuildTrace) -> Vec<String> {
    trace
        .cached_steps()
        .map(|s| match &s.cache {
            CacheStatus::Hit => format!("{} → CACHED", s.text),
            CacheStatus::Miss(r) => format!("{} → {}", s.text, r.describe()),
            CacheStatus::NotApplicable => String::new(),
        })
        .collect()
}

fn reason_kind(r: &drydock_engine::MissReason) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.get("reason").and_then(|x| x.as_str()).map(str::to_owned))
        .unwrap_or_default()
}

fn check_expect(body: &str, trace: &BuildTrace, prev_id: Option<&str>) -> Result<(), String> {
    for line in body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (cmd, rest) = line.split_once(' ').unwrap_or((line, ""));
        match cmd {
            "outcome" => match (rest.split_once(' ').unwrap_or((rest, "")), &trace.outcome) {
                (("ok", _), Ok(_)) => {}
                (("error", text), Err(f)) if f.message.contains(text) => {}
                (_, o) => {
                    return Err(format!(
                        "{line}: outcome is {:?}",
                        o.as_ref().map(|b| &b.id).map_err(|f| &f.message)
                    ));
                }
            },
            "cached" | "executed" => {
                let n: usize = rest.parse().map_err(|_| format!("bad count in {line}"))?;
                let got = trace
                    .cached_steps()
                    .filter(|s| matches!(s.cache, CacheStatus::Hit) == (cmd == "cached"))
                    .count();
                if got != n {
                    return Err(format!("{line}: got {got}; {:#?}", cache_line(trace)));
                }
            }
            "step" => {
                let (text, tail) = match rest.rsplit_once(" hit") {
                    Some((t, "")) => (t, "hit"),
                    _ => match rest.split_once(" miss") {
                        Some((t, tail)) => (t, tail.trim()),
                        None => return Err(format!("bad step line {line}")),
                    },
                };
                let step = trace
                    .cached_steps()
                    .find(|s| s.text.starts_with(text))
                    .ok_or_else(|| format!("{line}: no step {text:?}"))?;
                match (&step.cache, tail) {
                    (CacheStatus::Hit, "hit") => {}
                    (CacheStatus::Miss(r), t) if t != "hit" => {
                        let (kind, sub) = t.split_once(' ').unwrap_or((t, ""));
                        if reason_kind(r) != kind || !r.describe().contains(sub) {
                            return Err(format!(
                                "{line}: reason is {} ({})",
                                reason_kind(r),
                                r.describe()
                            ));
                        }
                    }
                    (c, _) => return Err(format!("{line}: cache is {c:?}")),
                }
            }
            "file" => {
                let (path, want) = rest.split_once(" = ").ok_or("bad file line")?;
                let t = trace.final_tree().ok_or("no filesystem")?;
                let got = t.read_file(path).map_err(|e| format!("{path}: {e}"))?;
                let got = String::from_utf8_lossy(&got.read(0, 1 << 20)).into_owned();
                if got != want.replace("\\n", "\n") {
                    return Err(format!("{line}: got {got:?}"));
                }
            }
            "same-image-as-previous" => {
                if trace.image_id() != prev_id || prev_id.is_none() {
                    return Err(format!("{line}: {:?} vs {prev_id:?}", trace.image_id()));
                }
            }
            other => return Err(format!("unknown expectation {other}")),
        }
    }
    Ok(())
}

fn run_scenario(path: &Path, update: bool) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut engine = Engine::new(EngineConfig::default());
    // RUN goes through the shell and every simulated program, as in the session.
    engine.set_executor(Box::new(ShellExecutor::default()));
    let mut ctx = Upper::new(drydock_vfs::LayerStack::new());
    let mut last: Option<BuildTrace> = None;
    let mut prev_id: Option<String> = None;
    let mut edits: Vec<((usize, usize), String)> = Vec::new();
    let mut errors = Vec::new();
    for b in blocks(&text) {
        let kind = b.info.split_whitespace().next().unwrap_or("");
        let mut compare = |expected: &str, actual: String, what: &str| {
            if expected != actual {
                if update {
                    edits.push((b.range, actual));
                } else {
                    errors.push(format!(
                        "{what} differs:\n--- expected\n{expected}--- actual\n{actual}"
                    ));
                }
            }
        };
        match kind {
            "file" | "dockerfile" => {
                let p = attr(&b.info, "path").unwrap_or("Dockerfile");
                if let Some((parent, _)) = p.rsplit_once('/') {
                    ctx.mkdir_all(&format!("/{parent}"), Create::dir())
                        .map_err(|e| format!("{parent}: {e}"))?;
                }
                ctx.write_file(&format!("/{p}"), Content::text(&b.body), Create::file())
                    .map_err(|e| format!("{p}: {e}"))?;
            }
            "delete" => {
                let p = attr(&b.info, "path").ok_or("delete without path")?;
                ctx.remove_all(&format!("/{p}"))
                    .map_err(|e| e.to_string())?;
            }
            "build" => {
                prev_id = last.as_ref().and_then(|t| t.image_id().map(str::to_owned));
                let req = parse_build_args(b.body.trim(), ctx.tree().clone());
                last = Some(engine.build(req));
            }
            "console" => {
                let t = last.as_ref().ok_or("console before build")?;
                compare(&b.body, plain::render(t), "console");
            }
            "images" => compare(&b.body, images::render(&engine), "images"),
            "history" => {
                let name = b.info.split_whitespace().nth(1).unwrap_or("");
                let img = engine
                    .image(name)
                    .ok_or_else(|| format!("no image {name}"))?;
                compare(
                    &b.body,
                    history::render(img, engine.now_ms(), false),
                    "history",
                );
            }
            "expect" => {
                let t = last.as_ref().ok_or("expect before build")?;
                if let Err(e) = check_expect(&b.body, t, prev_id.as_deref()) {
                    errors.push(e);
                }
            }
            _ => {}
        }
    }
    if update && !edits.is_empty() {
        let mut out = text.clone();
        for ((s, e), new) in edits.into_iter().rev() {
            out.replace_range(s..e, &new);
        }
        std::fs::write(path, out).map_err(|e| e.to_string())?;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n\n"))
    }
}

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let trials = files
        .into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_owned();
            Trial::test(name, move || run_scenario(&p, update).map_err(Into::into))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
