//! FROM: `FROM [--platform=p] image [AS name]` (`parseFrom`, `parseBuildStageName`).
use super::bflag::{FlagDef, FlagKind};
use super::{R, Req};
use crate::ast::Arg;
use crate::codes;
use crate::go;
use crate::text::Text;
use serde::Serialize;

/// A FROM instruction (a stage start).
#[derive(Debug, Clone, Serialize)]
pub struct From<'a> {
    /// The base image (unexpanded).
    pub image: Arg<'a>,
    /// The stage name, lower-cased, when `AS name` is given.
    pub stage_name: Option<Text<'a>>,
    /// The stage name as written.
    pub stage_name_arg: Option<Arg<'a>>,
    /// The `AS` word as written.
    pub as_keyword: Option<Arg<'a>>,
    /// `--platform` (unexpanded).
    pub platform: Option<Arg<'a>>,
    /// The stage's description from the comment above (`# name description`).
    pub comment: Text<'a>,
}

const FLAGS: [FlagDef<'static>; 1] = [FlagDef::new("platform", FlagKind::String, "")];

fn valid_stage_name(s: &str) -> bool {
    let mut b = s.bytes();
    b.next().is_some_and(|c| c.is_ascii_lowercase())
        && b.all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_' | b'.')
        })
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<From<'a>> {
    let args = req.args();
    let (stage_name, stage_arg, as_kw) = match args {
        [_, as_kw, name] if go::equal_fold(&as_kw.value, "as") => {
            let lower = go::to_lower(&name.value).into_owned();
            if !valid_stage_name(&lower) {
                return Err(req.fail_at(
                    codes::INVALID_STAGE_NAME,
                    format!(
                        "invalid name for build stage: {}, name can't start with a number or contain symbols",
                        go::quote(&name.value)
                    ),
                    name.span,
                ));
            }
            let text = if lower == name.value.as_str() {
                name.value.clone()
            } else {
                Text::owned(&lower)
            };
            (Some(text), Some(name.clone()), Some(as_kw.clone()))
        }
        [_] => (None, None, None),
        _ => {
            return Err(req.fail(
                codes::FROM_ARGUMENT_COUNT,
                "FROM requires either one or three arguments",
            ));
        }
    };
    let flags = req.flags(&FLAGS)?;
    let comment = super::arg::get_comment(&req.ins.comments, stage_name.as_deref().unwrap_or(""));
    Ok(From {
        image: args.first().cloned().unwrap_or(Arg {
            value: Text::default(),
            span: req.ins.span,
        }),
        stage_name,
        stage_name_arg: stage_arg,
        as_keyword: as_kw,
        platform: flags.string("platform"),
        comment,
    })
}
