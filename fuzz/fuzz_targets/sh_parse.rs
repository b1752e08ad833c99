//! Fuzz target for drydock-shell: the sh parser must be total (no panic, spans inside the input)
//! in both dialects, and the interpreter must stop within its limits on whatever parses.
#![no_main]

use drydock_shell::{Limits, ParseOptions, Process, Registry, Runtime, ShellConfig, parse_with};
use drydock_vfs::{Content, Create, LayerStack, Upper};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let len = u32::try_from(src.len()).unwrap_or(u32::MAX);
    for bash in [false, true] {
        let script = parse_with(src, ParseOptions { bash });
        for d in &script.diagnostics {
            assert!(d.range.start <= d.range.end && d.range.end <= len, "diagnostic span");
        }
        for c in &script.commands {
            assert!(c.span.end <= len, "list span");
        }
    }
    if src.len() > 512 {
        return;
    }
    let mut fs = Upper::new(LayerStack::new());
    let _ = fs.mkdir_all("/bin", Create::dir());
    let _ = fs.mkdir_all("/tmp", Create::dir());
    let marker = Content::bytes(drydock_shell::programs::program_marker("sh"));
    let _ = fs.write_file("/bin/sh", marker, Create::file().mode(0o755));
    let programs = Registry::with_shells();
    let limits = Limits { max_steps: 500, max_output: 1 << 14, max_depth: 20 };
    let mut rt = Runtime::new(&mut fs, &programs, ShellConfig { limits, ..ShellConfig::default() });
    let process = Process { cwd: "/tmp".into(), ..Process::default() };
    let argv = vec!["/bin/sh".to_owned(), "-c".to_owned(), src.to_owned()];
    let _ = drydock_shell::run_argv(&mut rt, &process, &argv, b"");
});
