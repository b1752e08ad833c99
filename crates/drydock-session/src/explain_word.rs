//! Explain mode: what one word of a shell-form RUN line means — the command (`pip install`),
//! a flag (`--no-cache-dir`, or each letter of `-rf`), a flag's value, a package (`torch` →
//! the catalog's description, version and size) or a shell operator (`&&`, `|`, a trailing
//! `\`). Words come from drydock-shell's parser (quotes and continuations handled as dash
//! reads them); texts from drydock-catalog (`commands.txt` and the package indexes).
use drydock_catalog::packages::{
    CommandNote, Requirement, apk_index, apt_index, commands, conda_index, npm_index, pip_index,
};
use drydock_shell::ast::{
    AndOr, Command, CompoundKind, List, Pipeline, SimpleCommand, Word, WordPart,
};
use drydock_syntax::Kind;
use drydock_text::TextRange;

/// What the editor shows for a hovered word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordExplanation {
    /// The word's bytes (in the text the caller passed).
    pub range: TextRange,
    pub title: String,
    /// Paragraphs separated by blank lines; `code` in backticks.
    pub body: String,
}

/// The explanation of the word at byte `offset` of a Dockerfile, when it is inside the
/// command of a shell-form RUN (heredoc bodies and exec form are left to other hovers).
pub fn explain_in_dockerfile(text: &str, offset: u32) -> Option<WordExplanation> {
    let parse = drydock_syntax::parse(text);
    let ins = parse
        .dockerfile
        .instructions
        .iter()
        .find(|i| i.kind == Kind::Run && i.span.start <= offset && offset < i.span.end)?;
    if ins.json || offset < ins.raw_args_span.start {
        return None;
    }
    let start = ins.raw_args_span.start;
    let mut end = ins.span.end;
    if !ins.heredocs.is_empty() {
        // Only the command line, not the heredoc bodies.
        let line_end = text
            .get(start as usize..end as usize)?
            .find('\n')
            .map_or(end, |i| start + u32::try_from(i).unwrap_or(0));
        end = line_end;
    }
    if offset >= end {
        return None;
    }
    let src = text.get(start as usize..end as usize)?;
    let mut e = explain_shell(src, offset - start)?;
    e.range = TextRange::new(e.range.start + start, e.range.end + start);
    Some(e)
}

/// The explanation of the word at byte `offset` of shell source `src` (a RUN's command).
pub fn explain_shell(src: &str, offset: u32) -> Option<WordExplanation> {
    let at = offset as usize;
    let bytes = src.as_bytes();
    if bytes.get(at) == Some(&b'\\') && matches!(bytes.get(at + 1), Some(b'\n' | b'\r')) {
        return operator("\\", TextRange::new(offset, offset + 1));
    }
    let script = drydock_shell::parse(src);
    let mut found = None;
    for list in &script.commands {
        walk_list(src, list, offset, &mut found);
        if found.is_some() {
            break;
        }
    }
    found
}

fn operator(op: &str, range: TextRange) -> Option<WordExplanation> {
    let note = commands().iter().find(|c| c.title() == op)?;
    Some(WordExplanation {
        range,
        title: format!("{op} — shell operator"),
        body: note.text.clone(),
    })
}

fn within(r: TextRange, offset: u32) -> bool {
    r.start <= offset && offset < r.end
}

/// Finds `op` in the gap `from..to` of `src` and explains it when `offset` is on it.
fn gap(src: &str, from: u32, to: u32, ops: &[&str], offset: u32) -> Option<WordExplanation> {
    if offset < from || offset >= to {
        return None;
    }
    let text = src.get(from as usize..to as usize)?;
    for op in ops {
        if let Some(i) = text.find(op) {
            let s = from + u32::try_from(i).ok()?;
            let r = TextRange::new(s, s + u32::try_from(op.len()).ok()?);
            if within(r, offset) {
                return operator(op, r);
            }
        }
    }
    None
}

fn walk_list(src: &str, list: &List, offset: u32, found: &mut Option<WordExplanation>) {
    if !within(list.span, offset) && list.span.end != offset {
        return;
    }
    let mut prev_end: Option<u32> = None;
    for item in &list.items {
        if let Some(p) = prev_end
            && let Some(e) = gap(src, p, item.span.start, &[";", "&"], offset)
        {
            *found = Some(e);
            return;
        }
        walk_and_or(src, item, offset, found);
        if found.is_some() {
            return;
        }
        prev_end = Some(item.span.end);
    }
}

fn walk_and_or(src: &str, a: &AndOr, offset: u32, found: &mut Option<WordExplanation>) {
    let mut prev = &a.first;
    walk_pipeline(src, prev, offset, found);
    for (_, p) in &a.rest {
        if found.is_some() {
            return;
        }
        if let Some(e) = gap(src, prev.span.end, p.span.start, &["&&", "||"], offset) {
            *found = Some(e);
            return;
        }
        walk_pipeline(src, p, offset, found);
        prev = p;
    }
}

fn walk_pipeline(src: &str, p: &Pipeline, offset: u32, found: &mut Option<WordExplanation>) {
    let mut prev_end: Option<u32> = None;
    for c in &p.commands {
        if let Some(pe) = prev_end
            && let Some(e) = gap(src, pe, c.span().start, &["|"], offset)
        {
            *found = Some(e);
            return;
        }
        match c {
            Command::Simple(s) => {
                if let Some(e) = explain_simple(s, offset) {
                    *found = Some(e);
                }
            }
            Command::Compound(cc) => match &cc.kind {
                CompoundKind::Brace(l) | CompoundKind::Subshell(l) => {
                    walk_list(src, l, offset, found);
                }
                CompoundKind::If {
                    branches,
                    else_body,
                } => {
                    for (c, b) in branches {
                        walk_list(src, c, offset, found);
                        walk_list(src, b, offset, found);
                    }
                    if let Some(b) = else_body {
                        walk_list(src, b, offset, found);
                    }
                }
                CompoundKind::For { body, .. } | CompoundKind::While { body, .. } => {
                    walk_list(src, body, offset, found);
                }
                _ => {}
            },
            Command::Function(_) => {}
        }
        if found.is_some() {
            return;
        }
        prev_end = Some(c.span().end);
    }
}

fn basename(s: &str) -> &str {
    s.rsplit('/').next().unwrap_or(s)
}

/// The note whose spelling matches the most leading words (flags between the words of a
/// spelling are skipped: `apt-get -y install`), with the word positions it used.
pub(crate) fn best_note(texts: &[String]) -> Option<(&'static CommandNote, Vec<usize>)> {
    let first = basename(texts.first()?);
    let mut best: Option<(&'static CommandNote, Vec<usize>)> = None;
    for note in commands() {
        for spelling in &note.names {
            if spelling.first().map(String::as_str) != Some(first) {
                continue;
            }
            let mut used = vec![0];
            let mut pos = 1;
            let mut ok = true;
            for w in spelling.iter().skip(1) {
                while !w.starts_with('-') && texts.get(pos).is_some_and(|t| t.starts_with('-')) {
                    pos += 1;
                }
                if texts.get(pos) == Some(w) {
                    used.push(pos);
                    pos += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            if ok && best.as_ref().is_none_or(|(_, u)| used.len() > u.len()) {
                best = Some((note, used));
            }
        }
    }
    best
}

/// The one-word note of the command (`pip` for `pip install`).
fn base_note(first: &str) -> Option<&'static CommandNote> {
    let first = basename(first);
    commands()
        .iter()
        .find(|n| n.names.iter().any(|s| s.len() == 1 && s[0] == first))
}

fn has_expansion(parts: &[WordPart]) -> bool {
    parts.iter().any(|p| match p {
        WordPart::Lit(_) | WordPart::Quoted(_) => false,
        WordPart::DQuoted(inner) => has_expansion(inner),
        _ => true,
    })
}

fn word_text(w: &Word) -> String {
    w.unquoted_text()
}

fn explain_simple(s: &SimpleCommand, offset: u32) -> Option<WordExplanation> {
    let j = s.words.iter().position(|w| within(w.span, offset))?;
    let word = s.words.get(j)?;
    let texts: Vec<String> = s.words.iter().map(word_text).collect();
    let text = texts.get(j)?.clone();
    let range = word.span;
    let raw_has_var = has_expansion(&word.parts);
    let best = best_note(&texts);
    let base = texts.first().and_then(|f| base_note(f));
    let mk = |title: String, body: String| Some(WordExplanation { range, title, body });
    if let Some((note, used)) = &best
        && used.contains(&j)
    {
        if j == 0 {
            let mut body = base.map_or_else(|| note.text.clone(), |b| b.text.clone());
            if base.is_none_or(|b| !std::ptr::eq(b, *note)) {
                body.push_str(&format!("\n\n`{}`: {}", note.title(), note.text));
            }
            return mk(format!("{} — command", basename(&text)), body);
        }
        return mk(
            format!("{} — {}", note.title(), "command"),
            note.text.clone(),
        );
    }
    let cmd_title = best
        .as_ref()
        .map(|(n, _)| n.title())
        .unwrap_or_else(|| basename(texts.first().map_or("", String::as_str)).to_owned());
    if j == 0 {
        if raw_has_var {
            return None;
        }
        return mk(
            format!("{} — command", basename(&text)),
            format!(
                "A program the shell looks up in PATH inside the image. Drydock has no note on `{}` yet.",
                basename(&text)
            ),
        );
    }
    let flag_of = |name: &str| {
        best.as_ref()
            .and_then(|(n, _)| n.flag(name))
            .or_else(|| base.and_then(|b| b.flag(name)))
    };
    if text.starts_with('-') && text.len() > 1 && !word.has_quotes() {
        let name = text.split_once('=').map_or(text.as_str(), |(n, _)| n);
        if let Some(f) = flag_of(name) {
            return mk(format!("{name} — {cmd_title} flag"), f.text.clone());
        }
        if !name.starts_with("--") && name.len() > 2 {
            let parts: Vec<String> = name
                .chars()
                .skip(1)
                .filter_map(|c| {
                    let n = format!("-{c}");
                    flag_of(&n).map(|f| format!("`{n}`: {}", f.text))
                })
                .collect();
            if parts.len() + 1 == name.chars().count() {
                return mk(
                    format!("{name} — {cmd_title} flags"),
                    format!("Short flags written together:\n\n{}", parts.join("\n\n")),
                );
            }
        }
        return mk(
            format!("{name} — {cmd_title} flag"),
            format!(
                "A flag of `{cmd_title}`. Drydock has no note on it yet (try `{cmd_title} --help`)."
            ),
        );
    }
    // The value of the previous flag?
    if let Some(prev) = j.checked_sub(1).and_then(|p| texts.get(p))
        && prev.starts_with('-')
        && !prev.contains('=')
        && let Some(f) = flag_of(prev)
        && f.takes_value
    {
        return mk(
            format!("{text} — value of {prev}"),
            format!("`{prev}`: {}", f.text),
        );
    }
    if raw_has_var {
        return mk(
            format!("{text} — expanded by the shell"),
            "Contains a `$` variable: the RUN's shell expands it when the step runs, with the ARG and ENV values visible in this stage (see the scope insight).".to_owned(),
        );
    }
    let kind = best.as_ref().and_then(|(n, _)| n.packages.as_deref())?;
    package(kind, &text).map(|(title, body)| WordExplanation { range, title, body })
}

/// Decimal size as the catalog notes give it.
fn size(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= 1e9 {
        format!("{:.1} GB", b / 1e9)
    } else if b >= 1e6 {
        format!("{:.0} MB", b / 1e6)
    } else {
        format!("{:.0} kB", (b / 1e3).max(1.0))
    }
}

fn package(kind: &str, word: &str) -> Option<(String, String)> {
    const SIM: &str = "Sizes are Drydock's approximations.";
    match kind {
        "pip" => {
            if word.contains('/') || word == "." || word.ends_with(".whl") {
                return Some((
                    format!("{word} — local project"),
                    "A path: pip installs the project in this folder (its pyproject.toml or setup.py says what it is).".to_owned(),
                ));
            }
            let req = Requirement::parse(word).ok()?;
            let pin = if req.specs.is_empty() {
                "Not pinned: pip picks the newest version that fits the other requirements."
                    .to_owned()
            } else {
                format!("Version constraint `{}`.", req.specs)
            };
            match pip_index().get(&req.name) {
                Some(p) => Some((
                    format!("{} — Python package (PyPI)", p.name),
                    format!(
                        "{}\n\n{pin} Newest in Drydock's catalog: {}.\n\nAbout {} installed ({} download). {SIM}",
                        if p.summary.is_empty() {
                            "A Python package."
                        } else {
                            &p.summary
                        },
                        p.latest().map(|v| v.to_string()).unwrap_or_default(),
                        size(p.size),
                        size(p.wheel)
                    ),
                )),
                None => Some((
                    format!("{} — Python package", req.name),
                    format!(
                        "{pin}\n\nNot in Drydock's PyPI catalog: the simulated pip reports that no matching distribution was found."
                    ),
                )),
            }
        }
        "apt" => {
            let name = word.split(['=', ':']).next().unwrap_or(word);
            match apt_index().get(name) {
                Some(p) => Some((
                    format!("{} — Debian package", p.name),
                    format!(
                        "{}\n\nVersion {} · about {} installed ({} download). {SIM}",
                        if p.desc.is_empty() { "A Debian package." } else { &p.desc },
                        p.version,
                        size(p.installed_kib * 1024),
                        size(p.deb_size)
                    ),
                )),
                None => Some((
                    format!("{name} — Debian package"),
                    "Not in Drydock's Debian catalog: the simulated apt-get says `Unable to locate package`.".to_owned(),
                )),
            }
        }
        "apk" => {
            let name = word.split(['=', '<', '>', '~']).next().unwrap_or(word);
            apk_index().get(name).map(|p| {
                (
                    format!("{} — Alpine package", p.name),
                    format!(
                        "{}\n\nVersion {} · about {} installed. {SIM}",
                        if p.desc.is_empty() {
                            "An Alpine package."
                        } else {
                            &p.desc
                        },
                        p.version,
                        size(p.installed)
                    ),
                )
            })
        }
        "npm" => {
            let name = match word.rfind('@') {
                Some(i) if i > 0 => word.get(..i).unwrap_or(word),
                _ => word,
            };
            npm_index().get(name).map(|p| {
                (
                    format!("{} — npm package", p.name),
                    format!(
                        "Newest in Drydock's catalog: {} · about {} unpacked. {SIM}",
                        p.latest(),
                        size(p.size)
                    ),
                )
            })
        }
        "conda" => {
            let name = word.split(['=', '<', '>']).next().unwrap_or(word);
            conda_index().packages.get(name).map(|p| {
                (
                    format!("{name} — conda package"),
                    format!(
                        "Version {}{} · about {} installed. {SIM}",
                        p.version,
                        if p.channel.is_empty() {
                            String::new()
                        } else {
                            format!(" from {}", p.channel)
                        },
                        size(p.size)
                    ),
                )
            })
        }
        _ => None,
    }
}
