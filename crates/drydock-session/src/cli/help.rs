//! The docker client's help texts (captured from docker 28.2.2 by `data/capture-help.sh`, kept
//! exact) and what is derived from them: the usage block of a command path and its flag set
//! (names, shorthands and value types are read from the `Options:` section).
use std::sync::OnceLock;

/// Help text files by key (the command path with `_`, `docker` for the root).
const HELP: &[(&str, &str)] = &[
    ("commit", include_str!("../../data/help/commit.txt")),
    ("container", include_str!("../../data/help/container.txt")),
    (
        "container_inspect",
        include_str!("../../data/help/container_inspect.txt"),
    ),
    (
        "container_prune",
        include_str!("../../data/help/container_prune.txt"),
    ),
    ("cp", include_str!("../../data/help/cp.txt")),
    ("create", include_str!("../../data/help/create.txt")),
    ("diff", include_str!("../../data/help/diff.txt")),
    ("port", include_str!("../../data/help/port.txt")),
    ("rename", include_str!("../../data/help/rename.txt")),
    ("docker", include_str!("../../data/help/docker.txt")),
    ("exec", include_str!("../../data/help/exec.txt")),
    ("history", include_str!("../../data/help/history.txt")),
    ("image", include_str!("../../data/help/image.txt")),
    (
        "image_inspect",
        include_str!("../../data/help/image_inspect.txt"),
    ),
    (
        "image_prune",
        include_str!("../../data/help/image_prune.txt"),
    ),
    ("images", include_str!("../../data/help/images.txt")),
    ("info", include_str!("../../data/help/info.txt")),
    ("inspect", include_str!("../../data/help/inspect.txt")),
    ("kill", include_str!("../../data/help/kill.txt")),
    ("logs", include_str!("../../data/help/logs.txt")),
    ("ps", include_str!("../../data/help/ps.txt")),
    ("pull", include_str!("../../data/help/pull.txt")),
    ("restart", include_str!("../../data/help/restart.txt")),
    ("rm", include_str!("../../data/help/rm.txt")),
    ("rmi", include_str!("../../data/help/rmi.txt")),
    ("run", include_str!("../../data/help/run.txt")),
    ("start", include_str!("../../data/help/start.txt")),
    ("stop", include_str!("../../data/help/stop.txt")),
    ("system", include_str!("../../data/help/system.txt")),
    ("system_df", include_str!("../../data/help/system_df.txt")),
    (
        "system_prune",
        include_str!("../../data/help/system_prune.txt"),
    ),
    ("tag", include_str!("../../data/help/tag.txt")),
    ("version", include_str!("../../data/help/version.txt")),
    ("volume", include_str!("../../data/help/volume.txt")),
    (
        "volume_create",
        include_str!("../../data/help/volume_create.txt"),
    ),
    (
        "volume_inspect",
        include_str!("../../data/help/volume_inspect.txt"),
    ),
    ("volume_ls", include_str!("../../data/help/volume_ls.txt")),
    (
        "volume_prune",
        include_str!("../../data/help/volume_prune.txt"),
    ),
    ("volume_rm", include_str!("../../data/help/volume_rm.txt")),
];

/// The help text stored under `key`.
pub fn text(key: &str) -> &'static str {
    HELP.iter().find(|(k, _)| *k == key).map_or("", |(_, t)| *t)
}

/// The help text as `docker PATH --help` prints it: the stored text with its first usage line
/// naming `path` (aliases such as `container run` share `run`'s text).
pub fn for_path(key: &str, path: &str) -> String {
    let t = text(key);
    let (first, rest) = t.split_once('\n').unwrap_or((t, ""));
    // The stored text names its canonical path (`container_prune` → `container prune`).
    let words = if key == "docker" {
        0
    } else {
        key.split('_').count()
    };
    let mut args = first.strip_prefix("Usage:  docker ").unwrap_or("");
    for _ in 0..words {
        args = args.split_once(' ').map_or("", |(_, a)| a);
    }
    let mut out = format!("Usage:  docker {path}");
    if !args.is_empty() {
        out.push(' ');
        out.push_str(args);
    }
    out.push('\n');
    out.push_str(rest);
    out
}

/// Cobra's `UseLine` for `path`: the usage block without `Usage:  ` (several lines for `cp`).
pub fn use_line(key: &str, path: &str) -> String {
    let full = for_path(key, path);
    let block = full.split("\n\n").next().unwrap_or("");
    block.strip_prefix("Usage:  ").unwrap_or(block).to_owned()
}

/// One flag of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagSpec {
    pub long: String,
    pub short: Option<char>,
    /// pflag's type word (`string`, `list`, `int`, …); empty for a bool flag.
    pub ty: String,
}

impl FlagSpec {
    pub fn is_bool(&self) -> bool {
        self.ty.is_empty()
    }

    /// `-n, --last` or `--rm`, as pflag names a flag in its errors.
    pub fn display(&self) -> String {
        match self.short {
            Some(c) => format!("-{c}, --{}", self.long),
            None => format!("--{}", self.long),
        }
    }
}

/// Parses one `Options:` line: `  -f, --force     …`, `      --since string   …`.
fn flag_line(line: &str) -> Option<FlagSpec> {
    let rest = line.strip_prefix("  ")?;
    let (short, rest) = if let Some(r) = rest.strip_prefix("    --") {
        (None, r)
    } else {
        let mut cs = rest.chars();
        if cs.next() != Some('-') {
            return None;
        }
        let c = cs.next()?;
        let r = cs.as_str().strip_prefix(", --")?;
        (Some(c), r)
    };
    let end = rest.find("  ").unwrap_or(rest.len());
    let head = rest.get(..end)?.trim_end();
    let (long, ty) = head.split_once(' ').unwrap_or((head, ""));
    if long.is_empty()
        || !long.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        || ty.contains(' ')
    {
        return None;
    }
    Some(FlagSpec {
        long: long.to_owned(),
        short,
        ty: ty.to_owned(),
    })
}

/// The flags listed in a help text's `Options:` (or `Global Options:`) section.
pub fn parse_flags(text: &str, section: &str) -> Vec<FlagSpec> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line == section {
            inside = true;
            continue;
        }
        if inside {
            if line.is_empty() {
                break;
            }
            if let Some(f) = flag_line(line) {
                out.push(f);
            }
        }
    }
    out
}

/// The flag set of the command whose help text is stored under `key` (cached).
pub fn flags(key: &str) -> &'static [FlagSpec] {
    static CACHE: OnceLock<Vec<(&'static str, Vec<FlagSpec>)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        HELP.iter()
            .map(|(k, t)| {
                let section = if *k == "docker" {
                    "Global Options:"
                } else {
                    "Options:"
                };
                (*k, parse_flags(t, section))
            })
            .collect()
    });
    all.iter()
        .find(|(k, _)| *k == key)
        .map_or(&[], |(_, v)| v.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_lines() {
        let f = flag_line("  -f, --force     Force the removal").unwrap();
        assert_eq!(
            (f.long.as_str(), f.short, f.ty.as_str()),
            ("force", Some('f'), "")
        );
        let f = flag_line("      --since string   Show logs since").unwrap();
        assert_eq!(
            (f.long.as_str(), f.short, f.ty.as_str()),
            ("since", None, "string")
        );
        assert!(flag_line("                       for 42 minutes)").is_none());
        assert!(flag_line("                        'table':            Print").is_none());
    }

    #[test]
    fn run_flags_come_from_the_help_text() {
        let fl = flags("run");
        let find = |n: &str| fl.iter().find(|f| f.long == n).cloned();
        assert_eq!(find("interactive").unwrap().short, Some('i'));
        assert_eq!(find("publish").unwrap().ty, "list");
        assert_eq!(find("rm").unwrap().ty, "");
        assert_eq!(find("gpus").unwrap().ty, "gpu-request");
        assert_eq!(find("hostname").unwrap().short, Some('h'));
        assert!(fl.len() > 90, "{}", fl.len());
        assert_eq!(
            flags("docker").iter().filter(|f| f.short.is_some()).count(),
            5
        );
    }

    #[test]
    fn usage_for_aliases() {
        assert_eq!(
            use_line("run", "container run"),
            "docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]"
        );
        assert_eq!(
            use_line("cp", "cp"),
            "docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH"
        );
        assert_eq!(
            use_line("ps", "container ls"),
            "docker container ls [OPTIONS]"
        );
    }
}
