//! `cargo xtask …`: Drydock's automation (tool bootstrap, serve, test, dist, conformance, bench).
fn main() {
    eprintln!("xtask: not yet implemented");
    std::process::exit(2);
}
