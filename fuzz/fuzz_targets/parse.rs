//! Fuzz target `parse`: any bytes (read as UTF-8, lossily) parse without panicking, keep every
//! span inside the text on char boundaries, and dump.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parse = drydock_syntax::parse(&text);
    if let Err(e) = parse.validate() {
        panic!("invariant broken: {e}");
    }
    let _ = parse.dump();
    let _ = parse.buildkit_error();
    for d in &parse.diagnostics {
        let _ = parse.docker_message(d);
    }
});
