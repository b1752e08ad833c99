//! Learner-facing documentation of every instruction flag BuildKit accepts.
use crate::ast::Kind;

/// One `--flag` of an instruction.
pub struct FlagDoc {
    pub kind: Kind,
    pub name: &'static str,
    /// How it is written, e.g. `--from=<stage|image>`.
    pub syntax: &'static str,
    pub summary: &'static str,
}

const fn f(kind: Kind, name: &'static str, syntax: &'static str, summary: &'static str) -> FlagDoc {
    FlagDoc {
        kind,
        name,
        syntax,
        summary,
    }
}

pub(super) const FLAGS: &[FlagDoc] = &[
    f(
        Kind::From,
        "platform",
        "--platform=<os/arch>",
        "Pull the base image for another platform, e.g. linux/amd64.",
    ),
    f(
        Kind::Run,
        "mount",
        "--mount=type=cache|bind|tmpfs|secret|ssh,target=<path>,…",
        "Mount something for this RUN only: a cache that survives builds (pip/apt caches), files from the context or another stage, a secret. Nothing mounted ends up in the image.",
    ),
    f(
        Kind::Run,
        "network",
        "--network=default|none|host",
        "Network access for this RUN; `none` blocks downloads.",
    ),
    f(
        Kind::Run,
        "security",
        "--security=sandbox|insecure",
        "Run with extra privileges (needs the security.insecure entitlement).",
    ),
    f(
        Kind::Run,
        "device",
        "--device=<name>",
        "Expose a device to the RUN (Dockerfile labs frontend only).",
    ),
    f(
        Kind::Copy,
        "from",
        "--from=<stage|index|image>",
        "Copy from an earlier build stage (or an image) instead of the build context. Paths are relative to that stage's root.",
    ),
    f(
        Kind::Copy,
        "chown",
        "--chown=<user>[:<group>]",
        "Owner of the copied files (default root:root — USER does not apply to COPY).",
    ),
    f(
        Kind::Copy,
        "chmod",
        "--chmod=<octal|symbolic>",
        "Permissions of the copied files, e.g. 755 or u+x.",
    ),
    f(
        Kind::Copy,
        "link",
        "--link",
        "Copy into an independent layer that can be reused even if earlier layers change.",
    ),
    f(
        Kind::Copy,
        "parents",
        "--parents",
        "Keep the source paths' parent directories at the destination.",
    ),
    f(
        Kind::Copy,
        "exclude",
        "--exclude=<pattern>",
        "Skip files matching the pattern (like a .dockerignore line). Repeatable.",
    ),
    f(
        Kind::Add,
        "chown",
        "--chown=<user>[:<group>]",
        "Owner of the added files (default root:root).",
    ),
    f(
        Kind::Add,
        "chmod",
        "--chmod=<octal|symbolic>",
        "Permissions of the added files.",
    ),
    f(
        Kind::Add,
        "link",
        "--link",
        "Add into an independent layer.",
    ),
    f(
        Kind::Add,
        "checksum",
        "--checksum=sha256:<hex>",
        "Verify a downloaded URL against this digest.",
    ),
    f(
        Kind::Add,
        "keep-git-dir",
        "--keep-git-dir",
        "Keep the `.git` directory when adding a Git repository.",
    ),
    f(
        Kind::Add,
        "unpack",
        "--unpack=true|false",
        "Whether to extract archives (default: local archives yes, URLs no).",
    ),
    f(
        Kind::Add,
        "exclude",
        "--exclude=<pattern>",
        "Skip files matching the pattern. Repeatable.",
    ),
    f(
        Kind::Healthcheck,
        "interval",
        "--interval=<duration>",
        "Time between checks (default 30s).",
    ),
    f(
        Kind::Healthcheck,
        "timeout",
        "--timeout=<duration>",
        "A check taking longer fails (default 30s).",
    ),
    f(
        Kind::Healthcheck,
        "start-period",
        "--start-period=<duration>",
        "Grace period after start when failures don't count (default 0s).",
    ),
    f(
        Kind::Healthcheck,
        "start-interval",
        "--start-interval=<duration>",
        "Time between checks during the start period (default 5s).",
    ),
    f(
        Kind::Healthcheck,
        "retries",
        "--retries=<n>",
        "Consecutive failures before the container is unhealthy (default 3).",
    ),
];
