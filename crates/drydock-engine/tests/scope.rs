//! Scope timeline cases: `tests/scope/cases.txt` holds `=== name` cases, each with optional
//! `args: K=V …`, `run: K=V …` and `target: T` lines, a `--- dockerfile` block and a `--- expect`
//! block. Every expect line must match one rendered line of the timeline exactly or up to its
//! ` — note`: `VAR L<line> <state> [value]`, `container VAR <state> [value]`, `warning <text>`,
//! `error <text>`; `!`-prefixed lines must match none.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use drydock_engine::scope::{Cell, Scope, ScopeRequest};
use drydock_engine::{Engine, EngineConfig};
use drydock_testkit::libtest_mimic::{self, Arguments, Trial};

struct Case {
    name: String,
    req: ScopeRequest,
    dockerfile: String,
    expect: Vec<String>,
}

fn pairs(s: &str) -> Vec<(String, String)> {
    s.split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn cases(text: &str) -> Vec<Case> {
    let mut out = Vec::new();
    for chunk in text.split("\n=== ").skip(1) {
        let (name, rest) = chunk.split_once('\n').unwrap();
        let (head, rest) = rest.split_once("--- dockerfile\n").unwrap();
        let (df, expect) = rest.split_once("--- expect\n").unwrap();
        let mut req = ScopeRequest::default();
        for l in head.lines() {
            if let Some(a) = l.strip_prefix("args:") {
                req.build_args = pairs(a).into_iter().collect::<BTreeMap<_, _>>();
            } else if let Some(r) = l.strip_prefix("run:") {
                req.run_env = pairs(r);
            } else if let Some(t) = l.strip_prefix("target:") {
                req.target = Some(t.trim().to_owned());
            }
        }
        out.push(Case {
            name: name.trim().to_owned(),
            req,
            dockerfile: df.to_owned(),
            expect: expect
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned)
                .collect(),
        });
    }
    out
}

fn cell_line(head: String, c: &Cell) -> String {
    let mut s = format!("{head} {}", c.state.as_str());
    if let Some(v) = &c.value {
        s.push(' ');
        s.push_str(v);
    }
    if !c.note.is_empty() {
        s.push_str(" — ");
        s.push_str(&c.note);
    }
    s
}

/// Every non-absent cell as a line.
fn render(scope: &Scope) -> Vec<String> {
    let mut out = Vec::new();
    for v in &scope.vars {
        for (si, st) in scope.stages.iter().enumerate() {
            for (i, step) in st.steps.iter().enumerate() {
                let Some(c) = v.cells.get(si).and_then(|cs| cs.get(i)) else {
                    continue;
                };
                if c.state.as_str() != "absent" {
                    out.push(cell_line(format!("{} L{}", v.name, step.line), c));
                }
            }
        }
        out.push(cell_line(format!("container {}", v.name), &v.container));
    }
    out.extend(scope.warnings.iter().map(|w| format!("warning {w}")));
    out.extend(scope.error.iter().map(|e| format!("error {e}")));
    out
}

fn matches(line: &str, want: &str) -> bool {
    line == want || line.starts_with(&format!("{want} — "))
}

fn check(case: &Case) -> Result<(), String> {
    let engine = Engine::new(EngineConfig::default());
    let scope = engine.scope(&case.dockerfile, &case.req);
    let lines = render(&scope);
    // Every row has a cell per step.
    for v in &scope.vars {
        for (si, st) in scope.stages.iter().enumerate() {
            if v.cells.get(si).map(Vec::len) != Some(st.steps.len()) {
                return Err(format!("{}: cells of stage {si} misaligned", v.name));
            }
        }
    }
    let mut failed = Vec::new();
    for want in &case.expect {
        let (neg, w) = match want.strip_prefix('!') {
            Some(w) => (true, w.trim()),
            None => (false, want.as_str()),
        };
        if lines.iter().any(|l| matches(l, w)) == neg {
            failed.push(want.clone());
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "unmet:\n  {}\ntimeline:\n  {}",
            failed.join("\n  "),
            lines.join("\n  ")
        ))
    }
}

fn main() {
    let args = Arguments::from_args();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scope/cases.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let trials = cases(&text)
        .into_iter()
        .map(|c| Trial::test(c.name.clone(), move || check(&c).map_err(Into::into)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
