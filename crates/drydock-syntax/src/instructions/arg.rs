//! ARG: `ARG name[=default] …` (`parseArg`; flags are never parsed), with doc comments.
use super::{R, Req};
use crate::codes;
use crate::text::Text;
use drydock_text::TextRange;
use serde::Serialize;

/// One `name[=default]` of an ARG.
#[derive(Debug, Clone, Serialize)]
pub struct ArgDef<'a> {
    pub key: Text<'a>,
    /// The default value, raw (quotes kept; expanded by the builder).
    pub value: Option<Text<'a>>,
    /// The whole word.
    pub span: TextRange,
    pub key_span: TextRange,
    /// The description from the comment above (`# name description`).
    pub comment: Text<'a>,
}

/// An ARG instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Args<'a> {
    pub args: Vec<ArgDef<'a>>,
}

/// `getComment(comments, name)`: the rest of the first comment line starting with `name `.
pub(crate) fn get_comment<'a>(comments: &[Text<'a>], name: &str) -> Text<'a> {
    if name.is_empty() {
        return Text::default();
    }
    for c in comments {
        if c.len() > name.len()
            && c.starts_with(name)
            && c.as_bytes().get(name.len()) == Some(&b' ')
        {
            return c.slice(name.len() + 1, c.len());
        }
    }
    Text::default()
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Args<'a>> {
    if req.args().is_empty() {
        return Err(req.fail(
            codes::MISSING_ARGUMENT,
            "ARG requires at least one argument",
        ));
    }
    let mut args = Vec::with_capacity(req.args().len());
    for a in req.args() {
        let (key, value, key_len) = match a.value.find('=') {
            Some(0) => {
                return Err(req.fail_at(codes::BLANK_NAME, "ARG names can not be blank", a.span));
            }
            Some(eq) => (
                a.value.slice(0, eq),
                Some(a.value.slice(eq + 1, a.value.len())),
                eq,
            ),
            None => (a.value.clone(), None, a.value.len()),
        };
        let key_span = if a.span.len() as usize == a.value.len() {
            TextRange::new(
                a.span.start,
                a.span.start + u32::try_from(key_len).unwrap_or(0),
            )
        } else {
            a.span
        };
        let comment = get_comment(&req.ins.comments, &key);
        args.push(ArgDef {
            key,
            value,
            span: a.span,
            key_span,
            comment,
        });
    }
    Ok(Args { args })
}
