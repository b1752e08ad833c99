//! ADD: `ADD [flags] src… dest`, JSON form, heredoc sources (`parseAdd`).
use super::bflag::{FlagDef, FlagKind};
use super::sources::{SourceContent, sources_and_dest};
use super::{R, Req, SmallList};
use crate::ast::Arg;
use crate::codes;
use serde::Serialize;

/// An ADD instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Add<'a> {
    /// Source paths or URLs, unexpanded.
    pub sources: SmallList<Arg<'a>>,
    /// Heredoc sources.
    pub contents: Vec<SourceContent<'a>>,
    pub dest: Arg<'a>,
    pub chown: Option<Arg<'a>>,
    pub chmod: Option<Arg<'a>>,
    pub link: bool,
    pub keep_git_dir: bool,
    pub checksum: Option<Arg<'a>>,
    /// `--unpack` when given.
    pub unpack: Option<bool>,
    pub excludes: Vec<Arg<'a>>,
}

const FLAGS: [FlagDef<'static>; 7] = [
    FlagDef::new("exclude", FlagKind::Strings, ""),
    FlagDef::new("chown", FlagKind::String, ""),
    FlagDef::new("chmod", FlagKind::String, ""),
    FlagDef::new("link", FlagKind::Bool, "false"),
    FlagDef::new("keep-git-dir", FlagKind::Bool, "false"),
    FlagDef::new("checksum", FlagKind::String, ""),
    FlagDef::new("unpack", FlagKind::Bool, "false"),
];

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Add<'a>> {
    if req.args().len() < 2 {
        return Err(req.fail(
            codes::MISSING_ARGUMENT,
            "ADD requires at least two arguments, but only one was provided. Destination could not be determined",
        ));
    }
    let flags = req.flags(&FLAGS)?;
    let sd = sources_and_dest(req, "ADD")?;
    Ok(Add {
        sources: sd.sources,
        contents: sd.contents,
        dest: sd.dest,
        chown: flags.string("chown"),
        chmod: flags.string("chmod"),
        link: flags.bool("link"),
        keep_git_dir: flags.bool("keep-git-dir"),
        checksum: flags.string("checksum"),
        unpack: flags.used("unpack").then(|| flags.bool("unpack")),
        excludes: flags.strings("exclude"),
    })
}
