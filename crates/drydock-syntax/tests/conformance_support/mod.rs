//! Case registration for `tests/conformance.rs`: test folders and TSV rows.
use drydock_testkit::{Suite, case_folders};
use std::path::Path;

mod rows;

pub use rows::rows;

fn read(path: &Path) -> Result<String, String> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// `testfiles` (dump equals `result`), `testfiles-negative` (rejected) and `testfile-line`.
pub fn testfiles(dir: &Path, suite: &mut Suite) {
    testfile_line(dir, suite);
    let base = "frontend/dockerfile/parser";
    for (sub, negative) in [("testfiles", false), ("testfiles-negative", true)] {
        let file = format!("{base}/{sub}");
        suite.file(&file);
        for folder in case_folders(&dir.join(&file), "Dockerfile") {
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let id = format!("{file}/{name}");
            suite.case(&file, &id, "", move || {
                let text = read(&folder.join("Dockerfile"))?;
                let parse = drydock_syntax::parse(&text);
                // BuildKit's test runs `parser.Parse` only: the instruction stage is not involved.
                let parser_error = parse.diagnostics.iter().find(|d| {
                    d.is_error()
                        && drydock_syntax::codes::stage_of(&d.code)
                            == drydock_syntax::codes::Stage::Parser
                });
                if negative {
                    return if parser_error.is_some() {
                        Ok(())
                    } else {
                        Err(format!("accepted, dump:\n{}", parse.dump()))
                    };
                }
                let want = read(&folder.join("result"))?;
                if let Some(e) = parser_error {
                    return Err(format!("rejected: {e:?}"));
                }
                let got = parse.dump();
                if got == want {
                    Ok(())
                } else {
                    Err(format!("dump differs\n--- want\n{want}--- got\n{got}"))
                }
            });
        }
    }
}

/// `testfile-line/Dockerfile`: its line ranges are the `cases-parser-lines-warnings.tsv` row
/// whose `dockerfile` is this file's text.
fn testfile_line(dir: &Path, suite: &mut Suite) {
    let file = "frontend/dockerfile/parser/testfile-line";
    suite.file(file);
    let path = dir.join(file).join("Dockerfile");
    if !path.is_file() {
        return;
    }
    let rows =
        drydock_testkit::read_tsv(dir, "cases-parser-lines-warnings.tsv").unwrap_or_default();
    suite.case(file, file, "", move || {
        let text = read(&path)?;
        let row = rows
            .iter()
            .find(|r| r.str("dockerfile") == text)
            .ok_or("no cases-parser-lines-warnings.tsv row holds this file")?;
        let want = row
            .get("expected")
            .get("child_lines")
            .cloned()
            .unwrap_or_default();
        let p = drydock_syntax::parse(&text);
        let got: Vec<[u32; 2]> = p
            .dockerfile
            .instructions
            .iter()
            .map(|i| [i.start_line, i.end_line])
            .collect();
        let got = drydock_testkit::serde_json::to_value(got).map_err(|e| e.to_string())?;
        if got == want {
            Ok(())
        } else {
            Err(format!("lines {got}, want {want}"))
        }
    });
}
