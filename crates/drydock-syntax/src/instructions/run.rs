//! RUN: shell/exec form, heredoc files, `--mount`, `--network`, `--security`, `--device`
//! (`parseRun` with the run hooks: device, mount, network, security, in BuildKit's order).
use super::bflag::{FlagDef, FlagKind};
use super::device::{Device, parse_device};
use super::mount::parse_mount;
use super::sources::cmd_line;
use super::{CmdLine, R, Req};
use crate::ast::Arg;
use crate::codes;
use crate::go;
use crate::text::Text;
use drydock_text::TextRange;
use serde::Serialize;

/// A heredoc attached to RUN: written to a file (or fed to the command) at run time.
#[derive(Debug, Clone, Serialize)]
pub struct HeredocFile<'a> {
    pub name: Text<'a>,
    /// The body, raw (not chomped yet).
    pub data: Text<'a>,
    pub chomp: bool,
    pub span: TextRange,
}

/// A `--device` value.
#[derive(Debug, Clone, Serialize)]
pub struct RunDevice<'a> {
    pub value: Text<'a>,
    pub span: TextRange,
    pub device: Device,
}

/// A RUN instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Run<'a> {
    pub cmd: CmdLine<'a>,
    pub files: Vec<HeredocFile<'a>>,
    /// `--mount` values, raw (see [`super::parse_mount`], called with an expander at build time).
    pub mounts: Vec<Arg<'a>>,
    /// `--network`: `default`, `none` or `host`.
    pub network: Text<'a>,
    /// `--security`: `sandbox` or `insecure`.
    pub security: Text<'a>,
    pub devices: Vec<RunDevice<'a>>,
    /// Names of the flags used, sorted.
    pub flags_used: Vec<&'static str>,
}

/// `--network`'s and `--security`'s defaults (the values a RUN without the flag has).
const NETWORK_DEFAULT: &str = "default";
const SECURITY_DEFAULT: &str = "sandbox";

const FLAGS: [FlagDef<'static>; 4] = [
    FlagDef::new("device", FlagKind::Strings, ""),
    FlagDef::new("mount", FlagKind::Strings, ""),
    FlagDef::new("network", FlagKind::String, NETWORK_DEFAULT),
    FlagDef::new("security", FlagKind::String, SECURITY_DEFAULT),
];

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Run<'a>> {
    let flags = req.flags(&FLAGS)?;
    let cmd = cmd_line(req.args(), req.json());
    if !flags.any() && req.ins.heredocs.is_empty() {
        // The common RUN: no flags (every flag at its default), no here-documents.
        return Ok(Run {
            cmd,
            files: Vec::new(),
            mounts: Vec::new(),
            network: Text::Borrowed(NETWORK_DEFAULT),
            security: Text::Borrowed(SECURITY_DEFAULT),
            devices: Vec::new(),
            flags_used: Vec::new(),
        });
    }
    let files = req
        .ins
        .heredocs
        .iter()
        .map(|h| HeredocFile {
            name: h.name.clone(),
            data: h.content.clone(),
            chomp: h.chomp,
            span: h.content_span,
        })
        .collect();
    let mut devices = Vec::new();
    for d in flags.strings("device") {
        let device =
            parse_device(&d.value).map_err(|e| req.fail_at(codes::INVALID_DEVICE, e, d.span))?;
        devices.push(RunDevice {
            value: d.value,
            span: d.span,
            device,
        });
    }
    let mounts = flags.strings("mount");
    for m in &mounts {
        parse_mount(&m.value, None).map_err(|e| req.fail_at(codes::INVALID_MOUNT, e, m.span))?;
    }
    let network = flags.string_or_default("network");
    if !matches!(network.as_str(), "default" | "none" | "host") {
        return Err(req.fail(
            codes::INVALID_NETWORK,
            format!("invalid network mode {}", go::quote(&network)),
        ));
    }
    let security = flags.string_or_default("security");
    if !matches!(security.as_str(), "sandbox" | "insecure") {
        return Err(req.fail(
            codes::INVALID_SECURITY,
            format!("security {} is not valid", go::quote(&security)),
        ));
    }
    Ok(Run {
        cmd,
        files,
        mounts,
        network,
        security,
        devices,
        flags_used: flags.used_names(),
    })
}
