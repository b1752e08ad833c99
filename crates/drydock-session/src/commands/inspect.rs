//! `docker inspect`, `docker image inspect`, `docker container inspect`, `docker volume
//! inspect`: Docker 28's JSON (4-space indentation), `-f TEMPLATE` per object, `[]` and the
//! daemon's error when something is missing (exit 1).
use drydock_engine::output::inspect::{self as out, J};
use serde_json::Value;

use crate::cli::Invocation;
use crate::format;
use crate::output::Output;
use crate::session::Session;

/// The engine's ordered JSON as a `serde_json` value (for templates).
pub fn to_value(j: &J) -> Value {
    match j {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Num(n) => i64::try_from(*n).map_or(Value::Null, Value::from),
        J::Str(s) => Value::from(s.as_str()),
        J::Arr(a) => Value::Array(a.iter().map(to_value).collect()),
        J::Obj(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), to_value(v))).collect()),
    }
}

/// What one reference resolved to.
pub enum Found {
    Object(J),
    Missing(String),
}

/// Prints objects (or `-f` renderings) and the errors for missing ones.
pub fn print(inv: &Invocation, found: Vec<Found>) -> Output {
    let mut o = Output::new();
    let mut objects = Vec::new();
    let mut errors = Vec::new();
    for f in found {
        match f {
            Found::Object(j) => objects.push(j),
            Found::Missing(e) => errors.push(e),
        }
    }
    match inv
        .string("format")
        .filter(|f| !f.is_empty() && *f != "json")
    {
        Some(tpl) => {
            for j in &objects {
                match format::render_value(tpl, &to_value(j)) {
                    Ok(t) => o.outln(t),
                    Err(e) => return Output::error(format!("{e}\n"), 1),
                }
            }
        }
        None => o.out(out::render(&objects)),
    }
    if !errors.is_empty() {
        o.err(format!("{}\n", errors.join("\n")));
        o.exit_code = 1;
    }
    o
}

pub fn image(s: &mut Session, inv: &Invocation) -> Output {
    let found = inv
        .args()
        .iter()
        .map(|n| match s.engine.image(n) {
            Some(img) => Found::Object(out::object(&s.engine, img)),
            None => Found::Missing(format!(
                "Error response from daemon: No such image: {}",
                super::history::full(n)
            )),
        })
        .collect();
    print(inv, found)
}

/// `docker inspect`: containers first, then images, then volumes.
pub fn any(s: &mut Session, inv: &Invocation) -> Output {
    s.engine.settle();
    let ty = inv.string("type").unwrap_or("");
    let found = inv
        .args()
        .iter()
        .map(|n| {
            if (ty.is_empty() || ty == "container")
                && let Some(j) = super::container_json(s, n)
            {
                return Found::Object(j);
            }
            if (ty.is_empty() || ty == "image")
                && let Some(img) = s.engine.image(n)
            {
                return Found::Object(out::object(&s.engine, img));
            }
            if (ty.is_empty() || ty == "volume")
                && let Some(j) = super::volume_json(s, n)
            {
                return Found::Object(j);
            }
            Found::Missing(format!("Error: No such object: {n}"))
        })
        .collect();
    print(inv, found)
}

pub fn container(s: &mut Session, inv: &Invocation) -> Output {
    s.engine.settle();
    let found = inv
        .args()
        .iter()
        .map(|n| match super::container_json(s, n) {
            Some(j) => Found::Object(j),
            None => Found::Missing(format!(
                "Error response from daemon: No such container: {n}"
            )),
        })
        .collect();
    print(inv, found)
}
