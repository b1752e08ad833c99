//! Platforms as containerd's `platforms.Parse` / `FormatAll` read and print them (`linux/amd64`,
//! `linux/arm64/v8`), enough for the platform checks and their error texts.
use drydock_syntax::words::go_quote;
use serde::Serialize;

/// An OS/architecture/variant triple, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Platform {
    pub os: String,
    pub architecture: String,
    pub variant: String,
}

const KNOWN_OS: [&str; 15] = [
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
];

const KNOWN_ARCH: [&str; 22] = [
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "ppc64",
    "ppc64le",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "wasm",
];

impl Platform {
    pub fn new(os: &str, architecture: &str, variant: &str) -> Self {
        Self {
            os: os.to_owned(),
            architecture: architecture.to_owned(),
            variant: variant.to_owned(),
        }
    }

    /// `linux/amd64`, Drydock's default target platform.
    pub fn linux_amd64() -> Self {
        Self::new("linux", "amd64", "")
    }

    /// `platforms.FormatAll(platforms.Normalize(p))`: `os/arch[/variant]` (`linux/arm64`, whose
    /// default variant `v8` is dropped).
    pub fn format(&self) -> String {
        let (_, variant) = normalize_arch(&self.architecture, &self.variant);
        if variant.is_empty() {
            format!("{}/{}", self.os, self.architecture)
        } else {
            format!("{}/{}/{variant}", self.os, self.architecture)
        }
    }

    /// containerd's `platforms.Parse`, on a Linux amd64 host.
    pub fn parse(specifier: &str) -> Result<Platform, String> {
        if specifier.contains('*') {
            return Err("wildcards not yet supported: not implemented".to_owned());
        }
        let parts: Vec<&str> = specifier.split('/').collect();
        for part in &parts {
            let ok = !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
            if !ok {
                return Err(format!(
                    "{} is an invalid component of {}: platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument",
                    go_quote(part),
                    go_quote(specifier)
                ));
            }
        }
        match parts.as_slice() {
            [one] => {
                let os = normalize_os(one);
                if KNOWN_OS.contains(&os.as_str()) {
                    return Ok(Platform::new(&os, "amd64", ""));
                }
                let (arch, mut variant) = normalize_arch(one, "");
                if arch == "arm" && variant == "v7" {
                    variant.clear();
                }
                if KNOWN_ARCH.contains(&arch.as_str()) {
                    return Ok(Platform::new("linux", &arch, &variant));
                }
                Err(format!(
                    "{}: unknown operating system or architecture: invalid argument",
                    go_quote(specifier)
                ))
            }
            [os, arch] => Ok(two_or_three(os, arch, "")),
            [os, arch, variant] => Ok(two_or_three(os, arch, variant)),
            _ => Err(format!(
                "{}: cannot parse platform specifier: invalid argument",
                go_quote(specifier)
            )),
        }
    }
}

fn two_or_three(os: &str, arch: &str, variant: &str) -> Platform {
    let (arch, mut variant) = normalize_arch(arch, variant);
    if arch == "arm64" && variant.is_empty() {
        variant = "v8".to_owned();
    }
    Platform {
        os: normalize_os(os),
        architecture: arch,
        variant,
    }
}

fn normalize_os(os: &str) -> String {
    let os = os.to_ascii_lowercase();
    if os == "macos" {
        "darwin".to_owned()
    } else {
        os
    }
}

fn normalize_arch(arch: &str, variant: &str) -> (String, String) {
    let arch = arch.to_ascii_lowercase();
    let variant = variant.to_ascii_lowercase();
    let (a, v): (&str, String) = match arch.as_str() {
        "i386" => ("386", String::new()),
        "x86_64" | "x86-64" | "amd64" => (
            "amd64",
            if variant == "v1" {
                String::new()
            } else {
                variant
            },
        ),
        "aarch64" | "arm64" => (
            "arm64",
            match variant.as_str() {
                "8" | "v8" | "v8.0" => String::new(),
                _ => variant,
            },
        ),
        "armhf" => ("arm", "v7".to_owned()),
        "armel" => ("arm", "v6".to_owned()),
        "arm" => (
            "arm",
            match variant.as_str() {
                "" | "7" => "v7".to_owned(),
                "5" | "6" | "8" => format!("v{variant}"),
                _ => variant,
            },
        ),
        other => return (other.to_owned(), variant),
    };
    (a.to_owned(), v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_containerd() {
        assert_eq!(
            Platform::parse("linux/amd64").unwrap().format(),
            "linux/amd64"
        );
        assert_eq!(
            Platform::parse("linux/arm64").unwrap().format(),
            "linux/arm64"
        );
        assert_eq!(Platform::parse("linux/arm64").unwrap().variant, "v8");
        assert_eq!(
            Platform::parse("linux/armhf").unwrap().format(),
            "linux/arm/v7"
        );
        assert_eq!(Platform::parse("arm64").unwrap().os, "linux");
        assert!(Platform::parse("bogus").is_err());
        assert!(Platform::parse("").is_err());
        assert!(Platform::parse("a/b/c/d").is_err());
    }
}
