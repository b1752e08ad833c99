//! The program table: every simulated program's name(s) and the function that runs it. Adding a
//! program is one file plus one line here; images and packages name programs by these names.
use super::core as k;
use super::pkg;
use super::tools;
use super::{Program, ProgramCtx, Programs, Registry};

type F = fn(&mut ProgramCtx<'_, '_>, &[String], &[u8]) -> i32;

struct FnProgram(F);

impl Program for FnProgram {
    fn run(&self, ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
        (self.0)(ctx, argv, stdin)
    }
}

/// Program names and their implementations.
pub(crate) const TABLE: &[(&str, F)] = &[
    ("[", k::printf::run),
    ("apk", pkg::apk::run),
    ("apt", pkg::apt::run),
    ("apt-cache", pkg::apt::run_cache),
    ("apt-get", pkg::apt::run),
    ("pip", pkg::pip::run),
    ("uv", pkg::uv::run),
    ("npm", pkg::npm::run),
    ("conda", pkg::conda::run),
    ("mamba", pkg::conda::run),
    ("python", tools::python::run),
    ("hello", tools::hello::run),
    ("make", tools::make::run),
    ("gmake", tools::make::run),
    ("curl", tools::curl::run),
    ("git", tools::git::run),
    ("dvc", tools::dvc::run),
    ("wget", tools::wget::run),
    ("truncate", k::touch::run_truncate),
    ("adduser", tools::users::adduser::run),
    ("addgroup", tools::users::adduser::run_addgroup),
    ("chpasswd", tools::users::usermod::run_chpasswd),
    ("delgroup", tools::users::groupadd::run_del),
    ("deluser", tools::users::groupadd::run_del),
    ("groupadd", tools::users::groupadd::run),
    ("groupdel", tools::users::groupadd::run_del),
    ("useradd", tools::users::useradd::run),
    ("userdel", tools::users::groupadd::run_del),
    ("usermod", tools::users::usermod::run),
    ("awk", k::awk::run),
    ("mawk", k::awk::run),
    ("gawk", k::awk::run),
    ("basename", k::basename::run),
    ("cat", k::cat::run),
    ("chgrp", k::chown::run),
    ("chmod", k::chmod::run),
    ("chown", k::chown::run),
    ("cp", k::cp::run),
    ("cut", k::cut::run),
    ("date", k::date::run),
    ("df", k::stat::run_df),
    ("dirname", k::basename::run_dirname),
    ("du", k::stat::run_du),
    ("echo", k::echo::run),
    ("egrep", k::grep::run),
    ("expr", k::expr::run),
    ("false", k::truefalse::run_false),
    ("fgrep", k::grep::run),
    ("find", k::find::run),
    ("grep", k::grep::run),
    ("gunzip", k::gzip::run),
    ("gzip", k::gzip::run),
    ("head", k::head::run),
    ("hostname", k::uname::run_hostname),
    ("id", k::id::run),
    ("install", k::install::run),
    ("ldconfig", k::timeout::run_noop),
    ("ln", k::ln::run),
    ("ls", k::ls::run),
    ("md5sum", k::sum::run),
    ("mkdir", k::mkdir::run),
    ("mktemp", k::mktemp::run),
    ("mv", k::cp::run_mv),
    ("nice", k::timeout::run),
    ("nohup", k::timeout::run),
    ("nproc", k::uname::run_nproc),
    ("printf", k::printf::run),
    ("pwd", k::pwd::run),
    ("readlink", k::readlink::run),
    ("realpath", k::readlink::run),
    ("rm", k::rm::run),
    ("rmdir", k::mkdir::run_rmdir),
    ("sed", k::sed::run),
    ("seq", k::seq::run),
    ("sha224sum", k::sum::run),
    ("sha256sum", k::sum::run),
    ("sha384sum", k::sum::run),
    ("sha512sum", k::sum::run),
    ("sleep", k::sleep::run),
    ("sort", k::sort::run),
    ("stat", k::stat::run),
    ("stdbuf", k::timeout::run),
    ("sync", k::timeout::run_noop),
    ("tail", k::head::run_tail),
    ("tar", k::tar::run),
    ("tee", k::tee::run),
    ("test", k::printf::run),
    ("timeout", k::timeout::run),
    ("touch", k::touch::run),
    ("tr", k::tr::run),
    ("true", k::truefalse::run_true),
    ("uname", k::uname::run),
    ("uniq", k::sort::run_uniq),
    ("unzip", k::unzip::run),
    ("wc", k::wc::run),
    ("which", k::which::run),
    ("whoami", k::id::run_whoami),
    ("xargs", k::xargs::run),
    ("yes", k::seq::run_yes),
    ("zcat", k::gzip::run),
];

/// `busybox APPLET [ARG…]` (or invoked under an applet's name): runs the applet.
fn run_busybox(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let name = super::common::prog(argv);
    let (applet, args) = if name == "busybox" {
        match argv.get(1) {
            Some(a) => (a.clone(), argv.get(1..).unwrap_or(&[]).to_vec()),
            None => {
                ctx.stdout(b"BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --show SCRIPT\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n");
                return 0;
            }
        }
    } else {
        (name, argv.to_vec())
    };
    if applet == "sh" || applet == "ash" {
        return super::Sh { bash: false }.run(ctx, &args, stdin);
    }
    match TABLE.iter().find(|(n, _)| *n == applet) {
        Some((_, f)) => f(ctx, &args, stdin),
        None => {
            ctx.stderr(format!("{applet}: applet not found\n").as_bytes());
            127
        }
    }
}

/// Registers every program of the table.
pub(crate) fn register_all(r: &mut Registry) {
    for (name, f) in TABLE {
        r.register(name, Box::new(FnProgram(*f)));
    }
    r.register("busybox", Box::new(FnProgram(run_busybox)));
    // tools known by their --version banner only
    for name in drydock_catalog::packages::texts().versions.keys() {
        if !r.contains(name) {
            r.register(name, Box::new(FnProgram(tools::generic::run)));
        }
    }
}
