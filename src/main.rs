//! Entry point of the web app: mounts the root component.
fn main() {
    drydock::start();
}
