//! DD003 `secret-file-copied`: COPY/ADD puts a credential file (`.env`, `id_rsa`, `*.pem`,
//! `kaggle.json`, `.aws/`, …) into the image, by name or through a broad `COPY . .` (facts).
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use crate::paths;
use drydock_syntax::instructions::Command;
use drydock_syntax::words::go_quote;

pub static META: RuleMeta = learner_rule!(
    "DD003", "secret-file-copied", Warning,
    description: "Credential file copied into the image",
    url: "https://docs.docker.com/build/building/secrets/",
    hint: "Keep credentials out of images: list them in .dockerignore and pass them at run time (env vars, mounted files) or as build secrets.",
    explanation: "Everything COPY puts in an image stays in its layers, even if a later RUN deletes it: anyone who can pull or run the image can read an API key file, an SSH key or a .env with passwords. `COPY . .` copies every file of the project, including hidden ones, unless .dockerignore excludes them.",
    fix: "Add the file to .dockerignore (e.g. `.env`, `*.pem`, `.aws/`), and provide it when the container runs (`docker run --env-file .env`, `-v ~/.kaggle:/root/.kaggle:ro`) or during the build with `RUN --mount=type=secret`.",
    show_me: Some(ShowMe {
        scenario: "Run `cat {path}` in a container of the image: the secret is there for anyone who has the image.",
        actions: &[Action::Build, Action::Exec { command: "cat {path}" }],
    }),
);

const EXACT: [&str; 23] = [
    ".env",
    ".envrc",
    "id_rsa",
    "id_dsa",
    "id_ecdsa",
    "id_ed25519",
    "credentials",
    "credentials.json",
    "client_secret.json",
    "client_secrets.json",
    "service_account.json",
    "service-account.json",
    "application_default_credentials.json",
    "kaggle.json",
    "token.json",
    ".netrc",
    ".git-credentials",
    ".pypirc",
    ".npmrc",
    "secrets.json",
    "secrets.yaml",
    "secrets.yml",
    "secrets.toml",
];
const SUFFIX: [&str; 8] = [
    ".pem",
    ".key",
    ".p12",
    ".pfx",
    ".jks",
    ".keystore",
    ".kdbx",
    ".ppk",
];
const DIRS: [&str; 6] = [".aws", ".ssh", ".gnupg", ".kaggle", ".azure", ".docker"];
const HARMLESS_ENV: [&str; 6] = ["example", "sample", "template", "dist", "defaults", "test"];

/// Whether a file name (base name) is a credential file.
pub fn is_secret_file(base: &str) -> bool {
    let b = base.to_ascii_lowercase();
    if let Some(rest) = b.strip_prefix(".env.") {
        return !HARMLESS_ENV.iter().any(|h| rest.contains(h));
    }
    EXACT.contains(&b.as_str())
        || SUFFIX.iter().any(|s| b.ends_with(s))
        || b.starts_with("service-account") && b.ends_with(".json")
        || b.ends_with("-credentials.json")
}

/// The credential file or directory a context path is, if any (`.aws/credentials` → `.aws`).
fn secret_of(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    for (k, p) in parts.iter().enumerate() {
        if DIRS.contains(p) {
            return Some(parts.get(..=k).map(|x| x.join("/")).unwrap_or_default());
        }
    }
    parts
        .last()
        .filter(|b| is_secret_file(b))
        .map(|_| path.to_owned())
}

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for step in &lx.model.steps {
        let Some(ins) = lx.cx.ins(step.ins) else {
            continue;
        };
        let from_context = match &ins.command {
            Some(Command::Copy(c)) => c.from.is_none(),
            Some(Command::Add(_)) => true,
            _ => false,
        };
        if !from_context {
            continue;
        }
        let dest = paths::resolve(&step.workdir, step.dest.as_deref().unwrap_or("."));
        let kw = ins.keyword.to_uppercase();
        for (span, src) in &step.sources {
            let norm = paths::clean(src.trim_start_matches('/'));
            let broad = norm == "."
                || paths::has_glob(&norm)
                || src.ends_with('/')
                || lx
                    .model
                    .context
                    .as_ref()
                    .is_some_and(|c| c.iter().any(|e| e.is_dir && e.path == norm));
            let found: Vec<(String, String)> = if broad {
                let Some(ctx) = &lx.model.context else {
                    continue;
                };
                let mut out: Vec<(String, String)> = Vec::new();
                for e in ctx {
                    let rel = if norm == "." {
                        Some(e.path.as_str())
                    } else if paths::has_glob(&norm) {
                        paths::glob_match(&norm, &e.path).then_some(e.path.as_str())
                    } else {
                        e.path.strip_prefix(&format!("{norm}/"))
                    };
                    let Some(rel) = rel else { continue };
                    if let Some(secret) = secret_of(rel)
                        && !lx.cx.facts.is_ignored(&e.path)
                        && !out.iter().any(|(s, _)| *s == secret)
                    {
                        let in_image = if paths::has_glob(&norm) {
                            format!("{dest}/{}", secret.rsplit('/').next().unwrap_or(&secret))
                        } else {
                            format!("{dest}/{secret}")
                        };
                        out.push((secret, paths::clean(&in_image)));
                    }
                }
                out
            } else {
                let base = norm.rsplit('/').next().unwrap_or(&norm);
                let ignored = lx.model.context.is_some() && lx.cx.facts.is_ignored(&norm);
                if (is_secret_file(base) || secret_of(&norm).is_some()) && !ignored {
                    let into_dir = step
                        .dest
                        .as_deref()
                        .is_some_and(|d| d.ends_with('/') || d == ".")
                        || step.sources.len() > 1;
                    let p = if into_dir {
                        format!("{dest}/{base}")
                    } else {
                        dest.clone()
                    };
                    vec![(norm.clone(), paths::clean(&p))]
                } else {
                    Vec::new()
                }
            };
            let Some((first, path)) = found.first() else {
                continue;
            };
            let names: Vec<String> = found.iter().take(3).map(|(s, _)| go_quote(s)).collect();
            let msg = if broad {
                format!(
                    "{kw} {src} puts credential files into the image: {}{}",
                    names.join(", "),
                    if found.len() > 3 { ", …" } else { "" }
                )
            } else {
                format!(
                    "{kw} puts the credential file {} into the image",
                    go_quote(first)
                )
            };
            if let Some(f) = sink.report(&META, lx.at(step.ins, *span), msg) {
                f.params = vec![("file", first.clone()), ("path", path.clone())];
            }
        }
    }
}
