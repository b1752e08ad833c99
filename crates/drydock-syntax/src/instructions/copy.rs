//! COPY: `COPY [flags] src… dest`, JSON form, heredoc sources (`parseCopy`).
use super::bflag::{FlagDef, FlagKind};
use super::sources::{SourceContent, sources_and_dest};
use super::{R, Req, SmallList};
use crate::ast::Arg;
use crate::codes;
use serde::Serialize;

/// A COPY instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Copy<'a> {
    /// Source paths, unexpanded.
    pub sources: SmallList<Arg<'a>>,
    /// Heredoc sources.
    pub contents: Vec<SourceContent<'a>>,
    pub dest: Arg<'a>,
    /// `--from` (a stage, image or named context; never expanded).
    pub from: Option<Arg<'a>>,
    pub chown: Option<Arg<'a>>,
    pub chmod: Option<Arg<'a>>,
    pub link: bool,
    pub parents: bool,
    pub excludes: Vec<Arg<'a>>,
}

const FLAGS: [FlagDef<'static>; 6] = [
    FlagDef::new("exclude", FlagKind::Strings, ""),
    FlagDef::new("parents", FlagKind::Bool, "false"),
    FlagDef::new("chown", FlagKind::String, ""),
    FlagDef::new("from", FlagKind::String, ""),
    FlagDef::new("chmod", FlagKind::String, ""),
    FlagDef::new("link", FlagKind::Bool, "false"),
];

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Copy<'a>> {
    if req.args().len() < 2 {
        return Err(req.fail(
            codes::MISSING_ARGUMENT,
            "COPY requires at least two arguments, but only one was provided. Destination could not be determined",
        ));
    }
    let flags = req.flags(&FLAGS)?;
    let sd = sources_and_dest(req, "COPY")?;
    Ok(Copy {
        sources: sd.sources,
        contents: sd.contents,
        dest: sd.dest,
        from: flags.string("from"),
        chown: flags.string("chown"),
        chmod: flags.string("chmod"),
        link: flags.bool("link"),
        parents: flags.bool("parents"),
        excludes: flags.strings("exclude"),
    })
}
