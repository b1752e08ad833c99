//! TSV rows of the parser and instruction data files, one named test per row.
use drydock_syntax::instructions::{self, Command, FlagDef, FlagKind};
use drydock_syntax::{directive, heredoc, json, lineparse, parse};
use drydock_testkit::{Row, Suite, Value, read_tsv, serde_json::json};
use std::path::Path;

type Check = fn(&Row) -> Result<(), String>;

/// Registers every row of the owned TSV files.
pub fn rows(dir: &Path, suite: &mut Suite) {
    let files: [(&str, Check); 11] = [
        ("cases-parser-api.tsv", parser_api),
        ("cases-parser-directives.tsv", parser_directives),
        ("cases-parser-heredoc.tsv", parser_heredoc),
        ("cases-parser-json.tsv", parser_json),
        ("cases-parser-lines-warnings.tsv", parser_lines_warnings),
        ("cases-parser-words.tsv", parser_words),
        ("cases-instructions-errors.tsv", instructions_errors),
        ("cases-instructions-parse.tsv", instructions_parse),
        ("cases-bflag.tsv", bflag),
        ("cases-expose.tsv", expose),
        ("cases-run-device.tsv", run_device),
    ];
    for (file, check) in files {
        suite.file(file);
        let rows = match read_tsv(dir, file) {
            Ok(r) => r,
            Err(e) => {
                suite.case(file, &format!("{file}:0"), "read", move || Err(e));
                continue;
            }
        };
        for row in rows {
            let label = row
                .fields()
                .first()
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            let label = label.chars().take(40).collect::<String>();
            suite.case(file, &row.id(), &label, move || check(&row));
        }
    }
}

fn eq(got: &Value, want: &Value, what: &str) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got}, want {want}"))
    }
}

/// Expands the symbolic `<N x 'c'>` notation of a few rows.
fn expand_symbolic(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let parsed = tail.find('>').and_then(|j| {
            let inner = tail.get(1..j)?;
            let (n, c) = inner.split_once(" x '")?;
            let c = c.strip_suffix('\'')?;
            Some((n.trim().parse::<usize>().ok()?, c.to_owned(), j))
        });
        match parsed {
            Some((n, c, j)) => {
                out.push_str(&c.repeat(n));
                rest = tail.get(j + 1..).unwrap_or("");
            }
            None => {
                out.push('<');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn parser_api(row: &Row) -> Result<(), String> {
    let f = row.str("function");
    let input = row.str("input");
    if let Some(key) = f
        .strip_prefix("parseNameVal(")
        .and_then(|k| k.strip_suffix(')'))
    {
        let got = lineparse::parse_name_val(input, key, '\\');
        return match (got, row.get("expected_error").as_str()) {
            (Ok(p), None) => {
                let vals: Vec<&str> = p.args.iter().map(|a| a.value(input)).collect();
                let triples: Vec<Value> = vals.chunks(3).map(|t| json!(t)).collect();
                eq(&Value::Array(triples), row.get("expected"), "triples")
            }
            (Err(e), Some(want)) => eq(&json!(e.message), &json!(want), "error"),
            (got, want) => Err(format!("got {got:?}, want error {want:?}")),
        };
    }
    if f == "Parse" {
        let text = expand_symbolic(input);
        let p = parse(&text);
        let want = row.get("expected_error").as_str();
        return eq(&json!(p.buildkit_error()), &json!(want), "error");
    }
    Err(format!("unsupported function {f}"))
}

fn parser_directives(row: &Row) -> Result<(), String> {
    let input = row.str("input");
    let want = row.get("expected");
    let detected = match row.str("function") {
        "DirectiveParser.ParseAll" => {
            let got = directive::DirectiveParser::default().parse_all(input)?;
            let list: Vec<Value> = got.iter().map(|(k, v)| json!([k, v])).collect();
            return eq(&Value::Array(list), want, "directives");
        }
        "DetectSyntax" => directive::detect_syntax(input),
        f => match f
            .strip_prefix("ParseDirective(")
            .and_then(|k| k.strip_suffix(')'))
        {
            Some(key) => directive::parse_directive(key, input),
            None => return Err(format!("unsupported function {f}")),
        },
    };
    match (detected, want) {
        (None, Value::Null) => Ok(()),
        (Some(d), Value::Object(o)) => {
            for (k, v) in o {
                let got = match k.as_str() {
                    "ref" => json!(d.reference),
                    "cmdline" => json!(d.cmdline),
                    "line" => json!(d.line),
                    other => return Err(format!("unknown expected key {other}")),
                };
                eq(&got, v, k)?;
            }
            Ok(())
        }
        (got, want) => Err(format!("got {got:?}, want {want}")),
    }
}

fn heredoc_json(name: &str, fd: u64, expand: bool, chomp: bool, content: &str) -> Value {
    json!({"Name": name, "FileDescriptor": fd, "Expand": expand, "Chomp": chomp, "Content": content})
}

fn parser_heredoc(row: &Row) -> Result<(), String> {
    let f = row.str("function");
    let input = row.str("input");
    let want = row.get("expected");
    if f.starts_with("Parse: heredocs of AST children") {
        let p = parse(input);
        if let Some(e) = p.buildkit_error()
            && codes_stage_parser(&p)
        {
            return Err(format!("parse failed: {e}"));
        }
        let got: Vec<Value> = p
            .dockerfile
            .instructions
            .iter()
            .skip(1)
            .map(|i| {
                if i.heredocs.is_empty() {
                    Value::Null
                } else {
                    Value::Array(
                        i.heredocs
                            .iter()
                            .map(|h| {
                                heredoc_json(
                                    &h.name,
                                    u64::from(h.fd),
                                    h.expand,
                                    h.chomp,
                                    &h.content,
                                )
                            })
                            .collect(),
                    )
                }
            })
            .collect();
        return eq(&Value::Array(got), want, "heredocs");
    }
    match f {
        "ChompHeredocContent" => eq(&json!(heredoc::chomp(input)), want, "chomped"),
        "ParseHeredoc" => match (heredoc::parse_heredoc(input), want) {
            (Err(_), Value::String(s)) if s == "error" => Ok(()),
            (Ok(None), Value::Null) => Ok(()),
            (Ok(Some(h)), Value::Object(o)) => eq(
                &json!(h.name),
                o.get("Name").unwrap_or(&Value::Null),
                "Name",
            ),
            (got, want) => Err(format!("got {got:?}, want {want}")),
        },
        "heredocsFromLine(names)" => {
            let names: Vec<String> = heredoc::heredocs_from_line(input)?
                .into_iter()
                .map(|h| h.name)
                .collect();
            eq(&json!(names), want, "names")
        }
        _ => Err(format!("unsupported function {f}")),
    }
}

fn codes_stage_parser(p: &drydock_syntax::Parse<'_>) -> bool {
    p.diagnostics.iter().any(|d| {
        d.is_error()
            && drydock_syntax::codes::stage_of(&d.code) == drydock_syntax::codes::Stage::Parser
    })
}

fn parser_json(row: &Row) -> Result<(), String> {
    let text = row.str("exec_form_text");
    match (json::parse_array(text), row.get("expected_error").as_str()) {
        (json::JsonArray::Strings(p), None) => {
            let vals: Vec<&str> = p.iter().map(|a| a.value(text)).collect();
            eq(&json!(vals), row.get("expected_args"), "args")
        }
        (json::JsonArray::NonString, Some(want)) => eq(
            &json!("when using JSON array syntax, arrays must be comprised of strings only"),
            &json!(want),
            "error",
        ),
        (got, want) => Err(format!("got {got:?}, want error {want:?}")),
    }
}

fn parser_lines_warnings(row: &Row) -> Result<(), String> {
    let text = row.str("dockerfile");
    let p = parse(text);
    let want = row.get("expected");
    let Value::Object(o) = want else {
        return Err("expected must be an object".into());
    };
    let warnings: Vec<&drydock_syntax::Diagnostic> = p
        .diagnostics
        .iter()
        .filter(|d| d.code == "NoEmptyContinuation")
        .collect();
    let ins = &p.dockerfile.instructions;
    for (k, v) in o {
        match k.as_str() {
            "warning_count" => eq(&json!(warnings.len()), v, k)?,
            "warnings_contain" => {
                for s in v.as_array().into_iter().flatten().filter_map(Value::as_str) {
                    if !warnings.iter().any(|w| w.message.contains(s)) {
                        return Err(format!("no warning contains {s:?}: {warnings:?}"));
                    }
                }
            }
            "warning_detail_contains" => {
                let s = v.as_str().unwrap_or("");
                if !warnings.iter().all(|w| w.hint.contains(s)) {
                    return Err(format!("a warning detail lacks {s:?}"));
                }
            }
            "ast_start_line" => eq(&json!(ins.first().map(|i| i.start_line)), v, k)?,
            "ast_end_line" => eq(&json!(ins.last().map(|i| i.end_line)), v, k)?,
            "children" => eq(&json!(ins.len()), v, k)?,
            "child_lines" => {
                let got: Vec<Value> = ins
                    .iter()
                    .map(|i| json!([i.start_line, i.end_line]))
                    .collect();
                eq(&Value::Array(got), v, k)?;
            }
            other => return Err(format!("unknown expected key {other}")),
        }
    }
    Ok(())
}

fn parser_words(row: &Row) -> Result<(), String> {
    let input = row.str("input");
    let words: Vec<&str> = lineparse::parse_words(input, '\\')
        .into_iter()
        .map(|(a, b)| input.get(a..b).unwrap_or(""))
        .collect();
    eq(&json!(words), row.get("expected_words"), "words")
}

fn instructions_errors(row: &Row) -> Result<(), String> {
    let p = parse(row.str("dockerfile_instruction"));
    let first = p.dockerfile.instructions.first().ok_or("no instruction")?;
    let got = first
        .error
        .as_ref()
        .map(|e| e.message.clone())
        .ok_or("no error")?;
    let want = row.str("expected_error");
    let ok = match row.str("match") {
        "exact" => got == want,
        "contains" => got.contains(want),
        m => return Err(format!("unknown match {m}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("error {got:?} does not match {want:?}"))
    }
}

fn first_command<'p>(p: &'p drydock_syntax::Parse<'_>) -> Result<&'p Command<'p>, String> {
    let first = p.dockerfile.instructions.first().ok_or("no instruction")?;
    if let Some(e) = &first.error {
        return Err(format!("error: {}", e.message));
    }
    first
        .command
        .as_ref()
        .ok_or_else(|| "no command".to_owned())
}

fn instructions_parse(row: &Row) -> Result<(), String> {
    let aspect = row.str("aspect");
    let want = row.get("expected");
    if aspect == "handleJSONArgs" {
        let input = row.get("input");
        let args: Vec<&str> = input
            .get("args")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let json = input.get("json").and_then(Value::as_bool).unwrap_or(false);
        return eq(
            &json!(instructions::handle_json_args(&args, json)),
            want,
            "args",
        );
    }
    let text = row.str("input");
    let p = parse(text);
    match aspect {
        "COPY sources/dest" => {
            let Command::Copy(c) = first_command(&p)? else {
                return Err("not COPY".into());
            };
            let got = json!({
                "DestPath": c.dest.value.as_str(),
                "SourcePaths": c.sources.iter().map(|s| s.value.as_str()).collect::<Vec<_>>(),
                "SourceContents": c.contents.iter().map(|s| json!({"Path": s.path.as_str(), "Data": s.data.as_str(), "Expand": s.expand})).collect::<Vec<_>>(),
            });
            eq(&got, want, "copy")
        }
        "RUN cmdline" => {
            let Command::Run(r) = first_command(&p)? else {
                return Err("not RUN".into());
            };
            let got = json!({
                "PrependShell": r.cmd.prepend_shell,
                "CmdLine": r.cmd.args.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(),
                "Files": r.files.iter().map(|f| json!({"Name": f.name.as_str(), "Data": f.data.as_str(), "Chomp": f.chomp})).collect::<Vec<_>>(),
            });
            eq(&got, want, "run")
        }
        "HEALTHCHECK test" => {
            let Command::Healthcheck(h) = first_command(&p)? else {
                return Err("not HEALTHCHECK".into());
            };
            let test: Vec<&str> = h.test.iter().map(|t| t.as_str()).collect();
            eq(&json!({"Test": test}), want, "test")
        }
        "RUN flags used" => {
            let Command::Run(r) = first_command(&p)? else {
                return Err("not RUN".into());
            };
            eq(&json!({"FlagsUsed": r.flags_used}), want, "flags used")
        }
        "doc comments" => doc_comments(&p, want),
        _ => Err(format!("unsupported aspect {aspect}")),
    }
}

/// Evaluates keys like `stages[0].DocComment`, `metaArgs[0].Args[0]`, `stage0.cmd1(ARG).Args`.
fn doc_comments(p: &drydock_syntax::Parse<'_>, want: &Value) -> Result<(), String> {
    let Value::Object(o) = want else {
        return Err("expected must be an object".into());
    };
    let file = &p.dockerfile;
    let arg_json = |d: &instructions::ArgDef<'_>| json!({"Key": d.key.as_str(), "DocComment": d.comment.as_str()});
    let index = |s: &str, prefix: &str| -> Option<usize> {
        s.strip_prefix(prefix)?.split(']').next()?.parse().ok()
    };
    for (key, v) in o {
        let got = if let Some(n) = index(key, "stages[") {
            let st = file.stages.get(n).ok_or("no such stage")?;
            let Some(Command::From(f)) = file
                .instructions
                .get(st.from)
                .and_then(|i| i.command.as_ref())
            else {
                return Err("stage without FROM".into());
            };
            json!(f.comment.as_str())
        } else {
            let (ins_idx, rest) = if let Some(n) = index(key, "metaArgs[") {
                (
                    *file.meta_args.get(n).ok_or("no such meta arg")?,
                    key.split_once("].").map_or("", |x| x.1),
                )
            } else if let Some(rest) = key.strip_prefix("stage") {
                let (s, rest) = rest.split_once(".cmd").ok_or("bad key")?;
                let stage: usize = s.parse().map_err(|_| "bad stage")?;
                let (c, rest) = rest.split_once('(').ok_or("bad key")?;
                let cmd: usize = c.parse().map_err(|_| "bad cmd")?;
                let st = file.stages.get(stage).ok_or("no such stage")?;
                (st.from + 1 + cmd, rest.split_once(").").map_or("", |x| x.1))
            } else {
                return Err(format!("unsupported key {key}"));
            };
            let Some(Command::Arg(a)) = file
                .instructions
                .get(ins_idx)
                .and_then(|i| i.command.as_ref())
            else {
                return Err(format!("{key}: not an ARG"));
            };
            match index(rest, "Args[") {
                Some(m) => arg_json(a.args.get(m).ok_or("no such arg")?),
                None if rest == "Args" => Value::Array(a.args.iter().map(arg_json).collect()),
                None => return Err(format!("unsupported key {key}")),
            }
        };
        eq(&got, v, key)?;
    }
    Ok(())
}

fn bflag(row: &Row) -> Result<(), String> {
    let defs_json = row
        .get("flag_definitions")
        .as_object()
        .cloned()
        .unwrap_or_default();
    let mut defs: Vec<FlagDef<'_>> = Vec::new();
    let owned: Vec<(String, String, String)> = defs_json
        .iter()
        .map(|(name, d)| {
            let kind = d.get(0).and_then(Value::as_str).unwrap_or("").to_owned();
            let default = match d.get(1) {
                Some(Value::Bool(b)) => b.to_string(),
                Some(Value::String(s)) => s.clone(),
                _ => String::new(),
            };
            (name.clone(), kind, default)
        })
        .collect();
    for (name, kind, default) in &owned {
        let kind = match kind.as_str() {
            "bool" => FlagKind::Bool,
            "string" => FlagKind::String,
            "strings" => FlagKind::Strings,
            k => return Err(format!("unknown flag type {k}")),
        };
        defs.push(FlagDef {
            name,
            kind,
            default,
        });
    }
    let args: Vec<&str> = row
        .get("args")
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let want = row.get("expected");
    let got = instructions::bflag::parse(&defs, &args);
    let ok = want.get("ok").and_then(Value::as_bool).unwrap_or(false);
    let values = match (got, ok) {
        (Err(_), false) => return Ok(()),
        (Ok(v), true) => v,
        (got, _) => return Err(format!("got {got:?}, want ok={ok}")),
    };
    if let Some(Value::Object(want_values)) = want.get("values") {
        for (name, w) in want_values {
            let i = defs
                .iter()
                .position(|d| d.name == name)
                .ok_or("no such flag")?;
            let v = &values[i];
            let got = match defs[i].kind {
                FlagKind::Bool => json!(v.value == "true"),
                _ => json!(v.value),
            };
            eq(&got, w, name)?;
        }
    }
    if let Some(Value::Array(used)) = want.get("used") {
        let mut got: Vec<&str> = defs
            .iter()
            .zip(&values)
            .filter(|(_, v)| v.used)
            .map(|(d, _)| d.name)
            .collect();
        got.sort_unstable();
        let mut want: Vec<&str> = used.iter().filter_map(Value::as_str).collect();
        want.sort_unstable();
        eq(&json!(got), &json!(want), "used")?;
    }
    Ok(())
}

fn expose(row: &Row) -> Result<(), String> {
    let args: Vec<&str> = row
        .get("expose_args")
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    match (
        instructions::parse_port_specs(&args),
        row.get("expected_error").as_str(),
    ) {
        (Ok(ports), None) => eq(&json!(ports), row.get("expected_exposed_ports"), "ports"),
        (Err(_), Some(w)) if w.starts_with("error") => Ok(()),
        (Err(e), Some(w)) => eq(&json!(e), &json!(w), "error"),
        (got, want) => Err(format!("got {got:?}, want error {want:?}")),
    }
}

fn run_device(row: &Row) -> Result<(), String> {
    match (
        instructions::parse_device(row.str("device_flag_value")),
        row.get("expected_error").as_str(),
    ) {
        (Ok(d), None) => eq(
            &json!({"Name": d.name, "Required": d.required}),
            row.get("expected"),
            "device",
        ),
        (Err(e), Some(w)) => eq(&json!(e), &json!(w), "error"),
        (got, want) => Err(format!("got {got:?}, want error {want:?}")),
    }
}
