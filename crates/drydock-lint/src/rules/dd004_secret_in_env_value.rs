//! DD004 `secret-in-env-value`: an ENV or ARG value that looks like a real credential (an API
//! token's shape, a private key) is baked into the image config or its history.
use super::secrets_used_in_arg_or_env::is_secret_name;
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::instructions::Command;
use drydock_text::TextRange;

pub static META: RuleMeta = learner_rule!(
    "DD004", "secret-in-env-value", Warning,
    description: "A credential value written into ENV or ARG",
    url: "https://docs.docker.com/build/building/secrets/",
    hint: "Never write a token into the Dockerfile: pass it at run time (docker run -e NAME=...) or as a build secret.",
    explanation: "An ENV value is stored in the image config, where `docker inspect` and every container's environment show it; an ARG value is recorded in `docker history` for the RUN steps that follow. The Dockerfile itself usually ends up in git. A real token written there is published with the image and the repository, and must be revoked.",
    fix: "Delete the value from the Dockerfile and revoke the token. Read it at run time (`docker run -e HF_TOKEN`), or at build time with `RUN --mount=type=secret,id=hf_token,env=HF_TOKEN ...`.",
    show_me: Some(ShowMe {
        scenario: "Inspect the image: the environment lists {name} with its value.",
        actions: &[Action::Build, Action::Exec { command: "env" }],
    }),
);

fn run_of(v: &str, pred: impl Fn(char) -> bool) -> usize {
    v.chars().take_while(|&c| pred(c)).count()
}

/// The kind of credential a value looks like.
pub fn token_kind(name: &str, value: &str) -> Option<&'static str> {
    let v = value.trim_matches(|c| c == '"' || c == '\'');
    let alnum = |c: char| c.is_ascii_alphanumeric();
    let tok = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if v.contains("PRIVATE KEY-----") {
        return Some("private key");
    }
    if let Some(r) = v.strip_prefix("sk-ant-") {
        return (run_of(r, tok) >= 20).then_some("Anthropic API key");
    }
    if let Some(r) = v.strip_prefix("sk-") {
        return (run_of(r, tok) >= 20).then_some("OpenAI API key");
    }
    if (v.starts_with("AKIA") || v.starts_with("ASIA"))
        && v.len() == 20
        && v.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Some("AWS access key");
    }
    for p in ["ghp_", "gho_", "ghs_", "ghu_", "github_pat_"] {
        if let Some(r) = v.strip_prefix(p) {
            return (run_of(r, tok) >= 20).then_some("GitHub token");
        }
    }
    if let Some(r) = v.strip_prefix("hf_") {
        return (run_of(r, alnum) >= 30).then_some("Hugging Face token");
    }
    if let Some(r) = v.strip_prefix("glpat-") {
        return (run_of(r, tok) >= 20).then_some("GitLab token");
    }
    if ["xoxb-", "xoxp-", "xoxa-", "xoxr-"]
        .iter()
        .any(|p| v.starts_with(p))
    {
        return Some("Slack token");
    }
    if let Some(r) = v.strip_prefix("AIza") {
        return (run_of(r, tok) >= 35).then_some("Google API key");
    }
    // A secret-looking name with a long literal value (no variable, no spaces, not a path).
    let literal = v.len() >= 16
        && !v.contains(['$', ' ', '/'])
        && v.chars().filter(|c| c.is_ascii_digit()).count() >= 2;
    (is_secret_name(name) && literal).then_some("secret")
}

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for (i, ins) in lx.cx.df().instructions.iter().enumerate() {
        let pairs: Vec<(&str, &str, TextRange, &str)> = match &ins.command {
            Some(Command::Env(e)) => e
                .pairs
                .iter()
                .map(|p| {
                    (
                        p.key.value.as_str(),
                        p.value.value.as_str(),
                        p.value.span,
                        "ENV",
                    )
                })
                .collect(),
            Some(Command::Arg(a)) => a
                .args
                .iter()
                .filter_map(|d| {
                    d.value
                        .as_ref()
                        .map(|v| (d.key.as_str(), v.as_str(), d.span, "ARG"))
                })
                .collect(),
            _ => continue,
        };
        for (name, value, span, kw) in pairs {
            let Some(kind) = token_kind(name, value) else {
                continue;
            };
            let msg = if kw == "ENV" {
                format!(
                    "{name} holds what looks like a {kind}: ENV stores it in the image config, readable by anyone with the image"
                )
            } else {
                format!(
                    "{name} holds what looks like a {kind}: ARG defaults are recorded in the image history"
                )
            };
            if let Some(f) = sink.report(&META, lx.at(i, span), msg) {
                f.params = vec![("name", name.to_owned())];
            }
        }
    }
}
