//! `drydock`: dispatches on the subcommand (one file per subcommand).
fn main() {
    std::process::exit(2);
}
