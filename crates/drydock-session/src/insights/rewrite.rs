//! Suggested Dockerfile rewrites for the common size mistakes, as text edits over the build
//! trace's instruction spans: merge a cleanup RUN into the RUN that made the mess, delete the apt
//! lists in the RUN that downloaded them, and `pip install --no-cache-dir`. Each suggestion
//! carries the bytes it is predicted to save; `size.rs` verifies it by building it.
use drydock_engine::{BuildTrace, Step};
use serde::Serialize;

use crate::insights::waste::{Live, WasteRow};

/// A rewritten Dockerfile and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub title: String,
    pub explanation: String,
    pub dockerfile: String,
    pub predicted_bytes: u64,
}

/// One line of a line diff: `' '` kept, `'-'` removed, `'+'` added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    pub op: char,
    pub text: String,
}

fn is_run(s: &Step) -> bool {
    s.text.starts_with("RUN ")
}

fn slice<'a>(src: &'a str, s: &Step) -> &'a str {
    src.get(s.span.start as usize..s.span.end as usize)
        .unwrap_or("")
}

/// The shell command of a shell-form RUN (`None` for exec form, heredocs or flags).
fn shell_command(src: &str, s: &Step) -> Option<String> {
    let text = slice(src, s);
    let rest = text.get(3..)?.trim_start();
    if !text.get(..3)?.eq_ignore_ascii_case("RUN")
        || rest.starts_with('[')
        || rest.starts_with("--")
        || rest.contains("<<")
    {
        return None;
    }
    Some(rest.to_owned())
}

/// `src` with the byte ranges replaced (ranges sorted, not overlapping).
fn splice(src: &str, mut edits: Vec<(usize, usize, String)>) -> String {
    drydock_text::sort::sort_by_key(&mut edits, |e| e.0);
    let mut out = String::new();
    let mut at = 0;
    for (start, end, text) in edits {
        out.push_str(src.get(at..start).unwrap_or(""));
        out.push_str(&text);
        at = end;
    }
    out.push_str(src.get(at..).unwrap_or(""));
    out
}

/// The end of a step's line, its newline included (to delete the whole instruction).
fn line_end(src: &str, end: usize) -> usize {
    match src.get(end..).and_then(|r| r.find('\n')) {
        Some(i) => end + i + 1,
        None => src.len(),
    }
}

/// Suggestions for a trace whose target-stage steps are `steps` (indexes into `trace.steps`,
/// parallel to the layers `rows` and `live` refer to).
pub fn suggest(
    trace: &BuildTrace,
    steps: &[usize],
    rows: &[WasteRow],
    live: &Live,
) -> Vec<Suggestion> {
    let src: &str = &trace.dockerfile;
    let step = |i: usize| steps.get(i).and_then(|s| trace.steps.get(*s));
    let mut out = Vec::new();
    // 1. a later RUN deletes what an earlier RUN created: do both in one RUN
    let mut seen = Vec::new();
    for r in rows.iter().filter(|r| r.how == "deleted") {
        let (Some(a), Some(b)) = (step(r.added_by), step(r.removed_by)) else {
            continue;
        };
        if !is_run(a) || !is_run(b) || seen.contains(&(r.added_by, r.removed_by)) {
            continue;
        }
        let (Some(_), Some(cmd)) = (shell_command(src, a), shell_command(src, b)) else {
            continue;
        };
        seen.push((r.added_by, r.removed_by));
        let bytes: u64 = rows
            .iter()
            .filter(|x| x.added_by == r.added_by && x.removed_by == r.removed_by)
            .map(|x| x.bytes)
            .sum();
        let merged = format!("{} && \\\n    {cmd}", slice(src, a));
        let edits = vec![
            (a.span.start as usize, a.span.end as usize, merged),
            (
                b.span.start as usize,
                line_end(src, b.span.end as usize),
                String::new(),
            ),
        ];
        out.push(Suggestion {
            title: format!("Merge line {} into line {}", b.line, a.line),
            explanation: format!(
                "Line {} deletes {} that line {} created, but the bytes stay in line {}'s layer. Deleting them in the same RUN keeps them out of every layer.",
                b.line, r.path, a.line, a.line
            ),
            dockerfile: splice(src, edits),
            predicted_bytes: bytes,
        });
    }
    // 2. files that should not be in the image at all, created by a RUN
    let patterns: [(&str, &str); 2] = [
        ("/var/lib/apt/lists/", "apt lists"),
        ("/root/.cache/pip/", "pip cache"),
    ];
    for (prefix, what) in patterns {
        let mut by_step: Vec<(usize, u64)> = Vec::new();
        for (path, (layer, size)) in live.range(prefix.to_owned()..) {
            if !path.starts_with(prefix) {
                break;
            }
            match by_step.iter_mut().find(|(l, _)| l == layer) {
                Some(e) => e.1 += size,
                None => by_step.push((*layer, *size)),
            }
        }
        for (layer, bytes) in by_step {
            let Some(s) = step(layer).filter(|s| is_run(s)) else {
                continue;
            };
            if shell_command(src, s).is_none() || bytes < 4096 {
                continue;
            }
            let text = slice(src, s);
            let (title, new) = if what == "pip cache" {
                if !text.contains("pip install") {
                    continue;
                }
                (
                    format!("pip install --no-cache-dir on line {}", s.line),
                    text.replacen("pip install", "pip install --no-cache-dir", 1),
                )
            } else {
                (
                    format!("Delete the apt lists on line {}", s.line),
                    format!("{text} && \\\n    rm -rf /var/lib/apt/lists/*"),
                )
            };
            out.push(Suggestion {
                title,
                explanation: format!(
                    "Line {} leaves the {what} ({}) in its layer; the image never needs them.",
                    s.line,
                    prefix.trim_end_matches('/')
                ),
                dockerfile: splice(src, vec![(s.span.start as usize, s.span.end as usize, new)]),
                predicted_bytes: bytes,
            });
        }
    }
    drydock_text::sort::sort_by_key(&mut out, |s| std::cmp::Reverse(s.predicted_bytes));
    out
}

/// A line diff (longest common subsequence; Dockerfiles are small).
pub fn line_diff(before: &str, after: &str) -> Vec<DiffLine> {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let (n, m) = (a.len(), b.len());
    if n.saturating_mul(m) > 1_000_000 {
        return Vec::new();
    }
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let v = if a.get(i) == b.get(j) {
                t.get(i + 1)
                    .and_then(|r| r.get(j + 1))
                    .copied()
                    .unwrap_or(0)
                    + 1
            } else {
                let down = t.get(i + 1).and_then(|r| r.get(j)).copied().unwrap_or(0);
                let right = t.get(i).and_then(|r| r.get(j + 1)).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(c) = t.get_mut(i).and_then(|r| r.get_mut(j)) {
                *c = v;
            }
        }
    }
    let at = |i: usize, j: usize| t.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0);
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        let (x, y) = (a.get(i), b.get(j));
        if x.is_some() && x == y {
            out.push(DiffLine {
                op: ' ',
                text: (*x.unwrap_or(&"")).to_owned(),
            });
            i += 1;
            j += 1;
        } else if j < m && (i >= n || at(i, j + 1) >= at(i + 1, j)) {
            out.push(DiffLine {
                op: '+',
                text: (*y.unwrap_or(&"")).to_owned(),
            });
            j += 1;
        } else {
            out.push(DiffLine {
                op: '-',
                text: (*x.unwrap_or(&"")).to_owned(),
            });
            i += 1;
        }
    }
    out
}
