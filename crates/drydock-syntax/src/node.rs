//! `newNodeFromLine`: one logical line → an instruction node (keyword, flags, arguments, JSON
//! attribute, ONBUILD child), with source spans through the line's [`SegMap`].
use crate::ast::{Arg, Flag, Instruction, Kind};
use crate::go;
use crate::instructions::SmallList;
use crate::lineparse::{self, LineError};
use crate::piece::{Piece, PieceValue};
use crate::segmap::SegMap;
use crate::split::split_command;
use crate::text::Text;

/// Builds the node for the window `off..` of logical line `line`. Returns the node and the
/// parser-stage error of its arguments, if any.
pub fn build<'a>(
    line: &Text<'a>,
    off: usize,
    map: &SegMap<'_>,
    escape: char,
    scratch: &mut Vec<Piece>,
) -> (Instruction<'a>, Option<LineError>) {
    build_with(line, off, map, escape, scratch, |node| node)
}

/// [`build`] that pushes the node onto `out`: the 464-byte node is written once, in the list,
/// instead of being moved from the builder to the caller and then into the list.
pub fn build_into<'a>(
    out: &mut Vec<Instruction<'a>>,
    line: &Text<'a>,
    map: &SegMap<'_>,
    escape: char,
    scratch: &mut Vec<Piece>,
) -> Option<LineError> {
    build_with(line, 0, map, escape, scratch, |node| out.push(node)).1
}

/// The builder behind [`build`] and [`build_into`]: `finish` receives the node.
#[inline(always)]
fn build_with<'a, R>(
    line: &Text<'a>,
    off: usize,
    map: &SegMap<'_>,
    escape: char,
    scratch: &mut Vec<Piece>,
    finish: impl FnOnce(Instruction<'a>) -> R,
) -> (R, Option<LineError>) {
    let full = line.as_str();
    let s = full.get(off..).unwrap_or("");
    let sp = split_command(s);
    let keyword = line.slice(off + sp.cmd.0, off + sp.cmd.1);
    let kind = if keyword.is_ascii() {
        Kind::from_keyword(&keyword)
    } else {
        Kind::from_keyword(&go::to_lower(&keyword))
    };
    let flags = sp
        .flags
        .iter()
        .map(|p| Flag {
            text: piece_text(line, off, p),
            span: map.range(off + p.start, off + p.end),
        })
        .collect();
    let (a0, a1) = (off + sp.args.0, off + sp.args.1);
    let rest = full.get(a0..a1).unwrap_or("");
    let mut child = None;
    scratch.clear();
    let parsed: Result<bool, LineError> = match kind {
        Kind::Add | Kind::Copy | Kind::Volume => {
            lineparse::parse_maybe_json_to_list_into(rest, scratch)
        }
        Kind::Arg => {
            lineparse::parse_name_or_name_val_into(rest, escape, scratch);
            Ok(false)
        }
        Kind::Cmd | Kind::Entrypoint | Kind::Run | Kind::Shell => {
            lineparse::parse_maybe_json_into(rest, scratch)
        }
        Kind::Env => lineparse::parse_name_val_into(rest, "ENV", escape, scratch).map(|()| false),
        Kind::Label => {
            lineparse::parse_name_val_into(rest, "LABEL", escape, scratch).map(|()| false)
        }
        Kind::Expose | Kind::From => {
            lineparse::parse_whitespace_delimited_into(rest, scratch);
            Ok(false)
        }
        Kind::Healthcheck => lineparse::parse_health_config_into(rest, scratch),
        Kind::Maintainer | Kind::Stopsignal | Kind::User | Kind::Workdir => {
            lineparse::parse_string_into(rest, scratch);
            Ok(false)
        }
        Kind::Onbuild => {
            if rest.is_empty() {
                Ok(false)
            } else {
                let (c, err) = build(line, a0, map, escape, scratch);
                scratch.clear();
                child = Some(Box::new(c));
                match err {
                    Some(e) => Err(e),
                    None => Ok(false),
                }
            }
        }
        Kind::Unknown => {
            scratch.push(Piece {
                start: 0,
                end: 0,
                value: PieceValue::Static(""),
            });
            Ok(false)
        }
    };
    let (json, error) = match parsed {
        Ok(j) => (j, None),
        Err(e) => {
            scratch.clear();
            (false, Some(e))
        }
    };
    let arg = |p: &Piece| Arg {
        value: piece_text(line, a0, p),
        span: map.range(a0 + p.start, a0 + p.end),
    };
    // One argument (every shell form) is held inline: no list allocation.
    let args = match scratch.as_slice() {
        [one] => SmallList::one(arg(one)),
        many => SmallList::from(many.iter().map(arg).collect::<Vec<_>>()),
    };
    let start = map.start(off + sp.cmd.0);
    let end = map.end(full.len());
    let node = finish(Instruction {
        keyword,
        kind,
        span: drydock_text::TextRange::new(start, end.max(start)),
        keyword_span: map.range(off + sp.cmd.0, off + sp.cmd.1),
        start_line: 0,
        end_line: 0,
        line: line.slice(off, full.len()),
        flags,
        args,
        json,
        raw_args: line.slice(a0, a1),
        raw_args_span: map.range(a0, a1),
        heredocs: Vec::new(),
        child,
        comments: SmallList::default(),
        command: None,
        error: None,
    });
    (node, error)
}

#[inline]
fn piece_text<'a>(line: &Text<'a>, base: usize, p: &Piece) -> Text<'a> {
    match &p.value {
        PieceValue::Slice => line.slice(base + p.start, base + p.end),
        PieceValue::Decoded(s) => Text::owned(s),
        PieceValue::Static(s) => Text::Borrowed(s),
    }
}

/// `canContainHeredoc`: RUN/COPY/ADD not in JSON form, or ONBUILD of one of those.
pub fn can_contain_heredoc(node: &Instruction<'_>) -> bool {
    let n = match (&node.kind, &node.child) {
        (Kind::Onbuild, Some(c)) => c.as_ref(),
        _ => node,
    };
    matches!(n.kind, Kind::Run | Kind::Copy | Kind::Add) && !n.json
}
