//! Corpus snapshot test (placeholder until the corpus lands).
fn main() {}
