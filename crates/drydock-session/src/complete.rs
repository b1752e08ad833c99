//! Editor completion in a Dockerfile: instruction keywords and flags (drydock-syntax's docs),
//! then what the catalog knows — base images and earlier stage names in FROM's image position,
//! package names where a shell-form RUN installs packages (`pip install`, `apt-get install`,
//! `apk add`, `npm install`, `conda install`: the commands whose note names a package index).
//! A typed word that already is a choice gets no list (typing on reopens it), so Enter after a
//! finished word starts a new line instead of accepting what is already there.
use drydock_catalog::packages::{apk_index, apt_index, conda_index, npm_index, pip_index};
use drydock_engine::output::units::human_size as size;
use drydock_shell::ast::{Command, CompoundKind, List, SimpleCommand};
use drydock_syntax::docs::{CompletionItem, Completions};
use drydock_syntax::instructions::Command as Cmd;
use drydock_syntax::{Instruction, Kind, Parse};

use crate::explain_word::best_note;

/// The completions at byte `offset` of the parsed Dockerfile.
pub fn complete(parse: &Parse<'_>, offset: u32) -> Option<Completions> {
    let c = drydock_syntax::docs::complete(parse, offset).or_else(|| catalog(parse, offset))?;
    let typed = parse
        .text
        .get(c.from as usize..offset as usize)
        .unwrap_or("");
    if c.items.is_empty() || c.items.iter().any(|i| i.label == typed) {
        return None;
    }
    Some(c)
}

fn catalog(parse: &Parse<'_>, offset: u32) -> Option<Completions> {
    let text = parse.text;
    let at = (offset as usize).min(text.len());
    let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let before = text.get(line_start..at)?;
    let word_start = line_start
        + before
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + 1);
    let word = text.get(word_start..at)?;
    let from = u32::try_from(word_start).ok()?;
    let instructions = &parse.dockerfile.instructions;
    let index = instructions
        .iter()
        .position(|i| i.span.start < from && from <= i.span.end)?;
    let ins = instructions.get(index)?;
    let items = match ins.kind {
        Kind::From => images(ins, instructions.get(..index)?, from, word)?,
        Kind::Run => packages(text, ins, from, word)?,
        _ => return None,
    };
    Some(Completions { from, items })
}

/// `FROM [--platform=…] IMAGE`: the catalog's images (every tag) and the stages named so far.
fn images(
    ins: &Instruction<'_>,
    earlier: &[Instruction<'_>],
    from: u32,
    word: &str,
) -> Option<Vec<CompletionItem>> {
    if word.starts_with('-') || from < ins.raw_args_span.start {
        return None;
    }
    // The image is the first word after the flags.
    let first_arg = ins.args.first().map_or(u32::MAX, |a| a.span.start);
    if from > first_arg {
        return None;
    }
    let mut items: Vec<CompletionItem> = earlier
        .iter()
        .filter_map(|i| match &i.command {
            Some(Cmd::From(f)) => f.stage_name_arg.as_ref(),
            _ => None,
        })
        .filter(|name| name.value.starts_with(word))
        .map(|name| CompletionItem {
            label: name.value.to_string(),
            kind: "stage",
            detail: "An earlier stage of this Dockerfile".to_owned(),
        })
        .collect();
    for image in &drydock_catalog::catalog().images {
        let repo = image.familiar_repo();
        for tag in &image.tags {
            let label = format!("{repo}:{tag}");
            if label.starts_with(word) {
                items.push(CompletionItem {
                    label,
                    kind: "image",
                    detail: format!(
                        "{}/{} · {}",
                        image.os,
                        image.architecture,
                        size(image.size())
                    ),
                });
            }
        }
    }
    Some(items)
}

/// A package name in a RUN's install command, from the index the command's note names.
fn packages(
    text: &str,
    ins: &Instruction<'_>,
    from: u32,
    word: &str,
) -> Option<Vec<CompletionItem>> {
    if ins.json || word.is_empty() || from < ins.raw_args_span.start {
        return None;
    }
    if word.starts_with('-') || word.contains(['=', '<', '>', '"', '\'', '$', '/', '[']) {
        return None;
    }
    let start = ins.raw_args_span.start as usize;
    let head = text.get(start..from as usize)?;
    if !ins.heredocs.is_empty() && head.contains('\n') {
        // Inside a heredoc body.
        return None;
    }
    // The command up to the word, with a stand-in word: the last simple command is the one the
    // word belongs to (text ending in `&& ` starts a new one).
    let script = drydock_shell::parse(&format!("{head}x"));
    let simple = last_simple(script.commands.last()?)?;
    let texts: Vec<String> = simple.words.iter().map(|w| w.unquoted_text()).collect();
    let j = texts.len().checked_sub(1)?;
    if simple.words.get(j)?.span.start as usize != head.len() {
        return None;
    }
    let (note, _) = best_note(texts.get(..j)?)?;
    let kind = note.packages.as_deref()?;
    // The value of a flag (`pip install -r FILE`) is no package.
    if let Some(prev) = j.checked_sub(1).and_then(|p| texts.get(p))
        && prev.starts_with('-')
        && !prev.contains('=')
        && note.flag(prev).is_some_and(|f| f.takes_value)
    {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let item = |label: &str, detail: String| CompletionItem {
        label: label.to_owned(),
        kind: "package",
        detail,
    };
    let items: Vec<CompletionItem> = match kind {
        "pip" => pip_index()
            .packages
            .iter()
            .filter(|p| p.name.to_ascii_lowercase().starts_with(&lower))
            .map(|p| item(&p.name, described(&p.summary, size(p.size))))
            .collect(),
        "apt" => apt_index()
            .packages
            .iter()
            .filter(|p| p.name.starts_with(word))
            .map(|p| {
                item(
                    &p.name,
                    described(
                        &p.desc,
                        format!("{} · {}", p.version, size(p.installed_kib * 1024)),
                    ),
                )
            })
            .collect(),
        "apk" => apk_index()
            .packages
            .iter()
            .filter(|p| p.name.starts_with(word))
            .map(|p| {
                item(
                    &p.name,
                    described(&p.desc, format!("{} · {}", p.version, size(p.installed))),
                )
            })
            .collect(),
        "npm" => npm_index()
            .packages
            .iter()
            .filter(|p| p.name.starts_with(word))
            .map(|p| item(&p.name, format!("{} · {}", p.latest(), size(p.size))))
            .collect(),
        "conda" => conda_index()
            .packages
            .iter()
            .filter(|(name, _)| name.starts_with(word))
            .map(|(name, p)| item(name, format!("{} · {}", p.version, size(p.size))))
            .collect(),
        _ => return None,
    };
    Some(items)
}

/// The simple command that ends `list` (the one a word typed at its end belongs to).
fn last_simple(list: &List) -> Option<&SimpleCommand> {
    let and_or = list.items.last()?;
    let pipeline = and_or.rest.last().map_or(&and_or.first, |(_, p)| p);
    match pipeline.commands.last()? {
        Command::Simple(s) => Some(s),
        Command::Compound(c) => match &c.kind {
            CompoundKind::Brace(l) | CompoundKind::Subshell(l) => last_simple(l),
            CompoundKind::For { body, .. } | CompoundKind::While { body, .. } => last_simple(body),
            _ => None,
        },
        Command::Function(_) => None,
    }
}

/// A catalog description followed by version and size.
fn described(text: &str, facts: String) -> String {
    if text.is_empty() {
        facts
    } else {
        format!("{text} ({facts})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels offered at the `|` in `src`.
    fn labels(src: &str) -> Vec<String> {
        let at = src.find('|').expect("a cursor");
        let text = src.replacen('|', "", 1);
        let parse = drydock_syntax::parse(&text);
        complete(&parse, at as u32)
            .map(|c| c.items.into_iter().map(|i| i.label).collect())
            .unwrap_or_default()
    }

    #[test]
    fn keywords_flags_and_exact_matches() {
        assert_eq!(labels("FROM a\nCO|"), ["COPY"]);
        assert!(
            labels("FROM a\nRUN|").is_empty(),
            "a finished keyword closes the list"
        );
        assert_eq!(labels("FROM a\nCOPY --ch|"), ["--chown=", "--chmod="]);
    }

    #[test]
    fn base_images_and_stages() {
        let got = labels("FROM python:3.12-sl|");
        assert!(got.contains(&"python:3.12-slim".to_owned()), "{got:?}");
        assert!(got.iter().all(|l| l.starts_with("python:3.12-sl")));
        let got = labels("FROM alpine:3.22 AS build\nFROM bu|");
        assert_eq!(got.first().map(String::as_str), Some("build"));
        assert!(got.contains(&"busybox:latest".to_owned()));
        assert!(
            labels("FROM python:3.12 AS |").is_empty(),
            "the stage name is free text"
        );
        assert!(
            labels("FROM --plat|")
                .iter()
                .all(|l| l.starts_with("--plat"))
        );
    }

    #[test]
    fn packages_after_install_commands() {
        let got = labels("FROM python:3.12\nRUN pip install --no-cache-dir tor|");
        assert!(got.contains(&"torch".to_owned()), "{got:?}");
        let got = labels("FROM debian\nRUN apt-get update && apt-get install -y cur|");
        assert!(got.contains(&"curl".to_owned()), "{got:?}");
        let got = labels("FROM alpine\nRUN apk add --no-cache bas|");
        assert!(got.contains(&"bash".to_owned()), "{got:?}");
        let got =
            labels("FROM debian\nRUN apt-get update \\\n    && apt-get install -y \\\n      gi|");
        assert!(got.contains(&"git".to_owned()), "{got:?}");
    }

    #[test]
    fn no_packages_where_no_package_goes() {
        assert!(labels("FROM debian\nRUN apt-get update && cur|").is_empty());
        assert!(labels("FROM python\nRUN pip install -r req|").is_empty());
        assert!(labels("FROM python\nRUN pip instal tor|").is_empty());
        assert!(labels("FROM python\nRUN [\"pip\", \"install\", \"tor|").is_empty());
        assert!(labels("FROM python\nRUN echo pip install tor|").is_empty());
    }
}
