//! Build benchmark: rebuilding the course recipe with one source file changed (goal ≤ 2 ms
//! native), and the memory of keeping 1,000 build traces of it (goal ≤ 50 MB), measured with
//! drydock-vfs's `memory_stats` over every snapshot the traces hold plus their other data.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common_recipe.rs"]
mod common_recipe;

use std::time::Instant;

use drydock_engine::{BuildRequest, BuildTrace, Engine, EngineConfig, VertexLine};

fn trace_bytes(t: &BuildTrace) -> usize {
    let mut n = std::mem::size_of::<BuildTrace>();
    for v in &t.vertices {
        n += std::mem::size_of_val(v) + v.name.len();
        for l in &v.lines {
            n += std::mem::size_of_val(l)
                + match l {
                    VertexLine::Status { text } | VertexLine::Log { text, .. } => text.len(),
                };
        }
    }
    for s in &t.steps {
        n += std::mem::size_of_val(s) + s.text.len() + s.workdir.len() + s.user.len();
        n += s.env.iter().map(|e| e.len() + 24).sum::<usize>();
    }
    n
}

fn main() {
    let mut engine = Engine::new(EngineConfig::default());
    let first = engine.build(BuildRequest::new(common_recipe::context("print(0)\n")));
    assert!(first.outcome.is_ok());
    let rounds = 200;
    let mut total = std::time::Duration::ZERO;
    for i in 0..rounds {
        let ctx = common_recipe::context(&format!("print({})\n", i + 1));
        let start = Instant::now();
        let t = engine.build(BuildRequest::new(ctx));
        total += start.elapsed();
        assert!(t.outcome.is_ok());
    }
    let per = total / rounds;
    println!(
        "bench rebuild_one_file_changed: {:.3} ms/build (goal <= 2 ms)",
        per.as_secs_f64() * 1e3
    );

    let mut traces = Vec::with_capacity(1000);
    for i in 0..1000 {
        let ctx = common_recipe::context(&format!("print({})\n", i % 7));
        traces.push(engine.build(BuildRequest::new(ctx)));
    }
    let trees: Vec<&drydock_vfs::Tree> = traces
        .iter()
        .flat_map(|t| t.steps.iter().flat_map(|s| [&s.before.0, &s.after.0]))
        .collect();
    let fs = drydock_vfs::memory_stats(trees).total();
    let other: usize = traces.iter().map(trace_bytes).sum();
    println!(
        "bench memory_1000_traces: {:.1} MB (snapshots {:.1} MB + trace data {:.1} MB; goal <= 50 MB)",
        (fs + other) as f64 / 1e6,
        fs as f64 / 1e6,
        other as f64 / 1e6
    );
}
