//! The instruction outline the UI shows, derived from the parser's tree (no Docker rule lives here).
use drydock_syntax::{Kind, Severity};

/// One instruction as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub keyword: String,
    /// Colour family: base, fs, run, config, meta or error.
    pub family: &'static str,
    pub args: String,
    pub start_line: u32,
    pub end_line: u32,
    pub error: Option<String>,
}

/// All instructions of a Dockerfile plus counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outline {
    pub rows: Vec<Row>,
    pub stages: usize,
    pub errors: usize,
}

impl Outline {
    pub fn of(text: &str) -> Outline {
        Outline::of_parse(&drydock_syntax::parse(text))
    }

    /// The outline of a parse the caller already has (see `crate::analysis`).
    pub fn of_parse(parse: &drydock_syntax::Parse<'_>) -> Outline {
        let errors: Vec<_> = parse
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        let rows = parse
            .dockerfile
            .instructions
            .iter()
            .map(|ins| {
                let error = errors
                    .iter()
                    .find(|d| ins.span.contains_range(d.range) || ins.span.start == d.range.start)
                    .map(|d| parse.docker_message(d));
                let keyword = match ins.kind {
                    Kind::Unknown => ins.keyword.as_str().to_uppercase(),
                    k => k.name().to_owned(),
                };
                let line = ins.line.as_str();
                let args = line
                    .trim_start()
                    .get(ins.keyword.as_str().len()..)
                    .unwrap_or("")
                    .trim();
                Row {
                    family: if error.is_some() {
                        "error"
                    } else {
                        family(ins.kind)
                    },
                    keyword,
                    args: args.to_owned(),
                    start_line: ins.start_line,
                    end_line: ins.end_line,
                    error,
                }
            })
            .collect();
        Outline {
            rows,
            stages: parse.dockerfile.stages.len(),
            errors: errors.len(),
        }
    }
}

fn family(kind: Kind) -> &'static str {
    match kind {
        Kind::From => "base",
        Kind::Copy | Kind::Add | Kind::Workdir => "fs",
        Kind::Run => "run",
        Kind::Cmd
        | Kind::Entrypoint
        | Kind::Env
        | Kind::Arg
        | Kind::Expose
        | Kind::Volume
        | Kind::User
        | Kind::Shell
        | Kind::Healthcheck
        | Kind::Stopsignal => "config",
        Kind::Label | Kind::Maintainer | Kind::Onbuild => "meta",
        Kind::Unknown => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trainer_outline_joins_continuations() {
        let trainer =
            drydock_session::examples::get("trainer").and_then(|e| e.text("trainer.dockerfile"));
        let o = Outline::of(trainer.unwrap_or_default());
        let kws: Vec<&str> = o.rows.iter().map(|r| r.keyword.as_str()).collect();
        assert_eq!(
            kws,
            [
                "FROM",
                "RUN",
                "COPY",
                "COPY",
                "COPY",
                "COPY",
                "WORKDIR",
                "RUN",
                "RUN",
                "ENTRYPOINT"
            ]
        );
        assert_eq!((o.rows[1].start_line, o.rows[1].end_line), (4, 6));
        assert!(
            o.rows[1].args.starts_with("apt update && "),
            "{}",
            o.rows[1].args
        );
        assert_eq!((o.stages, o.errors), (1, 0));
    }

    #[test]
    fn errors_carry_dockers_message() {
        let o = Outline::of("FROM alpine\nFNTRYPOINT [\"x\"]\n");
        assert_eq!(o.errors, 1);
        let msg = o.rows[1].error.as_deref().unwrap_or("");
        assert!(
            msg.starts_with("dockerfile parse error on line 2: unknown instruction: FNTRYPOINT"),
            "{msg}"
        );
    }
}
