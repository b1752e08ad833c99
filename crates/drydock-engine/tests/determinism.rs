//! Same inputs → byte-identical traces and ids: two fresh engines build the course recipe (and
//! a rebuild after an edit) and their serialised traces, image ids and saved states agree; a restored
//! daemon rebuilds an image's layer stack without its cache of base stacks.
#![allow(clippy::unwrap_used)]

#[path = "common_recipe.rs"]
mod common_recipe;

use drydock_engine::output::plain;
use drydock_engine::{BuildRequest, Engine, EngineConfig};

fn run() -> (Vec<String>, Vec<String>, String) {
    let mut e = Engine::new(EngineConfig::default());
    let mut traces = Vec::new();
    let mut consoles = Vec::new();
    for train in ["print(1)\n", "print(1)\n", "print(2)\n"] {
        let mut req = BuildRequest::new(common_recipe::context(train));
        req.tags.push("trainer".into());
        let t = e.build(req);
        assert!(t.outcome.is_ok(), "{:?}", t.outcome);
        traces.push(serde_json::to_string(&t).unwrap());
        consoles.push(plain::render(&t));
    }
    let state = serde_json::to_string(e.state()).unwrap();
    (traces, consoles, state)
}

#[test]
fn builds_are_deterministic() {
    let a = run();
    let b = run();
    assert_eq!(a.0, b.0, "traces");
    assert_eq!(a.1, b.1, "consoles");
    assert_eq!(a.2, b.2, "states");
}

#[test]
fn state_round_trips() {
    let mut e = Engine::new(EngineConfig::default());
    let req = BuildRequest::new(common_recipe::context("print(1)\n"));
    let first = e.build(req.clone());
    let saved = serde_json::to_string(e.state()).unwrap();
    let state = serde_json::from_str(&saved).unwrap();
    let mut restored = Engine::with_state(EngineConfig::default(), state);
    let again = restored.build(req);
    assert_eq!(first.image_id(), again.image_id());
    assert!(
        again
            .cached_steps()
            .all(|s| s.cache == drydock_engine::CacheStatus::Hit)
    );
}

#[test]
fn stack_of_an_image_needs_no_cached_base() {
    let mut e = Engine::new(EngineConfig::default());
    let t = e.build(BuildRequest::new(common_recipe::context("print(1)\n")));
    let img = e.image(t.image_id().unwrap()).unwrap().clone();
    let saved = serde_json::to_string(e.state()).unwrap();
    let restored = Engine::with_state(
        EngineConfig::default(),
        serde_json::from_str(&saved).unwrap(),
    );
    let ids: Vec<String> = restored
        .stack_of(&img)
        .diff_ids()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(ids, img.diff_ids);
    assert_eq!(
        restored.stack_of(&img).diff_ids(),
        e.image_stack(&img).diff_ids()
    );
}
