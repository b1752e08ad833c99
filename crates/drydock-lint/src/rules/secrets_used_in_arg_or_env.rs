//! `SecretsUsedInArgOrEnv`: an ARG or ENV name with an `_`-delimited part that names a secret
//! (`password`, `token`, `key`, …) and none that marks it harmless (`public`, `file`, `version`).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::words::go_quote;
use drydock_text::TextRange;

pub static META: RuleMeta = RuleMeta {
    show_me: Some(ShowMe {
        scenario: "Build, then look at the image: `env` in a container (ENV) or `docker history` (ARG) shows the value.",
        actions: &[
            Action::Build,
            Action::Exec { command: "env" },
            Action::History,
        ],
    }),
    ..buildkit_rule!(
        "SecretsUsedInArgOrEnv", "secrets-used-in-arg-or-env", Dispatch, experimental: false,
        description: "Sensitive data should not be used in the ARG or ENV commands",
        hint: "Pass secrets with RUN --mount=type=secret (build) or docker run -e (runtime), not ARG/ENV.",
        explanation: "ENV values are written into the image config: anyone who can pull the image reads them with `docker inspect`. ARG values do not reach the config, but they are recorded in the build history (`docker history`) of every RUN that follows. Either way a password or API token put there ships with the image.",
        fix: "At build time use `RUN --mount=type=secret,id=token ...` with `docker build --secret id=token,src=token.txt`; at run time pass `docker run -e API_TOKEN=...` or mount a file.",
    )
};

const DENY: [&str; 10] = [
    "apikey",
    "auth",
    "credential",
    "credentials",
    "key",
    "password",
    "pword",
    "passwd",
    "secret",
    "token",
];
const ALLOW: [&str; 3] = ["public", "file", "version"];

/// Whether `key` looks like it holds a secret (BuildKit's two regexps).
pub fn is_secret_name(key: &str) -> bool {
    let has = |list: &[&str]| {
        key.split('_')
            .any(|part| list.iter().any(|t| t.eq_ignore_ascii_case(part)))
    };
    has(&DENY) && !has(&ALLOW)
}

/// `validateNoSecretKey(instruction, key)`.
pub fn check(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    i: usize,
    instruction: &str,
    key: &str,
    span: TextRange,
) {
    if is_secret_name(key) {
        sink.report(
            &META,
            cx.at(i, span),
            format!(
                "Do not use ARG or ENV instructions for sensitive data ({instruction} {})",
                go_quote(key)
            ),
        );
    }
}
