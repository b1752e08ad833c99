//! The ENTRYPOINT × CMD × run-arguments × `--entrypoint` matrix (every cell of the Dockerfile
//! reference's table, plus the overrides) through the session: build an image `FROM scratch`
//! with the instructions, `docker create` with the arguments, and read `Path`/`Args` back with
//! `docker inspect -f`. The table is data: `tests/data/entrypoint-cmd.tsv`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use drydock_session::{Session, SessionConfig};
use drydock_vfs::{ImportEntry, Tree};

fn check(
    entrypoint: &str,
    cmd: &str,
    args: &str,
    flag: &str,
    expected: &str,
) -> Result<(), String> {
    let mut df = String::from("FROM scratch\n");
    match entrypoint {
        "shell" => df.push_str("ENTRYPOINT e 1\n"),
        "exec" => df.push_str("ENTRYPOINT [\"e\", \"1\"]\n"),
        _ => {}
    }
    match cmd {
        "shell" => df.push_str("CMD c 1\n"),
        "exec" => df.push_str("CMD [\"c\", \"1\"]\n"),
        _ => {}
    }
    let host = Tree::from_entries([ImportEntry::file("Dockerfile", df.as_str())]).unwrap();
    let mut s = Session::new(SessionConfig::default(), host);
    let b = s.line("docker build -q -t m .");
    if b.exit_code != 0 {
        return Err(format!("build failed: {}", b.text()));
    }
    let mut line = String::from("docker create");
    match flag {
        "-" => {}
        "\"\"" => line.push_str(" --entrypoint \"\""),
        f => line.push_str(&format!(" --entrypoint {f}")),
    }
    line.push_str(" m");
    if args != "-" {
        line.push(' ');
        line.push_str(args);
    }
    let c = s.line(&line);
    let got = if c.exit_code != 0 {
        let err = c.stderr();
        let msg = err
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("docker: Error response from daemon: ")
            .to_owned();
        if c.exit_code != 125 {
            return Err(format!("exit {} for an error", c.exit_code));
        }
        format!("error: {msg}")
    } else {
        let id = c.stdout().trim().to_owned();
        let i = s.line(&format!(
            "docker inspect -f '{{{{json .Path}}}} {{{{json .Args}}}}' {id}"
        ));
        let text = i.stdout();
        let Some((path, argsj)) = text.trim().split_once(' ') else {
            return Err(format!("{line}: inspect printed {:?}", i.text()));
        };
        let path: String = serde_json::from_str(path).unwrap();
        let argv: Vec<String> = serde_json::from_str(argsj).unwrap();
        let mut all = vec![path];
        all.extend(argv);
        all.join(" | ")
    };
    if got == expected {
        Ok(())
    } else {
        Err(format!("{line}\n{df}expected {expected}\n     got {got}"))
    }
}

#[test]
fn every_cell() {
    let data = include_str!("data/entrypoint-cmd.tsv");
    let mut n = 0;
    let mut failures = Vec::new();
    for (i, row) in data.lines().enumerate() {
        if row.starts_with('#') || row.starts_with("entrypoint\t") || row.is_empty() {
            continue;
        }
        let f: Vec<&str> = row.split('\t').collect();
        n += 1;
        if let Err(e) = check(f[0], f[1], f[2], f[3], f[4]) {
            failures.push(format!("line {}: {e}", i + 1));
        }
    }
    assert_eq!(n, 54);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
