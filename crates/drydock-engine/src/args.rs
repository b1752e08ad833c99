//! ARG/ENV scoping: the build environment as an ordered list (BuildKit's `llb.EnvList`:
//! setting a name moves it to the end), the predefined platform args, the meta (global) ARGs
//! before the first FROM, and proxy build args.
use drydock_syntax::words::{Env, Lexer};
use std::collections::BTreeMap;

/// An ordered environment; setting a name removes the old entry and appends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvList(pub Vec<(String, String)>);

impl EnvList {
    pub fn set(&mut self, k: &str, v: &str) {
        self.0.retain(|(ek, _)| ek != k);
        self.0.push((k.to_owned(), v.to_owned()));
    }

    pub fn get(&self, k: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(ek, _)| ek == k)
            .map(|(_, v)| v.as_str())
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
}

impl Env for EnvList {
    fn get(&self, name: &str) -> Option<&str> {
        EnvList::get(self, name)
    }
}

/// Names whose build args reach RUN without an ARG line (any case).
pub const PROXY_ARGS: [&str; 5] = [
    "http_proxy",
    "https_proxy",
    "ftp_proxy",
    "no_proxy",
    "all_proxy",
];

/// Whether `name` is a proxy build arg.
pub fn is_proxy(name: &str) -> bool {
    PROXY_ARGS.iter().any(|p| p.eq_ignore_ascii_case(name))
}

/// Whether `k` is one of BuildKit's automatic platform args (`TARGETPLATFORM`, `BUILDARCH`, …).
pub fn is_predefined(k: &str) -> bool {
    matches!(
        k,
        "BUILDPLATFORM"
            | "BUILDOS"
            | "BUILDOSVERSION"
            | "BUILDARCH"
            | "BUILDVARIANT"
            | "TARGETPLATFORM"
            | "TARGETOS"
            | "TARGETOSVERSION"
            | "TARGETARCH"
            | "TARGETVARIANT"
            | "TARGETSTAGE"
    )
}

/// The proxy variables a RUN gets from the build args (upper- and lower-case forms).
pub fn proxy_env(build_args: &BTreeMap<String, String>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for p in PROXY_ARGS {
        if let Some((_, v)) = build_args.iter().find(|(k, _)| k.eq_ignore_ascii_case(p)) {
            out.push((p.to_ascii_uppercase(), v.clone()));
            out.push((p.to_owned(), v.clone()));
        }
    }
    out
}

/// BuildKit's `defaultArgs`: the predefined platform args and TARGETSTAGE.
pub fn default_args(
    os: &str,
    arch: &str,
    overrides: &BTreeMap<String, String>,
    target: &str,
) -> EnvList {
    let platform = format!("{os}/{arch}");
    let pairs = [
        ("BUILDPLATFORM", platform.as_str()),
        ("BUILDOS", os),
        ("BUILDOSVERSION", ""),
        ("BUILDARCH", arch),
        ("BUILDVARIANT", ""),
        ("TARGETPLATFORM", platform.as_str()),
        ("TARGETOS", os),
        ("TARGETOSVERSION", ""),
        ("TARGETARCH", arch),
        ("TARGETVARIANT", ""),
        ("TARGETSTAGE", target),
    ];
    let mut env = EnvList::default();
    for (k, v) in pairs {
        match overrides.get(k) {
            Some(o) => env.set(k, o),
            None => env.set(k, v),
        }
    }
    env
}

/// One meta ARG as evaluated (`None`: declared without a value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaArg {
    pub key: String,
    pub value: Option<String>,
}

/// BuildKit's `buildMetaArgs`: evaluates the ARGs before the first FROM in order; a build arg
/// overrides the default (which is then never evaluated).
pub fn build_meta_args(
    mut globals: EnvList,
    lexer: &Lexer,
    args: &[(String, Option<String>)],
    build_args: &BTreeMap<String, String>,
) -> Result<(EnvList, Vec<MetaArg>), String> {
    let mut all = Vec::new();
    for (key, default) in args {
        let value = if let Some(v) = build_args.get(key) {
            Some(v.clone())
        } else if let Some(d) = default {
            Some(
                lexer
                    .process_word(d, &globals)
                    .map_err(|e| e.to_string())?
                    .value
                    .into_owned(),
            )
        } else {
            None
        };
        if let Some(v) = &value {
            globals.set(key, v);
        }
        all.push(MetaArg {
            key: key.clone(),
            value,
        });
    }
    Ok((globals, all))
}
