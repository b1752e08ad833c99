//! The bundled lesson pack (the course's Docker module), compiled in from
//! `data/lessons/NN-id.toml`, in course order.

/// Every bundled lesson as (file name, TOML text), in course order.
pub fn sources() -> &'static [(&'static str, &'static str)] {
    &SOURCES
}

macro_rules! lessons {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("../../data/lessons/", $name)))),*]
    };
}

static SOURCES: [(&str, &str); 13] = lessons![
    "01-first-dockerfile.toml",
    "02-build-and-tag.toml",
    "03-run-named.toml",
    "04-docker-cp.toml",
    "05-cache-order.toml",
    "06-volumes.toml",
    "07-run-arguments.toml",
    "08-rm-vs-rmi.toml",
    "09-api-ports.toml",
    "10-dockerignore.toml",
    "11-exec-shell.toml",
    "12-multi-stage.toml",
    "13-gpus.toml",
];

/// Every bundled lesson, loaded (a lesson that fails to load is reported by the tests).
pub fn all() -> Vec<super::Lesson> {
    SOURCES
        .iter()
        .filter_map(|(_, text)| super::load(text).ok())
        .collect()
}

/// The bundled lesson with this id.
pub fn get(id: &str) -> Option<super::Lesson> {
    all().into_iter().find(|l| l.id == id)
}
