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
