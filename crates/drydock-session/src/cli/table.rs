//! The docker command tree Drydock knows: top-level commands, management groups (`container`,
//! `image`, `volume`, `system`) with their subcommands and aliases, and per command its help
//! text, argument-count rule and whether flags may follow positional arguments.

/// The commands Drydock simulates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cmd {
    Build,
    Images,
    ImageRm,
    Tag,
    History,
    Inspect,
    ImageInspect,
    ContainerInspect,
    Run,
    Create,
    Start,
    Stop,
    Kill,
    Restart,
    Rm,
    Ps,
    Logs,
    Exec,
    Cp,
    Diff,
    Port,
    Rename,
    Commit,
    ContainerPrune,
    ImagePrune,
    SystemDf,
    SystemPrune,
    VolumeCreate,
    VolumeLs,
    VolumeInspect,
    VolumeRm,
    VolumePrune,
    Version,
    Info,
    Pull,
}

/// Cobra's positional-argument validators as docker uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgRule {
    None,
    Exact(usize),
    Min(usize),
    Max(usize),
    Range(usize, usize),
}

/// One command.
#[derive(Debug, Clone, Copy)]
pub struct Def {
    pub cmd: Cmd,
    /// Key of its help text.
    pub help: &'static str,
    pub args: ArgRule,
    pub interspersed: bool,
    /// `-h` is the deprecated help shorthand (not for `run`/`create`, where it is `--hostname`).
    pub h_is_help: bool,
}

const fn def(cmd: Cmd, help: &'static str, args: ArgRule) -> Def {
    Def {
        cmd,
        help,
        args,
        interspersed: true,
        h_is_help: true,
    }
}

const fn no_intersperse(mut d: Def) -> Def {
    d.interspersed = false;
    d
}

const fn hostname_h(mut d: Def) -> Def {
    d.h_is_help = false;
    d
}

use ArgRule::{Exact, Max, Min, Range};

const RUN: Def = hostname_h(no_intersperse(def(Cmd::Run, "run", Min(1))));
const CREATE: Def = hostname_h(no_intersperse(def(Cmd::Create, "create", Min(1))));
const START: Def = def(Cmd::Start, "start", Min(1));
const STOP: Def = def(Cmd::Stop, "stop", Min(1));
const KILL: Def = def(Cmd::Kill, "kill", Min(1));
const RESTART: Def = def(Cmd::Restart, "restart", Min(1));
const RM: Def = def(Cmd::Rm, "rm", Min(1));
const PS: Def = def(Cmd::Ps, "ps", ArgRule::None);
const LOGS: Def = def(Cmd::Logs, "logs", Exact(1));
const EXEC: Def = no_intersperse(def(Cmd::Exec, "exec", Min(2)));
const CP: Def = def(Cmd::Cp, "cp", Exact(2));
const DIFF: Def = def(Cmd::Diff, "diff", Exact(1));
const PORT: Def = def(Cmd::Port, "port", Range(1, 2));
const RENAME: Def = def(Cmd::Rename, "rename", Exact(2));
const COMMIT: Def = def(Cmd::Commit, "commit", Range(1, 2));
const INSPECT: Def = def(Cmd::Inspect, "inspect", Min(1));
const IMAGES: Def = def(Cmd::Images, "images", Max(1));
const RMI: Def = def(Cmd::ImageRm, "rmi", Min(1));
const TAG: Def = def(Cmd::Tag, "tag", Exact(2));
const HISTORY: Def = def(Cmd::History, "history", Exact(1));
const VERSION: Def = def(Cmd::Version, "version", ArgRule::None);
const INFO: Def = def(Cmd::Info, "info", ArgRule::None);
const PULL: Def = def(Cmd::Pull, "pull", Exact(1));
const BUILD: Def = def(Cmd::Build, "build", Exact(1));

/// Top-level commands: name → definition.
pub const TOP: &[(&str, Def)] = &[
    ("build", BUILD),
    ("commit", COMMIT),
    ("cp", CP),
    ("create", CREATE),
    ("diff", DIFF),
    ("exec", EXEC),
    ("history", HISTORY),
    ("images", IMAGES),
    ("info", INFO),
    ("inspect", INSPECT),
    ("kill", KILL),
    ("logs", LOGS),
    ("port", PORT),
    ("ps", PS),
    ("pull", PULL),
    ("rename", RENAME),
    ("restart", RESTART),
    ("rm", RM),
    ("rmi", RMI),
    ("run", RUN),
    ("start", START),
    ("stop", STOP),
    ("tag", TAG),
    ("version", VERSION),
];

/// A management group: its name, its `UseLine` (for unknown-subcommand errors) and its
/// subcommands as (name, aliases, definition).
pub struct Group {
    pub name: &'static str,
    pub use_line: &'static str,
    pub subs: &'static [(&'static str, &'static [&'static str], Def)],
}

pub const GROUPS: &[Group] = &[
    Group {
        name: "container",
        use_line: "docker container",
        subs: &[
            ("commit", &[], COMMIT),
            ("cp", &[], CP),
            ("create", &[], CREATE),
            ("diff", &[], DIFF),
            ("exec", &[], EXEC),
            (
                "inspect",
                &[],
                def(Cmd::ContainerInspect, "container_inspect", Min(1)),
            ),
            ("kill", &[], KILL),
            ("logs", &[], LOGS),
            ("ls", &["list", "ps"], PS),
            ("port", &[], PORT),
            (
                "prune",
                &[],
                def(Cmd::ContainerPrune, "container_prune", ArgRule::None),
            ),
            ("rename", &[], RENAME),
            ("restart", &[], RESTART),
            ("rm", &["remove"], RM),
            ("run", &[], RUN),
            ("start", &[], START),
            ("stop", &[], STOP),
        ],
    },
    Group {
        name: "image",
        use_line: "docker image",
        subs: &[
            ("build", &[], BUILD),
            ("history", &[], HISTORY),
            (
                "inspect",
                &[],
                def(Cmd::ImageInspect, "image_inspect", Min(1)),
            ),
            ("ls", &["list"], IMAGES),
            (
                "prune",
                &[],
                def(Cmd::ImagePrune, "image_prune", ArgRule::None),
            ),
            ("pull", &[], PULL),
            ("rm", &["remove"], RMI),
            ("tag", &[], TAG),
        ],
    },
    Group {
        name: "volume",
        use_line: "docker volume COMMAND",
        subs: &[
            (
                "create",
                &[],
                def(Cmd::VolumeCreate, "volume_create", Max(1)),
            ),
            (
                "inspect",
                &[],
                def(Cmd::VolumeInspect, "volume_inspect", Min(1)),
            ),
            (
                "ls",
                &["list"],
                def(Cmd::VolumeLs, "volume_ls", ArgRule::None),
            ),
            (
                "prune",
                &[],
                def(Cmd::VolumePrune, "volume_prune", ArgRule::None),
            ),
            ("rm", &["remove"], def(Cmd::VolumeRm, "volume_rm", Min(1))),
        ],
    },
    Group {
        name: "system",
        use_line: "docker system",
        subs: &[
            ("df", &[], def(Cmd::SystemDf, "system_df", ArgRule::None)),
            ("info", &[], INFO),
            (
                "prune",
                &[],
                def(Cmd::SystemPrune, "system_prune", ArgRule::None),
            ),
        ],
    },
];

/// Commands of the real client that Drydock does not simulate (a clear message instead of
/// Docker's "unknown command").
pub const NOT_SIMULATED: &[&str] = &[
    "attach",
    "builder",
    "buildx",
    "checkpoint",
    "compose",
    "config",
    "context",
    "events",
    "export",
    "import",
    "load",
    "login",
    "logout",
    "manifest",
    "network",
    "node",
    "pause",
    "plugin",
    "port",
    "push",
    "rename",
    "save",
    "search",
    "secret",
    "service",
    "stack",
    "stats",
    "swarm",
    "top",
    "trust",
    "unpause",
    "update",
    "wait",
];

/// Subcommands of the groups that Drydock does not simulate.
pub const GROUP_NOT_SIMULATED: &[(&str, &[&str])] = &[
    (
        "container",
        &[
            "attach", "export", "pause", "port", "rename", "stats", "top", "unpause", "update",
            "wait",
        ],
    ),
    ("image", &["import", "load", "push", "save"]),
    ("volume", &["update"]),
    ("system", &["events"]),
];
