//! Level 2 of the docker command line: one file per command turns an [`Invocation`] into a typed
//! request, runs it against the engine and prints what the docker CLI prints.
pub mod build;
pub mod commit;
pub mod container_opts;
pub mod container_prune;
pub mod cp;
pub mod create;
pub mod diff;
pub mod exec;
pub mod history;
pub mod image_prune;
pub mod images;
pub mod inspect;
pub mod kill;
pub mod logs;
pub mod port;
pub mod ps;
pub mod pull;
pub mod rename;
pub mod restart;
pub mod rm;
pub mod rmi;
pub mod run;
pub mod start;
pub mod stop;
pub mod system;
pub mod system_df_verbose;
pub mod tag;
pub mod version;
pub mod volume;

use crate::cli::table::Cmd;
use crate::cli::{self, Invocation, Parsed};
use crate::output::Output;
use crate::session::Session;

/// Whether a command line is a build (the engine adds its own think time before builds).
pub fn is_build(argv: &[String]) -> bool {
    let words: Vec<&str> = argv
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .take(2)
        .collect();
    matches!(
        words.as_slice(),
        ["build", ..] | ["image" | "buildx" | "builder", "build"]
    )
}

/// Parses and runs a docker command line (the words after `docker`).
pub fn run(s: &mut Session, argv: &[String], stdin: &[u8]) -> Output {
    let version = s.config.client_version.clone();
    match cli::parse(argv, &version) {
        Parsed::Done(o) => o,
        Parsed::Run(inv) => dispatch(s, &inv, stdin),
    }
}

fn dispatch(s: &mut Session, inv: &Invocation, stdin: &[u8]) -> Output {
    match inv.cmd {
        Cmd::Run => run::run(s, inv, stdin),
        Cmd::Create => create::run(s, inv),
        Cmd::Start => start::run(s, inv, stdin),
        Cmd::Stop => stop::run(s, inv),
        Cmd::Kill => kill::run(s, inv),
        Cmd::Restart => restart::run(s, inv),
        Cmd::Rm => rm::run(s, inv),
        Cmd::Ps => ps::run(s, inv),
        Cmd::Logs => logs::run(s, inv),
        Cmd::Diff => diff::run(s, inv),
        Cmd::Port => port::run(s, inv),
        Cmd::Rename => rename::run(s, inv),
        Cmd::ContainerInspect => inspect::container(s, inv),
        Cmd::Pull => pull::run(s, inv),
        Cmd::Cp => cp::run(s, inv),
        Cmd::Exec => exec::run(s, inv, stdin),
        Cmd::Commit => commit::run(s, inv),
        Cmd::ImageRm => rmi::run(s, inv),
        Cmd::Tag => tag::run(s, inv),
        Cmd::ContainerPrune => container_prune::run(s, inv),
        Cmd::ImagePrune => image_prune::run(s, inv),
        Cmd::SystemDf => system::df(s, inv),
        Cmd::SystemPrune => system::prune(s, inv),
        Cmd::VolumeCreate => volume::create(s, inv),
        Cmd::VolumeLs => volume::ls(s, inv),
        Cmd::VolumeInspect => volume::inspect(s, inv),
        Cmd::VolumeRm => volume::rm(s, inv),
        Cmd::VolumePrune => volume::prune(s, inv),
        Cmd::Build => build::run(s, inv),
        Cmd::Images => images::run(s, inv),
        Cmd::History => history::run(s, inv),
        Cmd::ImageInspect => inspect::image(s, inv),
        Cmd::Inspect => inspect::any(s, inv),
        Cmd::Version => version::version(s, inv),
        Cmd::Info => version::info(s, inv),
    }
}

/// A container's inspect object, if the reference names one.
pub fn container_json(
    s: &mut Session,
    reference: &str,
) -> Option<drydock_engine::output::inspect::J> {
    let c = s.engine.find_container(reference).ok()?;
    Some(drydock_engine::output::container_inspect::object(
        &s.engine, c,
    ))
}

/// A volume's inspect object, if the name is a volume.
pub fn volume_json(s: &mut Session, name: &str) -> Option<drydock_engine::output::inspect::J> {
    volume::json(s, name)
}
