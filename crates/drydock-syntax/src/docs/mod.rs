//! Learner-facing documentation of instructions and flags, and what the editor shows from it: hover
//! text at a position and completions (instruction keywords, flags).
mod flags;
mod instructions;

pub use flags::FlagDoc;
pub use instructions::InstructionDoc;

use crate::ast::{Instruction, Kind};
use crate::parse::Parse;
use drydock_text::TextRange;

/// The documentation of an instruction.
pub fn instruction(kind: Kind) -> Option<&'static InstructionDoc> {
    instructions::DOCS.iter().find(|d| d.kind == kind)
}

/// The flags an instruction accepts, documented.
pub fn flags(kind: Kind) -> impl Iterator<Item = &'static FlagDoc> {
    flags::FLAGS.iter().filter(move |f| f.kind == kind)
}

/// The documentation of one flag (`name` without dashes).
pub fn flag(kind: Kind, name: &str) -> Option<&'static FlagDoc> {
    flags(kind).find(|f| f.name == name)
}

/// What the editor shows when hovering a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    pub range: TextRange,
    pub title: String,
    /// Paragraphs separated by blank lines.
    pub body: String,
}

/// Hover text for byte `offset`: an instruction keyword or a flag.
pub fn hover(parse: &Parse<'_>, offset: u32) -> Option<Hover> {
    let ins = parse
        .dockerfile
        .instructions
        .iter()
        .find(|i| i.span.start <= offset && offset <= i.span.end)?;
    hover_in(ins, offset)
}

fn hover_in(ins: &Instruction<'_>, offset: u32) -> Option<Hover> {
    let within = |r: TextRange| r.start <= offset && offset < r.end.max(r.start + 1);
    if within(ins.keyword_span) {
        let Some(doc) = instruction(ins.kind) else {
            return Some(Hover {
                range: ins.keyword_span,
                title: ins.keyword.to_uppercase(),
                body: "Not a Dockerfile instruction: Docker stops the build with `unknown instruction`. If this is a shell command, put `RUN` in front of it.".into(),
            });
        };
        let when = if doc.when == "run" {
            "Recorded in the image; takes effect when a container runs."
        } else {
            "Takes effect while the image is built."
        };
        return Some(Hover {
            range: ins.keyword_span,
            title: doc.syntax.to_owned(),
            body: format!("{}\n\n{}\n\n{when}", doc.summary, doc.details),
        });
    }
    for fl in &ins.flags {
        if within(fl.span) {
            let doc = flag(ins.kind, fl.name())?;
            return Some(Hover {
                range: fl.span,
                title: doc.syntax.to_owned(),
                body: doc.summary.to_owned(),
            });
        }
    }
    ins.child.as_deref().and_then(|c| hover_in(c, offset))
}

/// One completion choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    /// `keyword` or `flag` here; drydock-session adds `image`, `stage` and `package`.
    pub kind: &'static str,
    pub detail: String,
}

/// Completions at a position: what they replace (`from..offset`) and the choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completions {
    pub from: u32,
    pub items: Vec<CompletionItem>,
}

/// Instruction keywords at the start of an instruction, flags after a keyword.
pub fn complete(parse: &Parse<'_>, offset: u32) -> Option<Completions> {
    let text = parse.text;
    let at = (offset as usize).min(text.len());
    let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let before = text.get(line_start..at)?;
    let word_start = before
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |i| i + 1);
    let word = before.get(word_start..)?;
    let from = u32::try_from(line_start + word_start).ok()?;
    let inside = parse
        .dockerfile
        .instructions
        .iter()
        .find(|i| i.span.start < from && from <= i.span.end);
    if let Some(ins) = inside {
        if !word.starts_with('-') || ins.kind == Kind::Unknown {
            return None;
        }
        let items = flags(ins.kind)
            .filter(|f| format!("--{}", f.name).starts_with(word))
            .map(|f| CompletionItem {
                label: if f.syntax.contains('=') {
                    format!("--{}=", f.name)
                } else {
                    format!("--{}", f.name)
                },
                kind: "flag",
                detail: f.summary.to_owned(),
            })
            .collect::<Vec<_>>();
        return (!items.is_empty()).then_some(Completions { from, items });
    }
    if !before.get(..word_start)?.trim().is_empty()
        || !word.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let upper = word.to_ascii_uppercase();
    let items: Vec<CompletionItem> = Kind::ALL
        .iter()
        .filter(|(_, name)| name.starts_with(&upper))
        .filter_map(|(kind, name)| {
            let doc = instruction(*kind)?;
            Some(CompletionItem {
                label: (*name).to_owned(),
                kind: "keyword",
                detail: doc.summary.to_owned(),
            })
        })
        .collect();
    (!items.is_empty()).then_some(Completions { from, items })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_instruction_and_flag_is_documented() {
        for (kind, name) in Kind::ALL {
            let doc = instruction(kind).unwrap_or_else(|| panic!("{name} has no doc"));
            assert!(doc.syntax.starts_with(name), "{name}: {}", doc.syntax);
        }
        for (kind, flag_name) in [
            (Kind::Copy, "from"),
            (Kind::Run, "mount"),
            (Kind::Healthcheck, "retries"),
        ] {
            assert!(flag(kind, flag_name).is_some(), "{flag_name}");
        }
    }

    #[test]
    fn hover_on_keyword_and_flag() {
        let src = "FROM python:3.11\nCOPY --from=build /a /b\n";
        let p = crate::parse(src);
        let h = hover(&p, 1).unwrap();
        assert_eq!(h.range.slice(src), "FROM");
        assert!(h.body.starts_with("Starts a build stage"));
        let at = src.find("--from").unwrap() as u32 + 3;
        let h = hover(&p, at).unwrap();
        assert_eq!(h.range.slice(src), "--from=build");
        assert!(h.title.starts_with("--from="));
        assert!(hover(&p, src.find("/a").unwrap() as u32).is_none());
        let p = crate::parse("FROM a\npip install x\n");
        assert!(hover(&p, 8).unwrap().body.contains("put `RUN` in front"));
    }

    #[test]
    fn completes_keywords_and_flags() {
        let src = "FROM a\nCO";
        let p = crate::parse(src);
        let c = complete(&p, src.len() as u32).unwrap();
        assert_eq!(c.from, 7);
        assert_eq!(
            c.items.iter().map(|i| i.label.as_str()).collect::<Vec<_>>(),
            ["COPY"]
        );
        let src = "FROM a\nCOPY --ch";
        let p = crate::parse(src);
        let c = complete(&p, src.len() as u32).unwrap();
        let labels: Vec<_> = c.items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["--chown=", "--chmod="]);
        let src = "FROM a\nRUN echo x";
        assert!(complete(&crate::parse(src), src.len() as u32).is_none());
    }
}
