//! Conformance runner for word expansion: every vector of BuildKit's `shell/envVarTest` and
//! `shell/wordsTest` and every row of `cases-shell-processword.tsv` / `cases-shell-pattern.tsv`,
//! each as its own named test (`FILE:LINE`), read from the data folder at run time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;

use drydock_syntax::words::{
    Lexer, go_quote, process_word, process_words, reverse_pattern, reverse_string,
    shell_pattern_to_regex,
};
use drydock_testkit::{Suite, Value, conformance_main, read_tsv};

const ENV_VAR_TEST: &str = "frontend/dockerfile/shell/envVarTest";
const WORDS_TEST: &str = "frontend/dockerfile/shell/wordsTest";
const PROCESSWORD: &str = "cases-shell-processword.tsv";
const PATTERN: &str = "cases-shell-pattern.tsv";

fn main() {
    conformance_main(|dir, suite| {
        env_var_test(dir, suite);
        words_test(dir, suite);
        processword_rows(dir, suite);
        pattern_rows(dir, suite);
    })
}

/// A short printable label for a test name.
fn label(input: &str) -> String {
    let q = go_quote(input);
    if q.chars().count() > 60 {
        q.chars().take(57).collect::<String>() + "..."
    } else {
        q
    }
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("cannot read {file}: {e}"))
}

/// `PLATFORM | INPUT | EXPECTED`, expanded with `ProcessWord` against a fixed environment.
fn env_var_test(dir: &Path, suite: &mut Suite) {
    suite.file(ENV_VAR_TEST);
    let text = read(dir, ENV_VAR_TEST);
    for (i, raw) in text.lines().enumerate() {
        if raw.starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        let id = format!("{ENV_VAR_TEST}:{}", i + 1);
        let parts: Vec<String> = raw.trim().split('|').map(|p| p.trim().to_owned()).collect();
        let [platform, input, expected] = <[String; 3]>::try_from(parts).unwrap_or_else(|p| {
            panic!("{id}: expected 3 fields, got {p:?}");
        });
        if platform == "W" {
            suite.not_applicable(ENV_VAR_TEST);
            continue;
        }
        assert!(
            platform == "A" || platform == "U",
            "{id}: bad platform {platform}"
        );
        suite.case(ENV_VAR_TEST, &id, &label(&input), move || {
            let env = [
                ("PWD", "/home"),
                ("SHELL", "bash"),
                ("KOREAN", "한국어"),
                ("NULL", ""),
            ];
            match (process_word(&input, &env), expected.as_str()) {
                (Err(_), "error") => Ok(()),
                (Ok(e), "error") => Err(format!("expected an error, got {:?}", e.value)),
                (Ok(e), want) if e.value == want => Ok(()),
                (Ok(e), want) => Err(format!("expected {want:?}, got {:?}", e.value)),
                (Err(e), want) => Err(format!("expected {want:?}, got error: {e}")),
            }
        });
    }
}

/// `ENV name=value` lines accumulate; `INPUT|EXPECTED` lines are split with `ProcessWords`.
fn words_test(dir: &Path, suite: &mut Suite) {
    suite.file(WORDS_TEST);
    let text = read(dir, WORDS_TEST);
    let mut env: Vec<(String, String)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if raw.starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        if let Some(rest) = raw.strip_prefix("ENV ") {
            let (k, v) = rest
                .trim_start_matches(' ')
                .split_once('=')
                .unwrap_or((rest, ""));
            env.push((k.to_owned(), v.to_owned()));
            continue;
        }
        let id = format!("{WORDS_TEST}:{}", i + 1);
        let parts: Vec<&str> = raw.split('|').collect();
        let [input, expected] = <[&str; 2]>::try_from(parts).unwrap_or_else(|p| {
            panic!("{id}: expected exactly one |, got {p:?}");
        });
        let input = input.trim().to_owned();
        let expected: Vec<String> = expected
            .trim_start_matches(' ')
            .split(',')
            .map(str::to_owned)
            .collect();
        let env = env.clone();
        suite.case(WORDS_TEST, &id, &label(&input), move || {
            let got = match process_words(&input, &env) {
                Ok(words) => words,
                Err(_) => vec!["error".to_owned()],
            };
            if got == expected {
                Ok(())
            } else {
                Err(format!("expected {expected:?}, got {got:?}"))
            }
        });
    }
}

fn string_list(v: &Value) -> Option<Vec<String>> {
    v.as_array().map(|a| {
        a.iter()
            .map(|s| s.as_str().unwrap_or_default().to_owned())
            .collect()
    })
}

/// `ProcessWord` rows: result or error, plus the found / not-found variable names.
fn processword_rows(dir: &Path, suite: &mut Suite) {
    suite.file(PROCESSWORD);
    let rows = read_tsv(dir, PROCESSWORD).unwrap();
    for row in rows {
        let id = row.id();
        let input = row.str("input").to_owned();
        assert_eq!(row.str("function"), "ProcessWord", "{id}");
        let env: BTreeMap<String, String> = row
            .get("env")
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let expect_error = row.get("expect_error").as_bool().unwrap_or(false);
        let expected = row.get("expected").as_str().map(str::to_owned);
        let matched = string_list(row.get("matched_vars"));
        let unmatched = string_list(row.get("unmatched_vars"));
        // "(error contains: X)" in the test column names a required part of the message.
        let contains = row
            .str("test")
            .split_once("(error contains: ")
            .and_then(|(_, rest)| rest.strip_suffix(')'))
            .map(str::to_owned);
        suite.case(PROCESSWORD, &id, &label(&input), move || {
            let result = Lexer::default().process_word(&input, &env);
            if expect_error {
                return match result {
                    Ok(e) => Err(format!("expected an error, got {:?}", e.value)),
                    Err(e) => match &contains {
                        Some(part) if !e.to_string().contains(part.as_str()) => {
                            Err(format!("error {e:?} does not contain {part:?}"))
                        }
                        _ => Ok(()),
                    },
                };
            }
            let e = result.map_err(|e| format!("unexpected error: {e}"))?;
            if let Some(want) = &expected
                && e.value != want.as_str()
            {
                return Err(format!("expected {want:?}, got {:?}", e.value));
            }
            for (what, want, got) in [
                ("matched", &matched, &e.matched),
                ("unmatched", &unmatched, &e.unmatched),
            ] {
                if let Some(want) = want
                    && got != want
                {
                    return Err(format!("{what}: expected {want:?}, got {got:?}"));
                }
            }
            Ok(())
        });
    }
}

/// `convertShellPatternToRegex` / `reversePattern` / `reverseString` rows.
fn pattern_rows(dir: &Path, suite: &mut Suite) {
    suite.file(PATTERN);
    let rows = read_tsv(dir, PATTERN).unwrap();
    for row in rows {
        let id = row.id();
        let function = row.str("function").to_owned();
        let input = row.str("input").to_owned();
        let expected = row.get("expected").as_str().map(str::to_owned);
        suite.case(
            PATTERN,
            &id,
            &format!("{function} {}", label(&input)),
            move || {
                let got: Option<String> = if let Some(args) = function
                    .strip_prefix("convertShellPatternToRegex(")
                    .and_then(|a| a.strip_suffix(')'))
                {
                    let flag =
                        |name: &str| args.split(',').any(|a| a.trim() == format!("{name}=true"));
                    shell_pattern_to_regex(&input, flag("greedy"), flag("anchored")).ok()
                } else if function == "reversePattern" {
                    Some(reverse_pattern(&input))
                } else if function == "reverseString" {
                    Some(reverse_string(&input))
                } else {
                    return Err(format!("unknown function {function}"));
                };
                if got == expected {
                    Ok(())
                } else {
                    Err(format!("expected {expected:?}, got {got:?}"))
                }
            },
        );
    }
}
