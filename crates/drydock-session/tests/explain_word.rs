//! Explain mode over data: `tests/explain/cases.txt` lists a RUN line, the hovered word, and the
//! expected title and a substring of the body; one `check` per case.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use drydock_session::explain_word::explain_in_dockerfile;

fn check(line: &str) -> Result<(), String> {
    let f: Vec<&str> = line.split('¦').map(str::trim).collect();
    let [df, hover, title, body] = f.as_slice() else {
        return Err(format!("bad case: {line}"));
    };
    let df = format!("FROM python:3.11-slim\n{}\n", df.replace('⏎', "\n"));
    let (word, n) = match hover.rsplit_once('#') {
        Some((w, n)) if n.parse::<usize>().is_ok() => (w, n.parse::<usize>().unwrap()),
        _ => (*hover, 1),
    };
    let skip = "FROM python:3.11-slim\n".len()
        * usize::from(!df.ends_with("-slim\nFROM python:3.11-slim\n"));
    let at = df[skip..]
        .match_indices(word)
        .nth(n - 1)
        .map(|(i, _)| skip + i + 1.min(word.len() - 1))
        .ok_or_else(|| format!("{word} not in {df:?}"))?;
    let got = explain_in_dockerfile(&df, u32::try_from(at).unwrap());
    match (got, *title) {
        (None, "-") => Ok(()),
        (Some(g), "-") => Err(format!("expected nothing, got {g:?}")),
        (None, _) => Err(format!("no explanation at {at} ({word})")),
        (Some(g), t) => {
            let w = &df[g.range.start as usize..g.range.end as usize];
            if g.title != t
                || !g.body.contains(body.trim())
                || !w.contains(word.trim_start_matches('$'))
            {
                Err(format!("got {g:?} over {w:?}"))
            } else {
                Ok(())
            }
        }
    }
}

#[test]
fn explain_cases() {
    let text = include_str!("explain/cases.txt");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        n += 1;
        if let Err(e) = check(line) {
            failures.push(format!("{line}\n    {e}"));
        }
    }
    assert!(n > 30);
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
