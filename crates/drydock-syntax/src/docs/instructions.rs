//! Learner-facing documentation of every Dockerfile instruction (hover text and help panels).
use crate::ast::Kind;

/// What an instruction does, written for someone learning Docker.
pub struct InstructionDoc {
    pub kind: Kind,
    /// The forms it is written in.
    pub syntax: &'static str,
    /// One sentence.
    pub summary: &'static str,
    /// A short paragraph or two (paragraphs separated by a blank line).
    pub details: &'static str,
    /// When it happens: `build` (changes the image while building) or `run` (recorded for containers).
    pub when: &'static str,
}

pub(super) const DOCS: &[InstructionDoc] = &[
    InstructionDoc {
        kind: Kind::From,
        syntax: "FROM [--platform=<platform>] <image>[:<tag>] [AS <name>]",
        summary: "Starts a build stage from a base image.",
        details: "Everything after FROM builds on top of the base image's files and settings (its ENV, WORKDIR, CMD, …). `FROM scratch` starts from an empty filesystem.\n\nA Dockerfile can have several FROM lines (a multi-stage build): name a stage with `AS build` and copy files out of it later with `COPY --from=build`. Only the last stage (or `--target`) becomes the image.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Run,
        syntax: "RUN <command>   |   RUN [\"executable\", \"arg\", …]",
        summary: "Runs a command while the image is built and saves the files it changed as a new layer.",
        details: "The shell form runs through `/bin/sh -c` (or SHELL), so `&&`, pipes and `$VARS` work; the exec form (JSON array) runs the program directly, without a shell.\n\nRUN happens at build time only: a server started in RUN is gone when the step ends. Files a RUN deletes that an earlier layer added still take space in the image — clean up in the same RUN that created them.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Cmd,
        syntax: "CMD [\"executable\", \"arg\", …]   |   CMD [\"arg\", …]   |   CMD <command>",
        summary: "Sets the default command (or default arguments for ENTRYPOINT) of containers.",
        details: "CMD does nothing during the build: it is recorded in the image and used by `docker run` when you give no command of your own. Arguments after the image name in `docker run IMAGE …` replace CMD entirely.\n\nOnly the last CMD of the final stage counts. Prefer the JSON (exec) form so the program runs as PID 1 and receives signals such as Ctrl+C.",
        when: "run",
    },
    InstructionDoc {
        kind: Kind::Entrypoint,
        syntax: "ENTRYPOINT [\"executable\", \"arg\", …]   |   ENTRYPOINT <command>",
        summary: "Sets the program every container of the image runs; CMD and `docker run` arguments are appended to it.",
        details: "With `ENTRYPOINT [\"python\", \"train.py\"]`, `docker run IMAGE --epochs 5` runs `python train.py --epochs 5`. Use `docker run --entrypoint` to replace it (that also drops CMD).\n\nThe shell form runs your command under `/bin/sh -c`, which ignores CMD and run arguments and keeps signals from reaching your program.",
        when: "run",
    },
    InstructionDoc {
        kind: Kind::Copy,
        syntax: "COPY [--from=<stage>] [--chown=<user>] [--chmod=<mode>] <src>… <dest>",
        summary: "Copies files from the build context (or another stage) into the image as a new layer.",
        details: "Sources are paths inside the build context — the folder you pass to `docker build` — not paths on your machine, and `.dockerignore`d files are invisible. A relative destination is relative to WORKDIR. Copying a directory copies its contents; end the destination with `/` to copy a file into a directory.\n\nThe layer cache checks the copied files' contents: change one and this step and every later step rebuild. Copy dependency lists (requirements.txt) and install them before copying your source code.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Add,
        syntax: "ADD [--chown=<user>] [--chmod=<mode>] [--checksum=<sha>] <src>… <dest>",
        summary: "Like COPY, but also downloads URLs and unpacks local tar archives.",
        details: "A local `.tar`, `.tar.gz` (and other compressed tars) is extracted into the destination; a URL is downloaded as a file. For plain files prefer COPY: it does exactly one thing.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Workdir,
        syntax: "WORKDIR <path>",
        summary: "Sets the working directory for later RUN, CMD, ENTRYPOINT, COPY and ADD — creating it if needed.",
        details: "A relative WORKDIR is relative to the previous one. It is also where containers start, so relative paths in your program (`models/model.pt`) land under it.\n\nSet WORKDIR before the COPYs that should go into it: a COPY with a relative destination before the WORKDIR lands somewhere else.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Env,
        syntax: "ENV <key>=<value> …",
        summary: "Sets environment variables for the rest of the build and for every container.",
        details: "ENV values are stored in the image: later RUN lines see them, and so do containers (override with `docker run -e`). Never put secrets in ENV: anyone with the image can read them with `docker inspect`.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Arg,
        syntax: "ARG <name>[=<default>] …",
        summary: "Declares a build argument, set with `docker build --build-arg name=value`.",
        details: "ARG values exist only while building: RUN lines see them, containers do not. An ARG before the first FROM can only be used in FROM lines; declare it again (without a value) inside a stage to use it there.\n\nChanging a build argument's value rebuilds the steps after its ARG line that use the environment.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Expose,
        syntax: "EXPOSE <port>[/<protocol>] …",
        summary: "Documents which ports the program listens on; it does not publish them.",
        details: "EXPOSE is metadata. To reach the port from your machine, publish it when you start the container: `docker run -p 8000:8000 IMAGE`.",
        when: "run",
    },
    InstructionDoc {
        kind: Kind::Volume,
        syntax: "VOLUME [\"/path\", …]   |   VOLUME /path …",
        summary: "Marks directories whose data should live outside the container's writable layer.",
        details: "Every container gets a fresh anonymous volume at each path unless you mount one yourself (`-v name:/path` or `-v $(pwd)/dir:/path`).",
        when: "run",
    },
    InstructionDoc {
        kind: Kind::User,
        syntax: "USER <user>[:<group>]",
        summary: "Sets the user (and group) for later RUN lines and for containers.",
        details: "The user must exist in the image (create it with `useradd`) when a RUN or a container needs it. COPY still writes files owned by root unless you add `--chown`.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Label,
        syntax: "LABEL <key>=<value> …",
        summary: "Adds metadata (author, version, source URL…) to the image.",
        details: "Labels appear in `docker inspect` and can be filtered on; they never change the filesystem.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Shell,
        syntax: "SHELL [\"executable\", \"parameters\"]",
        summary: "Changes the shell used by the shell form of RUN, CMD and ENTRYPOINT.",
        details: "The default on Linux is `[\"/bin/sh\", \"-c\"]`. For example `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` makes a failing command in a pipe fail the build.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Healthcheck,
        syntax: "HEALTHCHECK [--interval=…] [--timeout=…] [--retries=N] CMD <command>   |   HEALTHCHECK NONE",
        summary: "Tells Docker how to test that a running container still works.",
        details: "Docker runs the command periodically inside the container; exit code 0 means healthy. `docker ps` then shows `(healthy)` or `(unhealthy)`.",
        when: "run",
    },
    InstructionDoc {
        kind: Kind::Stopsignal,
        syntax: "STOPSIGNAL <signal>",
        summary: "Sets the signal `docker stop` sends to the container's main process.",
        details: "The default is SIGTERM. It only reaches your program if it runs as PID 1, i.e. with an exec-form (JSON) ENTRYPOINT or CMD.",
        when: "run",
    },
    InstructionDoc {
        kind: Kind::Onbuild,
        syntax: "ONBUILD <instruction>",
        summary: "Stores an instruction that runs later, when another Dockerfile builds FROM this image.",
        details: "Used for base images meant to be extended; the trigger does not run in this build.",
        when: "build",
    },
    InstructionDoc {
        kind: Kind::Maintainer,
        syntax: "MAINTAINER <name>",
        summary: "Deprecated: sets the image author. Use `LABEL org.opencontainers.image.authors=…` instead.",
        details: "BuildKit still accepts it but warns (MaintainerDeprecated).",
        when: "build",
    },
];
