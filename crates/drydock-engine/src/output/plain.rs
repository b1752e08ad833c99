//! BuildKit's plain progress (`--progress=plain`, what a non-terminal gets), as Docker 28 with
//! the docker driver prints it: `#0 building with …`, one block per vertex (`#N name`, status and
//! log lines, `#N DONE 0.3s` / `#N CACHED` / `#N ERROR: …`), then on failure the error-log block,
//! the check warnings summary, the Dockerfile excerpt (BuildKit's `errdefs.Source.Print`) and
//! `ERROR: failed to build: …`; on success the summary last.
use crate::trace::{BuildTrace, VertexLine, VertexStatus};

/// Seconds with one decimal (`%.1f`).
fn secs(ms: i64) -> String {
    format!("{:.1}", ms as f64 / 1000.0)
}

/// A log line's time prefix: 3 decimals under 10 s, 2 under 100 s, else 1.
fn log_time(ms: i64) -> String {
    let s = ms as f64 / 1000.0;
    if s < 10.0 {
        format!("{s:.3}")
    } else if s < 100.0 {
        format!("{s:.2}")
    } else {
        format!("{s:.1}")
    }
}

/// The whole console output of `docker build --progress=plain` (what goes to stderr).
pub fn render(trace: &BuildTrace) -> String {
    let mut out = String::from("#0 building with \"default\" instance using docker driver\n");
    for v in &trace.vertices {
        out.push('\n');
        out.push_str(&format!("#{} {}\n", v.index, v.name));
        for l in &v.lines {
            match l {
                VertexLine::Status { text } => out.push_str(&format!("#{} {text}\n", v.index)),
                VertexLine::Log { at_ms, text, .. } => {
                    out.push_str(&format!("#{} {} {text}\n", v.index, log_time(*at_ms)));
                }
            }
        }
        match &v.status {
            VertexStatus::Done { ms } => {
                out.push_str(&format!("#{} DONE {}s\n", v.index, secs(*ms)))
            }
            VertexStatus::Cached => out.push_str(&format!("#{} CACHED\n", v.index)),
            VertexStatus::Error { message } => {
                out.push_str(&format!("#{} ERROR: {message}\n", v.index));
            }
        }
    }
    // buildx prints the check summary when the progress closes: after the error logs, before
    // the error itself.
    let summary = drydock_lint::present::summary(&trace.checks);
    if let Err(f) = &trace.outcome {
        if let Some(vi) = f.vertex
            && let Some(v) = trace.vertices.iter().find(|v| v.index == vi)
        {
            out.push_str("------\n");
            out.push_str(&format!(" > {}:\n", v.name));
            let logs: Vec<&VertexLine> = v
                .lines
                .iter()
                .filter(|l| matches!(l, VertexLine::Log { .. }))
                .collect();
            for l in logs.iter().skip(logs.len().saturating_sub(10)) {
                if let VertexLine::Log { at_ms, text, .. } = l {
                    out.push_str(&format!("{} {text}\n", log_time(*at_ms)));
                }
            }
            out.push_str("------\n");
        }
        out.push_str(&summary);
        if let Some(loc) = &f.location {
            out.push_str(&excerpt(
                &trace.dockerfile_name,
                &trace.dockerfile,
                loc.start_line,
                loc.end_line,
            ));
        }
        out.push_str(&format!("ERROR: failed to build: {}\n", f.message));
    } else {
        out.push_str(&summary);
    }
    out
}

/// BuildKit's `Source.Print`: `Dockerfile:N`, a ruler, the lines with `>>>` marks and up to two
/// lines of context (one for a multi-line range), a ruler.
pub fn excerpt(name: &str, text: &str, start: u32, end: u32) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let n = lines.len();
    let (s0, e0) = (start as usize, (end.max(start)) as usize);
    if s0 < 1 || s0 > n {
        return String::new();
    }
    let mut s = s0;
    let mut e = e0.min(n);
    let pad = if e == s { 4 } else { 2 };
    let mut p = 0;
    while p < pad {
        if s > 1 {
            s -= 1;
            p += 1;
        }
        if e != n {
            e += 1;
            p += 1;
        }
        p += 1;
    }
    let mut out = format!("{name}:{s0}\n--------------------\n");
    for i in s..=e {
        let mark = if i >= s0 && i <= e0 { ">>>" } else { "   " };
        let line = lines.get(i - 1).copied().unwrap_or("");
        out.push_str(&format!(" {i:>3} | {mark} {line}\n"));
    }
    out.push_str("--------------------\n");
    out
}

/// `docker build -q`: the image id on stdout.
pub fn quiet(trace: &BuildTrace) -> Option<String> {
    trace.image_id().map(|id| format!("{id}\n"))
}
