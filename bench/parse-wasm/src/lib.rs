//! Benchmark harness: the parser in wasm. Node loads a corpus once (`load`), then times `run`, which
//! parses every file `iterations` times inside wasm, so string transfer is not part of the figure.
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static CORPUS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Stores one corpus file; returns the number of files loaded so far.
#[wasm_bindgen]
pub fn load(text: String) -> u32 {
    CORPUS.with(|c| {
        let mut c = c.borrow_mut();
        c.push(text);
        u32::try_from(c.len()).unwrap_or(u32::MAX)
    })
}

/// Total bytes loaded.
#[wasm_bindgen]
pub fn bytes() -> f64 {
    CORPUS.with(|c| c.borrow().iter().map(String::len).sum::<usize>() as f64)
}

/// Parses every loaded file `iterations` times (full typed tree, spans, diagnostics); returns the
/// number of instructions seen, so the work cannot be optimised away.
#[wasm_bindgen]
pub fn run(iterations: u32) -> f64 {
    CORPUS.with(|c| {
        let c = c.borrow();
        let mut n = 0usize;
        for _ in 0..iterations {
            for text in c.iter() {
                let p = drydock_syntax::parse(text);
                n += p.dockerfile.instructions.len() + p.diagnostics.len();
            }
        }
        n as f64
    })
}
