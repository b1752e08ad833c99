//! Properties of the sh parser and interpreter on arbitrary input: no panic, spans stay inside the
//! input, the interpreter always stops (step limit) on random scripts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/fixture.rs"]
mod fixture;

use drydock_shell::ast::{Command, CompoundKind, List, RedirTarget, Word, WordPart};
use drydock_shell::{
    Limits, ParseOptions, Process, Registry, Runtime, ShellConfig, parse_with, run_argv,
};
use drydock_text::TextRange;
use proptest::prelude::*;

fn check(r: TextRange, len: u32, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        r.start <= r.end && r.end <= len,
        "{what} span {r:?} outside 0..{len}"
    );
    Ok(())
}

fn word(w: &Word, len: u32) -> Result<(), TestCaseError> {
    check(w.span, len, "word")?;
    for p in &w.parts {
        match p {
            WordPart::DQuoted(ps) => {
                for q in ps {
                    word(
                        &Word {
                            parts: vec![q.clone()],
                            span: w.span,
                        },
                        len,
                    )?;
                }
            }
            WordPart::CmdSub(l) => list(l, len)?,
            WordPart::Arith(a) => word(a, len)?,
            WordPart::Param(pe) => check(pe.span, len, "param")?,
            WordPart::Lit(_) | WordPart::Quoted(_) => {}
        }
    }
    Ok(())
}

fn list(l: &List, len: u32) -> Result<(), TestCaseError> {
    check(l.span, len, "list")?;
    for ao in &l.items {
        check(ao.span, len, "and-or")?;
        for p in std::iter::once(&ao.first).chain(ao.rest.iter().map(|r| &r.1)) {
            check(p.span, len, "pipeline")?;
            for c in &p.commands {
                command(c, len)?;
            }
        }
    }
    Ok(())
}

fn command(c: &Command, len: u32) -> Result<(), TestCaseError> {
    check(c.span(), len, "command")?;
    match c {
        Command::Simple(s) => {
            for a in &s.assigns {
                check(a.span, len, "assign")?;
                word(&a.value, len)?;
            }
            for w in &s.words {
                word(w, len)?;
            }
            for r in &s.redirects {
                check(r.span, len, "redirect")?;
                if let RedirTarget::Word(w) = &r.target {
                    word(w, len)?;
                }
            }
        }
        Command::Function(f) => command(&f.body, len)?,
        Command::Compound(cc) => match &cc.kind {
            CompoundKind::Brace(l) | CompoundKind::Subshell(l) => list(l, len)?,
            CompoundKind::If {
                branches,
                else_body,
            } => {
                for (a, b) in branches {
                    list(a, len)?;
                    list(b, len)?;
                }
                if let Some(e) = else_body {
                    list(e, len)?;
                }
            }
            CompoundKind::For { words, body, .. } => {
                for w in words.iter().flatten() {
                    word(w, len)?;
                }
                list(body, len)?;
            }
            CompoundKind::While { cond, body, .. } => {
                list(cond, len)?;
                list(body, len)?;
            }
            CompoundKind::DoubleBracket(words) => {
                for w in words {
                    word(w, len)?;
                }
            }
            CompoundKind::Case { word: w, arms } => {
                word(w, len)?;
                for arm in arms {
                    for p in &arm.patterns {
                        word(p, len)?;
                    }
                    if let Some(b) = &arm.body {
                        list(b, len)?;
                    }
                }
            }
        },
    }
    Ok(())
}

fn shellish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "echo", " ", "\n", ";", "&", "&&", "||", "|", "(", ")", "{", "}", "if", "then", "else",
        "fi", "for", "in", "do", "done", "while", "case", "esac", ";;", "$", "${", "}", "$(",
        "$((", "))", "`", "'", "\"", "\\", "<", ">", ">>", "<<", "<<-", "EOF", "2>&1", "x", "=",
        "*", "?", "[", "]", "#", "~", ":-", "#", "%", "/", "!", "f()", "1", "\t", "é",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

fn check_script(src: &str, bash: bool) -> Result<(), TestCaseError> {
    let s = parse_with(src, ParseOptions { bash });
    let len = u32::try_from(src.len()).unwrap();
    for l in &s.commands {
        list(l, len)?;
    }
    for d in &s.diagnostics {
        check(d.range, len, "diagnostic")?;
    }
    if let Some(e) = &s.error {
        check(e.range, len, "error")?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn parser_is_total_on_any_string(src in any::<String>()) {
        check_script(&src, false)?;
        check_script(&src, true)?;
    }

    #[test]
    fn parser_is_total_on_shell_like_text(src in shellish()) {
        check_script(&src, false)?;
        check_script(&src, true)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn interpreter_always_stops(src in shellish()) {
        let mut fs = fixture::upper();
        let programs = Registry::with_shells();
        let limits = Limits { max_steps: 2_000, max_output: 1 << 16, max_depth: 30 };
        let config = ShellConfig { limits, ..ShellConfig::default() };
        let mut rt = Runtime::new(&mut fs, &programs, config);
        let process = Process { cwd: fixture::FIXTURE_DIR.into(), ..Process::default() };
        let argv = vec!["/bin/sh".to_owned(), "-c".to_owned(), src];
        let _ = run_argv(&mut rt, &process, &argv, b"");
        prop_assert!(rt.output.stdout.len() + rt.output.stderr.len() <= 1 << 16);
    }
}

/// Deeply nested input is refused with a syntax error instead of exhausting the stack, and what
/// parses still runs within the stack of a test thread.
#[test]
fn deep_nesting_is_bounded() {
    let n = 5000;
    let cases = [
        "(".repeat(n),
        "$(".repeat(n),
        "${x:-".repeat(n),
        "\"$(".repeat(n),
        "$((".repeat(n),
        "{ ".repeat(n),
        "if ".repeat(n),
        "`".repeat(n),
        format!("{}echo deep{}", "( ".repeat(150), " )".repeat(150)),
        format!("{}echo deep{}", "$(echo ".repeat(90), ")".repeat(90)),
        format!("echo $(({}1{}))", "(".repeat(400), ")".repeat(400)),
        "f() { f; }; f".to_string(),
    ];
    for src in cases {
        check_script(&src, false).unwrap();
        let mut fs = fixture::upper();
        let programs = Registry::with_shells();
        let mut rt = Runtime::new(&mut fs, &programs, ShellConfig::default());
        let process = Process {
            cwd: fixture::FIXTURE_DIR.into(),
            ..Process::default()
        };
        let argv = vec!["/bin/sh".to_owned(), "-c".to_owned(), src.clone()];
        let _ = run_argv(&mut rt, &process, &argv, b"");
    }
}
