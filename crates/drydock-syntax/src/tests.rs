//! Unit tests of `parse`: one `check` helper per area (dump, Docker's error text, line ranges,
//! typed payloads) and insta snapshots for the long outputs.
use crate::instructions::Command;
use crate::{codes, parse};

/// Stage 1: the file parses (no parser error) and dumps as `expect`.
fn check(input: &str, expect: &str) {
    let p = parse(input);
    let parser_errors: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && codes::stage_of(&d.code) == codes::Stage::Parser)
        .collect();
    assert!(parser_errors.is_empty(), "{input:?}: {parser_errors:?}");
    assert_eq!(p.dump(), expect, "dump of {input:?}");
    p.validate().unwrap();
}

/// The error BuildKit reports for `input`, in Docker's words.
fn check_err(input: &str, expect: &str) {
    let p = parse(input);
    assert!(p.is_rejected(), "{input:?} accepted");
    assert_eq!(
        p.buildkit_error().as_deref(),
        Some(expect),
        "error of {input:?}"
    );
    p.validate().unwrap();
}

/// Accepted, with these (keyword, start line, end line) instructions.
fn check_lines(input: &str, expect: &[(&str, u32, u32)]) {
    let p = parse(input);
    assert!(!p.is_rejected(), "{input:?}: {:?}", p.diagnostics);
    let got: Vec<_> = p
        .logical_lines()
        .iter()
        .map(|l| (l.keyword.to_owned(), l.start_line, l.end_line))
        .collect();
    let want: Vec<_> = expect
        .iter()
        .map(|(k, s, e)| ((*k).to_owned(), *s, *e))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn dumps() {
    check("\u{feff}FROM a\r\nRUN b\r\n", "(from \"a\")\n(run \"b\")\n");
    check(
        "# escape=`\nFROM a\nRUN dir `\n  c:\\x\n",
        "(from \"a\")\n(run \"dir   c:\\\\x\")\n",
    );
    check(
        "FROM a\nRUN a \\\n # c\n b\n",
        "(from \"a\")\n(run \"a  b\")\n",
    );
    check("FROM a\nFOO bar\n", "(from \"a\")\n(foo \"\")\n");
    check("ONBUILD RUN [\"a\"]\n", "(onbuild (run \"a\"))\n");
    check("RUN <<EOF\nx\nEOF\nRUN y", "(run \"<<EOF\")\n(run \"y\")\n");
    check(
        "COPY --from=\"a b\" x y",
        "(copy [\"--from=a b\"] \"x\" \"y\")\n",
    );
    check(
        "HEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD [\"a\"]",
        "(healthcheck \"NONE\")\n(healthcheck [\"--interval=5s\"] \"CMD\" \"a\")\n",
    );
    check("ENV a  b  c", "(env \"a\" \"b  c\" \"\")\n");
    check("RUN a \\\n\n b", "(run \"a  b\")\n");
    check("CMD [\"a\", \"\\u00e9\\t\"]", "(cmd \"a\" \"é\\t\")\n");
    check(
        "LABEL a=\"\u{a0}\"",
        "(label \"a\" \"\\\"\\u00a0\\\"\" \"=\")\n",
    );
}

#[test]
fn errors_in_dockers_words() {
    check_err("", "the Dockerfile cannot be empty");
    check_err("# only a comment\n\n", "file with no instructions");
    check_err(
        "# escape=x\nFROM a",
        "invalid escape token 'x' does not match ` or \\",
    );
    check_err(
        "# syntax=a\n# syntax=b\nFROM a",
        "only one syntax parser directive can be used",
    );
    check_err("FROM a\nRUN <<EOF\nx\n", "unterminated heredoc");
    check_err(
        "FROM a\nENV a=1 b",
        "Syntax error - can't find = in \"b\". Must be of the form: name=value",
    );
    check_err(
        "FROM a\nCMD [\"a\", 1]",
        "when using JSON array syntax, arrays must be comprised of strings only",
    );
    check_err(
        "FROM a\nFNTRYPOINT x",
        "dockerfile parse error on line 2: unknown instruction: FNTRYPOINT (did you mean ENTRYPOINT?)",
    );
    check_err("RUN x", "no build stage in current context");
    check_err(
        "FROM a\nRUN --mont=x y",
        "dockerfile parse error on line 2: unknown flag: --mont (did you mean mount?)",
    );
    check_err(
        "FROM a\nRUN --network=bridge x",
        "dockerfile parse error on line 2: invalid network mode \"bridge\"",
    );
    check_err(
        "FROM a\nRUN --security=x y",
        "dockerfile parse error on line 2: security \"x\" is not valid",
    );
    check_err(
        "FROM a AS 1st",
        "dockerfile parse error on line 1: invalid name for build stage: \"1st\", name can't start with a number or contain symbols",
    );
    check_err(
        "FROM a b",
        "dockerfile parse error on line 1: FROM requires either one or three arguments",
    );
    check_err(
        "FROM a\nHEALTHCHECK --retries=-1 CMD x",
        "dockerfile parse error on line 2: --retries cannot be negative (-1)",
    );
    check_err(
        "FROM a\nHEALTHCHECK --interval=5 CMD x",
        "dockerfile parse error on line 2: time: missing unit in duration \"5\"",
    );
    check_err(
        "FROM a\nHEALTHCHECK CMD",
        "dockerfile parse error on line 2: Missing command after HEALTHCHECK CMD",
    );
    check_err(
        "FROM a\nHEALTHCHECK FOO x",
        "dockerfile parse error on line 2: Unknown type \"FOO\" in HEALTHCHECK (try CMD)",
    );
    check_err(
        "FROM a\nCOPY --chmod x y",
        "dockerfile parse error on line 2: missing a value on flag: --chmod",
    );
    check_err(
        "FROM a\nCOPY --link --link a b",
        "dockerfile parse error on line 2: duplicate flag specified: --link",
    );
    check_err(
        "FROM a\nSHELL bash -c",
        "dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form",
    );
    check_err(
        "FROM a\nRUN --mount=from=$X,target=/x y",
        "dockerfile parse error on line 2: 'from' doesn't support variable expansion, define alias stage instead",
    );
    check_err(
        "FROM a\nADD --unpack=maybe x y",
        "dockerfile parse error on line 2: expecting boolean value for flag --unpack, not: maybe",
    );
    check_err(
        "FROM a\nVOLUME [\"\"]",
        "dockerfile parse error on line 2: VOLUME specified can not be an empty string",
    );
    check_err(
        "FROM a\nUSER",
        "dockerfile parse error on line 2: USER requires exactly one argument",
    );
    check_err(
        "FROM a\nRUN a \\\n\\\n  \n  b\nFOO",
        "dockerfile parse error on line 6: unknown instruction: FOO (did you mean FROM?)",
    );
    let long = format!("FROM a\nLABEL a={}\n", "x".repeat(70_000));
    check_err(
        &long,
        "dockerfile line greater than max allowed size of 65535",
    );
}

#[test]
fn warnings_do_not_reject() {
    let p = parse("FROM a\nRUN a \\\n\n b\nRUN --device=x y\n");
    assert!(!p.is_rejected());
    let codes: Vec<&str> = p.diagnostics.iter().map(|d| &*d.code).collect();
    assert_eq!(codes, ["NoEmptyContinuation", "run-device-unsupported"]);
    assert_eq!(
        p.diagnostics[0].message,
        "Empty continuation line found in: RUN a  b"
    );
    let only_args = parse("ARG a\n");
    assert!(!only_args.is_rejected());
    assert_eq!(only_args.diagnostics[0].code, "no-stages");
}

#[test]
fn line_ranges() {
    check_lines(
        "# syntax=docker/dockerfile:1\nFROM a AS b\n\nRUN x \\\n  # c\n  y\nCOPY <<EOF /f\nhi\nEOF\n",
        &[("FROM", 2, 2), ("RUN", 4, 6), ("COPY", 7, 9)],
    );
}

#[test]
fn typed_payloads() {
    let p = parse(
        "ARG V=1\nFROM --platform=$P img:$V AS Build\nCOPY --from=build --chmod=644 a b /d/\nRUN --mount=type=cache,target=/c make\n",
    );
    let ins = &p.dockerfile.instructions;
    assert_eq!(p.dockerfile.meta_args, [0]);
    assert_eq!(p.dockerfile.stages.len(), 1);
    assert_eq!(p.dockerfile.stages[0].name.as_deref(), Some("build"));
    let Some(Command::From(f)) = &ins[1].command else {
        panic!()
    };
    assert_eq!(f.platform.as_ref().map(|a| a.value.as_str()), Some("$P"));
    assert_eq!(
        &p.text[f.platform.as_ref().unwrap().span.start as usize
            ..f.platform.as_ref().unwrap().span.end as usize],
        "$P"
    );
    let Some(Command::Copy(c)) = &ins[2].command else {
        panic!()
    };
    assert_eq!(c.from.as_ref().unwrap().value, "build");
    assert_eq!(
        c.sources
            .iter()
            .map(|s| s.value.as_str())
            .collect::<Vec<_>>(),
        ["a", "b"]
    );
    let Some(Command::Run(r)) = &ins[3].command else {
        panic!()
    };
    let m =
        crate::instructions::parse_mount(&r.mounts[0].value, Some(&mut |s: &str| Ok(s.to_owned())))
            .unwrap();
    assert_eq!((m.kind.as_str(), m.target.as_str()), ("cache", "/c"));
}

#[test]
fn snapshot_tree() {
    let p = parse(
        "# syntax=docker/dockerfile:1\n# base image\nFROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=1 \\\n    APP=/app\nWORKDIR $APP\nCOPY --chown=app requirements.txt .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"-m\", \"app\"]\n",
    );
    insta::assert_snapshot!(serde_json::to_string_pretty(&p).unwrap());
}

#[test]
fn snapshot_diagnostics() {
    let p = parse("RUN x\nFROM a AS 1\nCOPY one\nRUN --mont=1 y\nENTRYPONT z\nRUN a \\\n\n b\n");
    let text: Vec<String> = p
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{:?} {} [{}] {} | {}",
                d.range,
                d.severity.as_str(),
                d.code,
                p.docker_message(d),
                d.hint
            )
        })
        .collect();
    insta::assert_snapshot!(text.join("\n"));
}

#[test]
fn ten_megabytes_parse() {
    let unit = "FROM a\nRUN echo \\\n  b\nCOPY <<EOF /x\nhi\nEOF\n";
    let text = unit.repeat(10 * 1024 * 1024 / unit.len());
    let p = parse(&text);
    assert_eq!(
        p.dockerfile.instructions.len(),
        3 * (10 * 1024 * 1024 / unit.len())
    );
    assert!(!p.is_rejected());
}
