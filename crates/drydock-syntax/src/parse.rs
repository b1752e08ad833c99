//! `parse()` and `Parse`: the tree, the diagnostics, Docker's wording of them, and the
//! instruction list the UI shows.
use crate::ast::{Dockerfile, Kind, Stage};
use crate::codes;
use crate::text::Text;
use drydock_text::{Diagnostic, LineIndex, TextRange};
use serde::Serialize;

/// The result of parsing: always a tree, plus diagnostics (errors and warnings) in source order.
#[derive(Debug, Clone, Serialize)]
pub struct Parse<'a> {
    /// The source text that was parsed.
    #[serde(skip)]
    pub text: &'a str,
    pub dockerfile: Dockerfile<'a>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One instruction as the app lists it: keyword, joined text and line range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogicalLine<'t> {
    pub keyword: &'t str,
    /// The logical line (continuation lines joined as BuildKit joins them).
    pub text: &'t str,
    pub start_line: u32,
    pub end_line: u32,
    pub span: TextRange,
    pub is_error: bool,
}

/// Parses a Dockerfile as BuildKit's parser and instruction stage do.
pub fn parse(text: &str) -> Parse<'_> {
    let s1 = crate::stage1::parse(text);
    let mut diagnostics = s1.diagnostics;
    let mut instructions = s1.instructions;
    crate::instructions::check_all(&mut instructions, &mut diagnostics);
    let (meta_args, stages) = group_stages(&instructions);
    if !diagnostics.is_sorted_by_key(|d| (d.range.start, d.range.end)) {
        drydock_text::sort::sort_by_key(&mut diagnostics, |d| (d.range.start, d.range.end));
    }
    Parse {
        text,
        dockerfile: Dockerfile {
            directives: s1.directives,
            escape: s1.escape,
            instructions,
            comments: s1.comments,
            meta_args,
            stages,
        },
        diagnostics,
    }
}

#[inline(never)]
fn group_stages<'a>(ins: &[crate::ast::Instruction<'a>]) -> (Vec<usize>, Vec<Stage<'a>>) {
    let mut meta = Vec::new();
    let mut stages: Vec<Stage<'a>> = Vec::new();
    for (i, ins) in ins.iter().enumerate() {
        match ins.kind {
            Kind::From => {
                if let Some(last) = stages.last_mut() {
                    last.end = i;
                }
                let name = match &ins.command {
                    Some(crate::instructions::Command::From(f)) => f.stage_name.clone(),
                    _ => None,
                };
                stages.push(Stage {
                    from: i,
                    end: i + 1,
                    name,
                });
            }
            Kind::Arg if stages.is_empty() => meta.push(i),
            _ => {
                if let Some(last) = stages.last_mut() {
                    last.end = i + 1;
                }
            }
        }
    }
    (meta, stages)
}

impl<'a> Parse<'a> {
    /// Whether BuildKit's parser or instruction stage rejects the file (`docker build` fails
    /// before running anything).
    pub fn is_rejected(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.is_error() && codes::stage_of(&d.code) != codes::Stage::Build)
    }

    /// The error BuildKit reports for this file (the first of its parser, then of its
    /// instruction stage), in Docker's words.
    pub fn buildkit_error(&self) -> Option<String> {
        let mut errors: Vec<&Diagnostic> = self
            .diagnostics
            .iter()
            .filter(|d| d.is_error() && codes::stage_of(&d.code) != codes::Stage::Build)
            .collect();
        drydock_text::sort::sort_by_key(&mut errors, |d| {
            let parser = codes::stage_of(&d.code) == codes::Stage::Parser;
            (!parser, d.range.start)
        });
        errors.first().map(|d| self.docker_message(d))
    }

    /// Docker's text for a diagnostic: `dockerfile parse error on line N: <message>` for
    /// instruction-stage errors (N = the instruction's first line), the bare message otherwise.
    pub fn docker_message(&self, diag: &Diagnostic) -> String {
        if codes::stage_of(&diag.code) == codes::Stage::Instruction {
            let ins = &self.dockerfile.instructions;
            let k = ins.partition_point(|i| i.span.start <= diag.range.start);
            let line = k
                .checked_sub(1)
                .and_then(|k| ins.get(k))
                .filter(|i| i.span.contains_range(diag.range) || i.span.start == diag.range.start)
                .map_or_else(|| self.line_of(diag.range.start), |i| i.start_line);
            format!("dockerfile parse error on line {line}: {}", diag.message)
        } else {
            diag.message.clone()
        }
    }

    fn line_of(&self, offset: u32) -> u32 {
        let idx = LineIndex::new(self.text);
        idx.line_col(self.text, offset).line
    }

    /// The instructions as the app lists them.
    pub fn logical_lines(&self) -> Vec<LogicalLine<'_>> {
        self.dockerfile
            .instructions
            .iter()
            .map(|i| LogicalLine {
                keyword: i.keyword.as_str(),
                text: i.line.as_str(),
                start_line: i.start_line,
                end_line: i.end_line,
                span: i.span,
                is_error: i.is_error(),
            })
            .collect()
    }

    /// BuildKit's parse-tree dump (the format of its testfiles `result` files).
    pub fn dump(&self) -> String {
        crate::dump::dump(&self.dockerfile)
    }

    /// The escape character in force.
    pub fn escape(&self) -> char {
        self.dockerfile.escape
    }

    /// A text of the tree for the borrowed-string API (`Text` derefs to `&str`).
    pub fn text_of<'t>(&self, t: &'t Text<'a>) -> &'t str {
        t.as_str()
    }
}
