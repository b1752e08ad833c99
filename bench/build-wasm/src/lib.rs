//! Benchmark harness: the build engine in wasm. Node calls `prepare(n)` (an engine with the course
//! recipe built once, and `n` contexts each with a different `train.py`, made outside the timed
//! part), then times `rebuild()`, which rebuilds the recipe with the next context: one source file
//! changed, exactly what the native bench (crates/drydock-engine/benches/build.rs) times.
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

use drydock_engine::{BuildRequest, Engine, EngineConfig};

#[path = "../../../crates/drydock-engine/tests/common_recipe.rs"]
mod common_recipe;

struct Bench {
    engine: Engine,
    contexts: Vec<drydock_vfs::Tree>,
    next: u64,
}

thread_local! {
    static BENCH: RefCell<Option<Bench>> = const { RefCell::new(None) };
}

/// Builds the recipe once and makes `n` contexts for the rebuilds that follow. Returns whether
/// the first build succeeded.
#[wasm_bindgen]
pub fn prepare(n: u32) -> bool {
    BENCH.with(|b| {
        let mut b = b.borrow_mut();
        let bench = b.get_or_insert_with(|| Bench {
            engine: Engine::new(EngineConfig::default()),
            contexts: Vec::new(),
            next: 0,
        });
        if bench.next == 0 {
            let first = bench
                .engine
                .build(BuildRequest::new(common_recipe::context("print(0)\n")));
            if first.outcome.is_err() {
                return false;
            }
        }
        let start = bench.next;
        bench.contexts = (0..u64::from(n))
            .rev()
            .map(|i| common_recipe::context(&format!("print({})\n", start + i + 1)))
            .collect();
        bench.next += u64::from(n);
        true
    })
}

/// Rebuilds the recipe with the next prepared context; returns the number of steps that ran
/// (not cached), or -1 when no context is left or the build failed.
#[wasm_bindgen]
pub fn rebuild() -> i32 {
    BENCH.with(|b| {
        let mut b = b.borrow_mut();
        let Some(bench) = b.as_mut() else {
            return -1;
        };
        let Some(ctx) = bench.contexts.pop() else {
            return -1;
        };
        let t = bench.engine.build(BuildRequest::new(ctx));
        if t.outcome.is_err() {
            return -1;
        }
        let ran = t
            .steps
            .iter()
            .filter(|s| matches!(s.cache, drydock_engine::CacheStatus::Miss(_)))
            .count();
        i32::try_from(ran).unwrap_or(i32::MAX)
    })
}
