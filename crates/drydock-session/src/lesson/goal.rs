//! Goal evaluation against a live [`Session`]: images and their config and size, containers and
//! their exit codes, mounts and files, the last build's cache status per step, host files, the
//! Dockerfile's diagnostics (drydock-lint in check mode with the project as build context, as the
//! editor shows them) and the terminal history. Also each goal's short label for reports.
use drydock_engine::lint::ContextFacts;
use drydock_engine::trace::CacheStatus;
use drydock_lint::LintOptions;
use drydock_text::Severity;

use super::model::{ConfigGoal, Goal};
use crate::session::Session;

/// A goal as reports name it (`image trainer:latest`, `container_exited experiment1 0`).
pub fn label(goal: &Goal) -> String {
    match goal {
        Goal::Image(t) => format!("image {t}"),
        Goal::ImageAbsent(t) => format!("image_absent {t}"),
        Goal::ImageConfig(c) => format!("image_config {}", c.image),
        Goal::ImageSizeUnder { image, mb } => format!("image_size_under {image} {mb} MB"),
        Goal::ContainerExited { name, code } => format!("container_exited {name} {code}"),
        Goal::ContainerRunning(n) => format!("container_running {n}"),
        Goal::ContainerAbsent(n) => format!("container_absent {n}"),
        Goal::Mount { container, target } => format!("mount {container} {target}"),
        Goal::LastBuildCached(t) => format!("last_build_cached {t:?}"),
        Goal::LastBuildRan(t) => format!("last_build_ran {t:?}"),
        Goal::FileInImage { image, path } => format!("file_in_image {image} {path}"),
        Goal::FileOnHost(p) => format!("file_on_host {p}"),
        Goal::FileInContainer { container, path } => {
            format!("file_in_container {container} {path}")
        }
        Goal::FileContains { path, text } => format!("file_contains {path} {text:?}"),
        Goal::NoErrors(f) => format!("no_errors {f}"),
        Goal::NoDiagnostic { file, code } => format!("no_diagnostic {file} {code}"),
        Goal::Ran(p) => format!("ran {p:?}"),
        Goal::Failed(p) => format!("failed {p:?}"),
    }
}

fn abs(path: &str) -> String {
    format!("/{}", path.trim_start_matches("./").trim_start_matches('/'))
}

/// Whether the goal holds; `Err` says why not, in a learner-readable sentence.
pub fn check(s: &mut Session, goal: &Goal) -> Result<(), String> {
    match goal {
        Goal::Image(t) => s
            .engine
            .image(t)
            .map(|_| ())
            .ok_or_else(|| format!("there is no image {t} (see `docker images`)")),
        Goal::ImageAbsent(t) => match s.engine.image(t) {
            Some(_) => Err(format!("the image {t} still exists")),
            None => Ok(()),
        },
        Goal::ImageConfig(c) => image_config(s, c),
        Goal::ImageSizeUnder { image, mb } => {
            let img = s
                .engine
                .image(image)
                .ok_or_else(|| format!("there is no image {image}"))?;
            let size = img.size();
            if size < mb.saturating_mul(1_000_000) {
                Ok(())
            } else {
                Err(format!(
                    "{image} is {} MB, not under {mb} MB",
                    size / 1_000_000
                ))
            }
        }
        Goal::ContainerExited { name, code } => {
            let c = container(s, name)?;
            if c.state.running() {
                return Err(format!("the container {name} is still running"));
            }
            if c.state.started_ms.is_none() {
                return Err(format!("the container {name} was never started"));
            }
            if c.state.exit_code != *code {
                return Err(format!(
                    "the container {name} exited with {} (expected {code}; see `docker logs {name}`)",
                    c.state.exit_code
                ));
            }
            Ok(())
        }
        Goal::ContainerRunning(name) => {
            let c = container(s, name)?;
            if c.state.running() {
                Ok(())
            } else {
                Err(format!(
                    "the container {name} is not running (exited with {})",
                    c.state.exit_code
                ))
            }
        }
        Goal::ContainerAbsent(name) => match s.engine.find_container(name) {
            Ok(_) => Err(format!("the container {name} still exists")),
            Err(_) => Ok(()),
        },
        Goal::Mount {
            container: name,
            target,
        } => {
            let c = container(s, name)?;
            let t = target.trim_end_matches('/');
            if c.mounts
                .iter()
                .any(|m| m.destination.trim_end_matches('/') == t)
            {
                Ok(())
            } else {
                Err(format!("the container {name} has no mount at {target}"))
            }
        }
        Goal::LastBuildCached(text) => last_build_step(s, text, true),
        Goal::LastBuildRan(text) => last_build_step(s, text, false),
        Goal::FileInImage { image, path } => {
            let img = s
                .engine
                .image(image)
                .cloned()
                .ok_or_else(|| format!("there is no image {image}"))?;
            let stack = s.engine.image_stack(&img);
            match stack.tree().lstat(&abs(path)) {
                Ok(_) => Ok(()),
                Err(_) => Err(format!("{path} is not in the image {image}")),
            }
        }
        Goal::FileOnHost(path) => match s.host.lstat(&abs(path)) {
            Ok(_) => Ok(()),
            Err(_) => Err(format!("{path} is not in the project folder")),
        },
        Goal::FileInContainer {
            container: name,
            path,
        } => {
            let id = container(s, name)?.id.clone();
            let tree = s
                .engine
                .container_tree(&id)
                .ok_or_else(|| format!("there is no container {name}"))?;
            match tree.lstat(&abs(path)) {
                Ok(_) => Ok(()),
                Err(_) => Err(format!("{path} is not in the container {name}")),
            }
        }
        Goal::FileContains { path, text } => {
            let body = host_text(s, path)?;
            if body.contains(text.as_str()) {
                Ok(())
            } else {
                Err(format!("{path} does not contain {text:?}"))
            }
        }
        Goal::NoErrors(file) => {
            let diags = diagnostics(s, file)?;
            match diags.iter().find(|d| d.severity == Severity::Error) {
                None => Ok(()),
                Some(d) => Err(format!("{file} has an error: {} ({})", d.message, d.code)),
            }
        }
        Goal::NoDiagnostic { file, code } => {
            let diags = diagnostics(s, file)?;
            match diags.iter().find(|d| &d.code == code) {
                None => Ok(()),
                Some(d) => Err(format!("{file} still has {code}: {}", d.message)),
            }
        }
        Goal::Ran(prefix) => ran(s, prefix, true),
        Goal::Failed(prefix) => ran(s, prefix, false),
    }
}

/// Whether a terminal line starting with `prefix` ran and succeeded (or failed).
fn ran(s: &Session, prefix: &str, ok: bool) -> Result<(), String> {
    let found = s
        .history
        .iter()
        .any(|h| (h.exit_code == 0) == ok && h.line.trim().starts_with(prefix));
    match (found, ok) {
        (true, _) => Ok(()),
        (false, true) => Err(format!(
            "no successful command starting with {prefix:?} yet"
        )),
        (false, false) => Err(format!("no failed command starting with {prefix:?} yet")),
    }
}

fn container<'a>(
    s: &'a Session,
    name: &str,
) -> Result<&'a drydock_engine::container::Container, String> {
    s.engine
        .find_container(name)
        .map_err(|_| format!("there is no container {name} (see `docker ps -a`)"))
}

fn host_text(s: &Session, path: &str) -> Result<String, String> {
    let c = s
        .host
        .read_file(&abs(path))
        .map_err(|_| format!("{path} is not in the project folder"))?;
    c.as_text()
        .map(str::to_owned)
        .ok_or_else(|| format!("{path} is not a text file"))
}

fn diagnostics(s: &Session, file: &str) -> Result<Vec<drydock_text::Diagnostic>, String> {
    let text = host_text(s, file)?;
    let parse = drydock_syntax::parse(&text);
    let rel = file.trim_start_matches("./").trim_start_matches('/');
    let facts = ContextFacts::new(&s.host, rel).unwrap_or_default();
    Ok(drydock_lint::lint(&parse, &facts, &LintOptions::check_mode()).diagnostics())
}

fn last_build_step(s: &Session, text: &str, want_hit: bool) -> Result<(), String> {
    let trace = s
        .last_build
        .as_ref()
        .ok_or_else(|| "no build yet (run `docker build`)".to_owned())?;
    let step = trace
        .steps
        .iter()
        .find(|st| st.text.contains(text))
        .ok_or_else(|| format!("the last build has no step {text:?}"))?;
    let hit = matches!(step.cache, CacheStatus::Hit);
    match (&step.cache, want_hit) {
        (_, true) if hit => Ok(()),
        (CacheStatus::Miss(_), false) => Ok(()),
        (CacheStatus::Miss(r), true) => Err(format!(
            "`{}` ran again instead of coming from the cache: {}",
            step.text,
            r.describe()
        )),
        (_, true) => Err(format!("`{}` did not come from the cache", step.text)),
        (_, false) => Err(format!("`{}` came from the cache (CACHED)", step.text)),
    }
}

fn image_config(s: &Session, g: &ConfigGoal) -> Result<(), String> {
    let img = s
        .engine
        .image(&g.image)
        .ok_or_else(|| format!("there is no image {}", g.image))?;
    let c = &img.config;
    let name = &g.image;
    if let Some(w) = &g.workdir
        && &c.working_dir != w
    {
        return Err(format!(
            "{name}'s WORKDIR is {:?}, expected {w:?}",
            c.working_dir
        ));
    }
    if let Some(e) = &g.entrypoint
        && c.entrypoint.as_ref() != Some(e)
    {
        return Err(format!(
            "{name}'s ENTRYPOINT is {:?}, expected {e:?}",
            c.entrypoint.clone().unwrap_or_default()
        ));
    }
    if let Some(e) = &g.cmd
        && c.cmd.as_ref() != Some(e)
    {
        return Err(format!(
            "{name}'s CMD is {:?}, expected {e:?}",
            c.cmd.clone().unwrap_or_default()
        ));
    }
    if let Some(e) = &g.env
        && !c.env.iter().any(|v| v == e)
    {
        return Err(format!("{name} has no ENV {e}"));
    }
    if let Some(p) = &g.exposed
        && !c.exposed_ports.contains(p)
    {
        return Err(format!("{name} does not EXPOSE {p}"));
    }
    if let Some(u) = &g.user
        && &c.user != u
    {
        return Err(format!("{name}'s USER is {:?}, expected {u:?}", c.user));
    }
    Ok(())
}
