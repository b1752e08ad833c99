//! An example project's title and summary in the UI language: the core names its examples in
//! English; this table translates the ones it knows and passes any other through unchanged.
use drydock_session::examples::Example;

use crate::i18n::t;

/// The example's title.
pub fn title(e: &Example) -> &'static str {
    match e.id {
        "trainer" => t("example.trainer.title"),
        "trainer-uv" => t("example.trainer_uv.title"),
        "api" => t("example.api.title"),
        "multistage" => t("example.multistage.title"),
        "dockerignore" => t("example.dockerignore.title"),
        "broken" => t("example.broken.title"),
        _ => e.title,
    }
}

/// The example's one-line summary.
pub fn summary(e: &Example) -> &'static str {
    match e.id {
        "trainer" => t("example.trainer.summary"),
        "trainer-uv" => t("example.trainer_uv.summary"),
        "api" => t("example.api.summary"),
        "multistage" => t("example.multistage.summary"),
        "dockerignore" => t("example.dockerignore.summary"),
        "broken" => t("example.broken.summary"),
        _ => e.summary,
    }
}

#[cfg(test)]
mod tests {
    use drydock_session::examples;

    use super::*;

    #[test]
    fn english_is_the_core_text_for_every_example() {
        for e in examples::all() {
            assert_eq!(title(e), e.title, "{}", e.id);
            assert_eq!(summary(e), e.summary, "{}", e.id);
        }
    }
}
