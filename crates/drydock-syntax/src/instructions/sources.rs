//! Shared pieces: `handleJSONArgs`, `parseShellDependentCommand` and `parseSourcesAndDest`
//! (COPY/ADD sources, heredoc sources and the destination).
use super::{CmdArgs, CmdLine, R, Req, SmallList};
use crate::ast::Arg;
use crate::codes;
use crate::heredoc::must_parse_heredoc;
use crate::text::Text;
use drydock_text::TextRange;
use serde::Serialize;

/// `handleJSONArgs`: exec form keeps the arguments, shell form joins them with spaces.
pub fn handle_json_args<S: AsRef<str>>(args: &[S], json: bool) -> Vec<String> {
    if args.is_empty() {
        return Vec::new();
    }
    if json {
        return args.iter().map(|a| a.as_ref().to_owned()).collect();
    }
    vec![args.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(" ")]
}

/// `handleJSONArgs` on spanned arguments (the shell form has one argument in practice).
pub(crate) fn cmd_line<'a>(args: &[Arg<'a>], json: bool) -> CmdLine<'a> {
    let args = if json || args.len() <= 1 {
        CmdArgs::from_slice(args)
    } else {
        let joined = args
            .iter()
            .map(|a| a.value.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let span = args
            .iter()
            .map(|a| a.span)
            .reduce(TextRange::cover)
            .unwrap_or_default();
        CmdArgs::from_slice(&[Arg {
            value: Text::owned(&joined),
            span,
        }])
    };
    CmdLine {
        args,
        prepend_shell: !json,
    }
}

/// A heredoc used as a COPY/ADD source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceContent<'a> {
    /// The heredoc name (the file name in the destination).
    pub path: Text<'a>,
    /// The body, chomped for `<<-`.
    pub data: Text<'a>,
    /// Whether variables in the body are expanded.
    pub expand: bool,
    pub span: TextRange,
}

/// Sources and destination of COPY/ADD.
pub(crate) struct SourcesAndDest<'a> {
    pub sources: SmallList<Arg<'a>>,
    pub contents: Vec<SourceContent<'a>>,
    pub dest: Arg<'a>,
}

/// `parseSourcesAndDest(req, command)`.
pub(crate) fn sources_and_dest<'a>(req: &Req<'_, 'a>, command: &str) -> R<SourcesAndDest<'a>> {
    let args = req.args();
    let Some((dest, srcs)) = args.split_last() else {
        return Err(req.fail(codes::MISSING_ARGUMENT, format!("{command} requires at least two arguments, but only one was provided. Destination could not be determined")));
    };
    if must_parse_heredoc(&dest.value).is_some() {
        return Err(req.fail_at(
            codes::HEREDOC_DESTINATION,
            format!("{command} cannot accept a heredoc as a destination"),
            dest.span,
        ));
    }
    let mut sources = SmallList::default();
    let mut contents = Vec::new();
    for src in srcs {
        match must_parse_heredoc(&src.value) {
            Some(h) => {
                // heredocLookup[name]: the last heredoc of that name (empty when none).
                let doc = req
                    .ins
                    .heredocs
                    .iter()
                    .rev()
                    .find(|d| d.name.as_str() == h.name);
                let data = match doc {
                    Some(d) if h.chomp => Text::owned(&crate::heredoc::chomp(&d.content)),
                    Some(d) => d.content.clone(),
                    None => Text::Borrowed(""),
                };
                let span = doc.map_or(src.span, |d| d.content_span);
                contents.push(SourceContent {
                    path: Text::owned(&h.name),
                    data,
                    expand: h.expand,
                    span,
                });
            }
            None => sources.push(src.clone()),
        }
    }
    Ok(SourcesAndDest {
        sources,
        contents,
        dest: dest.clone(),
    })
}
