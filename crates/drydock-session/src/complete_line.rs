//! Tab completion for the terminal's line, as the docker client's shell completion offers it:
//! commands and management subcommands, flags (from the help texts), local images, containers
//! by state, volumes, stage names for `build --target`, project files for paths; inside a
//! container shell, the container's paths.
use drydock_engine::Engine;
use drydock_engine::container::interactive::ShellKind;
use drydock_engine::container::{Container, Status};
use drydock_syntax::instructions::Command as Cmd;
use drydock_vfs::{FileKind, Tree};

use crate::cli::help::{FlagSpec, flags};
use crate::cli::table::{Cmd as Docker, Def, GROUPS, TOP};
use crate::session::{Mode, Session};
use crate::view::references::{local_references, pullable_references};

/// What Tab can put in place of the word before the cursor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineCompletion {
    /// Byte offset in the line where the word being completed starts.
    pub start: usize,
    /// Replacements for `line[start..]`, sorted, without duplicates. A candidate ending in `/`
    /// or `:` continues (no space after it when it is the only one).
    pub items: Vec<String>,
}

impl LineCompletion {
    /// The line after Tab: the only candidate (and a space), else the candidates' longest
    /// common prefix; `None` when Tab adds nothing (then the front-end lists the candidates).
    pub fn apply(&self, line: &str) -> Option<String> {
        let head = line.get(..self.start)?;
        let word = line.get(self.start..)?;
        let (first, rest) = self.items.split_first()?;
        if rest.is_empty() {
            let space = if first.ends_with('/') || first.ends_with(':') {
                ""
            } else {
                " "
            };
            return Some(format!("{head}{first}{space}"));
        }
        let mut common = first.as_str();
        for it in rest {
            let n = common
                .char_indices()
                .zip(it.chars())
                .find(|((_, a), b)| a != b)
                .map_or(common.len().min(it.len()), |((i, _), _)| i);
            common = common.get(..n).unwrap_or("");
        }
        (common.len() > word.len()).then(|| format!("{head}{common}"))
    }
}

/// Completions for `line` (the text before the cursor) at the terminal's current prompt.
pub fn complete_line(session: &Session, line: &str) -> LineCompletion {
    let start = line
        .rfind(|c: char| c.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let word = line.get(start..).unwrap_or("");
    let words: Vec<&str> = line
        .get(..start)
        .unwrap_or("")
        .split_ascii_whitespace()
        .collect();
    let mut items = match &session.mode {
        Mode::Docker => docker_line(session, &words, word),
        Mode::Shell(s) if s.session.kind == ShellKind::Python => Vec::new(),
        Mode::Shell(s) => {
            let cwd = s.session.cwd().to_owned();
            match session.engine().container_files(&s.container) {
                Some(tree) => paths(&tree, &cwd, word, words.is_empty()),
                None => Vec::new(),
            }
        }
        Mode::Attached(_) | Mode::Confirm(_) => Vec::new(),
    };
    items.retain(|c| c.starts_with(word));
    drydock_text::sort::sort_by(&mut items, |a, b| a.cmp(b));
    items.dedup();
    LineCompletion { start, items }
}

/// `docker …` at the host prompt.
fn docker_line(s: &Session, words: &[&str], word: &str) -> Vec<String> {
    let Some((first, rest)) = words.split_first() else {
        return vec!["docker".to_owned()];
    };
    if *first != "docker" {
        return Vec::new();
    }
    // Global flags come before the command.
    let mut rest = rest;
    while let Some((w, r)) = rest.split_first() {
        if !w.starts_with('-') {
            break;
        }
        rest = r;
    }
    let Some((cmd, args)) = rest.split_first() else {
        if word.starts_with('-') {
            return long_flags(flags("docker"));
        }
        let mut v: Vec<String> = TOP.iter().map(|(n, _)| (*n).to_owned()).collect();
        v.extend(GROUPS.iter().map(|g| g.name.to_owned()));
        return v;
    };
    let (def, args) = match TOP.iter().find(|(n, _)| n == cmd) {
        Some((_, d)) => (*d, args),
        None => {
            let Some(group) = GROUPS.iter().find(|g| g.name == *cmd) else {
                return Vec::new();
            };
            let Some((sub, args)) = args.split_first() else {
                return group.subs.iter().map(|(n, _, _)| (*n).to_owned()).collect();
            };
            let Some((_, _, d)) = group
                .subs
                .iter()
                .find(|(n, aliases, _)| n == sub || aliases.contains(sub))
            else {
                return Vec::new();
            };
            (*d, args)
        }
    };
    command_args(s, def, args, word)
}

/// The word after a command's name: a flag, a flag's value or a positional argument.
fn command_args(s: &Session, def: Def, args: &[&str], word: &str) -> Vec<String> {
    let build_specs;
    let specs = if def.cmd == Docker::Build {
        // buildx's own set; the legacy flags it hides are not offered.
        build_specs = crate::commands::build::specs()
            .into_iter()
            .filter(|f| {
                !matches!(
                    f.long.as_str(),
                    "rm" | "force-rm" | "compress" | "isolation" | "squash"
                )
            })
            .collect::<Vec<_>>();
        build_specs.as_slice()
    } else {
        flags(def.help)
    };
    let mut positional = 0usize;
    let mut pending: Option<&FlagSpec> = None;
    let mut file: Option<&str> = None;
    for a in args {
        if let Some(f) = pending.take() {
            if f.long == "file" {
                file = Some(a);
            }
            continue;
        }
        if positional > 0 && !def.interspersed {
            positional += 1;
            continue;
        }
        if *a == "--" {
            continue;
        }
        if let Some(long) = a.strip_prefix("--") {
            if !long.contains('=') {
                pending = specs.iter().find(|f| f.long == long && !f.is_bool());
            } else if let Some(v) = long.strip_prefix("file=") {
                file = Some(v);
            }
        } else if let Some(shorts) = a.strip_prefix('-').filter(|r| !r.is_empty()) {
            let last = shorts.chars().last();
            pending = specs
                .iter()
                .find(|f| f.short == last && !f.is_bool() && shorts.chars().count() == 1);
        } else {
            positional += 1;
        }
    }
    if let Some(f) = pending {
        return flag_value(s, def.cmd, f, file);
    }
    if word.starts_with('-') && (positional == 0 || def.interspersed) {
        return long_flags(specs);
    }
    positional_arg(s, def.cmd, positional, word)
}

fn long_flags(specs: &[FlagSpec]) -> Vec<String> {
    specs.iter().map(|f| format!("--{}", f.long)).collect()
}

/// The value of flag `f` of command `cmd`.
fn flag_value(s: &Session, cmd: Docker, f: &FlagSpec, file: Option<&str>) -> Vec<String> {
    match (cmd, f.long.as_str()) {
        (Docker::Build, "file") => project_paths(s, ""),
        (Docker::Build, "target") => stages(s, file.unwrap_or("Dockerfile")),
        (_, "platform") => vec!["linux/amd64".to_owned(), "linux/arm64".to_owned()],
        (Docker::Run | Docker::Create, "volume") => volumes(s.engine())
            .into_iter()
            .map(|v| format!("{v}:"))
            .collect(),
        (Docker::Run | Docker::Create, "volumes-from") => containers(s.engine(), |_| true),
        _ => Vec::new(),
    }
}

/// Positional argument number `n` (0-based) of command `cmd`.
fn positional_arg(s: &Session, cmd: Docker, n: usize, word: &str) -> Vec<String> {
    let e = s.engine();
    let all = |_: &Container| true;
    let running = |c: &Container| c.state.status == Status::Running;
    match cmd {
        Docker::Run | Docker::Create if n == 0 => local_references(s),
        Docker::Build if n == 0 => {
            let mut v = project_paths(s, word);
            v.retain(|p| p.ends_with('/'));
            if word.is_empty() {
                v.push(".".to_owned());
            }
            v
        }
        Docker::ImageRm | Docker::History | Docker::ImageInspect => local_references(s),
        Docker::Tag if n == 0 => local_references(s),
        Docker::Pull if n == 0 => pullable_references(),
        Docker::Start => containers(e, |c| c.state.status != Status::Running),
        Docker::Stop | Docker::Kill => containers(e, running),
        Docker::Exec if n == 0 => containers(e, running),
        Docker::Restart | Docker::Rm | Docker::ContainerInspect => containers(e, all),
        Docker::Logs | Docker::Diff if n == 0 => containers(e, all),
        Docker::Commit if n == 0 => containers(e, all),
        Docker::Commit if n == 1 => local_references(s),
        Docker::Inspect => {
            let mut v = containers(e, all);
            v.extend(local_references(s));
            v
        }
        Docker::Cp if n < 2 => {
            if let Some((name, path)) = word.split_once(':') {
                let Some(c) = e
                    .state()
                    .containers
                    .values()
                    .find(|c| c.name.trim_start_matches('/') == name)
                else {
                    return Vec::new();
                };
                let Some(tree) = e.container_files(&c.id) else {
                    return Vec::new();
                };
                return paths(&tree, "/", path, false)
                    .into_iter()
                    .map(|p| format!("{name}:{p}"))
                    .collect();
            }
            let mut v: Vec<String> = containers(e, all)
                .into_iter()
                .map(|n| format!("{n}:"))
                .collect();
            v.extend(project_paths(s, word));
            v
        }
        Docker::VolumeRm | Docker::VolumeInspect => volumes(e),
        _ => Vec::new(),
    }
}

/// Container names (without docker's leading `/`) of the containers `keep` accepts.
fn containers(e: &Engine, keep: impl Fn(&Container) -> bool) -> Vec<String> {
    e.state()
        .containers
        .values()
        .filter(|c| keep(c))
        .map(|c| c.name.trim_start_matches('/').to_owned())
        .collect()
}

fn volumes(e: &Engine) -> Vec<String> {
    e.state().volumes.keys().cloned().collect()
}

/// The stage names of the project's Dockerfile `file`, for `--target`.
fn stages(s: &Session, file: &str) -> Vec<String> {
    let path = format!("/{}", file.trim_start_matches("./"));
    let Ok(content) = s.host().read_file(&path) else {
        return Vec::new();
    };
    let Some(text) = content.as_text() else {
        return Vec::new();
    };
    let parse = drydock_syntax::parse(text);
    parse
        .dockerfile
        .instructions
        .iter()
        .filter_map(|i| match &i.command {
            Some(Cmd::From(f)) => f.stage_name_arg.as_ref().map(|n| n.value.to_string()),
            _ => None,
        })
        .collect()
}

/// Project files and folders (the host tree is the project folder; `./` is kept).
fn project_paths(s: &Session, word: &str) -> Vec<String> {
    if word.starts_with('/') {
        return Vec::new();
    }
    match word.strip_prefix("./") {
        Some(rest) => paths(s.host(), "/", rest, false)
            .into_iter()
            .map(|p| format!("./{p}"))
            .collect(),
        None => paths(s.host(), "/", word, false),
    }
}

/// Entries of `tree` that complete `word` (relative to `cwd` unless absolute); folders end in
/// `/`. Hidden entries only when the name typed so far starts with a dot. `programs`: the word
/// is a command name, so a bare word also matches the programs on the usual PATH.
fn paths(tree: &Tree, cwd: &str, word: &str, programs: bool) -> Vec<String> {
    let (dir, name) = match word.rfind('/') {
        Some(i) => (
            word.get(..=i).unwrap_or(""),
            word.get(i + 1..).unwrap_or(""),
        ),
        None => ("", word),
    };
    let mut out = Vec::new();
    if programs && dir.is_empty() {
        for bin in [
            "/usr/local/bin",
            "/usr/bin",
            "/bin",
            "/usr/local/sbin",
            "/usr/sbin",
        ] {
            if let Ok(entries) = tree.read_dir(bin) {
                out.extend(
                    entries
                        .into_iter()
                        .filter(|e| e.name.starts_with(name) && e.kind != FileKind::Dir)
                        .map(|e| e.name.to_string()),
                );
            }
        }
        return out;
    }
    let base = if dir.starts_with('/') {
        dir.to_owned()
    } else {
        format!("{}/{dir}", cwd.trim_end_matches('/'))
    };
    let Ok(entries) = tree.read_dir(&base) else {
        return out;
    };
    for e in entries {
        if !e.name.starts_with(name) || (e.name.starts_with('.') && !name.starts_with('.')) {
            continue;
        }
        let is_dir = e.kind == FileKind::Dir
            || (e.kind == FileKind::Symlink && tree.is_dir(&format!("{base}/{}", e.name)));
        let slash = if is_dir { "/" } else { "" };
        out.push(format!("{dir}{}{slash}", e.name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(items: &[&str], line: &str, start: usize) -> Option<String> {
        LineCompletion {
            start,
            items: items.iter().map(|s| (*s).to_owned()).collect(),
        }
        .apply(line)
    }

    #[test]
    fn apply_completes_one_or_the_common_prefix() {
        assert_eq!(
            apply(&["run"], "docker ru", 7).as_deref(),
            Some("docker run ")
        );
        assert_eq!(apply(&["src/"], "ls s", 3).as_deref(), Some("ls src/"));
        assert_eq!(apply(&["restart", "rm", "rmi", "run"], "docker r", 7), None);
        assert_eq!(apply(&["--rm", "--runtime"], "docker run --r", 11), None);
        assert_eq!(
            apply(&["experiment1", "experiment2"], "docker logs e", 12).as_deref(),
            Some("docker logs experiment")
        );
        assert_eq!(apply(&[], "docker x", 7), None);
    }
}
