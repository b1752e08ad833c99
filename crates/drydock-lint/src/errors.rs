//! Stable codes for the errors the conversion stops a build with (found while linting, as
//! `docker build --check` reports them), each with a learner's hint.
use drydock_text::{Diagnostic, TextRange};

/// `failed to parse check options: …`
pub const CHECK_OPTIONS: &str = "check-options";
/// `failed to process "…": …` (a word that does not expand).
pub const EXPANSION: &str = "expansion";
/// `base name (…) should not be blank`
pub const BLANK_BASE_NAME: &str = "blank-base-name";
/// `failed to parse stage name "…": invalid reference format…`
pub const INVALID_BASE_NAME: &str = "invalid-base-name";
/// `empty platform value from expression …`, `failed to parse platform …`
pub const PLATFORM: &str = "invalid-platform";
/// `target stage "…" could not be found`
pub const TARGET_NOT_FOUND: &str = "target-not-found";
/// `variable expansion is not supported for --from, …`
pub const COPY_FROM_VARIABLE: &str = "copy-from-variable";
/// `invalid stage index N`
pub const INVALID_STAGE_INDEX: &str = "invalid-stage-index";
/// `cannot copy from stage "…", it needs to be defined before current stage "…"`
pub const COPY_FROM_LATER: &str = "copy-from-later-stage";
/// `circular dependency detected on stage: …`
pub const CIRCULAR: &str = "circular-dependency";
/// EXPOSE port spec errors (`invalid containerPort: …`).
pub const EXPOSE_PORT: &str = "invalid-port";
/// `lint violation found for rules: …` (`# check=error=true`).
pub const LINT_VIOLATION: &str = "lint-violation";

/// A learner's hint per error code.
pub fn hint(code: &str) -> &'static str {
    match code {
        CHECK_OPTIONS => {
            "Write the check directive as skip=Rule1,Rule2;error=true;experimental=Rule3."
        }
        EXPANSION => "Check the ${...} syntax of the variable reference in this word.",
        BLANK_BASE_NAME => {
            "The FROM value expanded to nothing: give the ARG a default value or pass --build-arg."
        }
        INVALID_BASE_NAME => {
            "Image names are lower-case, like python:3.12-slim; tags follow a single colon."
        }
        PLATFORM => "Platforms look like linux/amd64 or linux/arm64.",
        TARGET_NOT_FOUND => "--target must name a stage declared with FROM ... AS name.",
        COPY_FROM_VARIABLE => {
            "Declare a stage with FROM $VAR AS src (global ARG) and use COPY --from=src instead."
        }
        INVALID_STAGE_INDEX => "--from=N counts FROM lines from 0; name the stage instead.",
        COPY_FROM_LATER => "Move the stage you copy from above this one.",
        CIRCULAR => "Stages cannot copy from themselves or from stages that copy from them.",
        EXPOSE_PORT => "EXPOSE takes ports like 8000 or 8000/tcp.",
        LINT_VIOLATION => {
            "The check directive says error=true: fix the warnings above or remove error=true."
        }
        _ => "",
    }
}

/// An error diagnostic with its hint.
pub fn error(code: &'static str, range: TextRange, message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(code, range, message).with_hint(hint(code))
}
