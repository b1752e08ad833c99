//! Mount specifications: `-v SRC:DST[:MODE]` parsed as the daemon's Linux parser does
//! (`ParseMountRaw`: absolute source → bind, name → volume, one part → anonymous volume, modes),
//! `--mount` specs validated (`validateMountConfig`), with moby's error texts.

/// One mount as the daemon sees it before volumes are created.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MountSpec {
    /// `bind` or `volume`.
    pub kind: String,
    /// Host path (bind), volume name (empty: anonymous).
    pub source: String,
    pub target: String,
    pub readonly: bool,
    /// The `-v` mode as given (`ro`, `rw`, `z`, …).
    pub mode: String,
    /// Given with `-v` (bind sources that do not exist are created) rather than `--mount`
    /// (they are an error).
    pub from_v: bool,
}

impl MountSpec {
    /// An anonymous volume at `target` (a `VOLUME` of the image, or `-v /path`).
    pub fn anonymous(target: &str) -> Self {
        MountSpec {
            kind: "volume".to_owned(),
            target: target.to_owned(),
            from_v: true,
            ..MountSpec::default()
        }
    }
}

fn valid_mode(mode: &str) -> bool {
    if mode.is_empty() {
        return true;
    }
    let mut rw = 0;
    let mut label = 0;
    let mut prop = 0;
    let mut copy = 0;
    for m in mode.split(',') {
        match m {
            "rw" | "ro" => rw += 1,
            "z" | "Z" => label += 1,
            "shared" | "rshared" | "slave" | "rslave" | "private" | "rprivate" => prop += 1,
            "nocopy" => copy += 1,
            _ => return false,
        }
    }
    rw <= 1 && label <= 1 && prop <= 1 && copy <= 1
}

fn mount_config_error(kind: &str, msg: &str) -> String {
    format!("invalid mount config for type \"{kind}\": {msg}")
}

/// Checks a mount's target and source (`--mount`: a bind source must exist, checked later by the
/// caller who knows the host).
pub fn validate(m: &MountSpec) -> Result<(), String> {
    if m.target.is_empty() {
        return Err(mount_config_error(
            &m.kind,
            "field Target must not be empty",
        ));
    }
    if drydock_vfs::clean(&m.target) == "/" {
        return Err(mount_config_error(
            &m.kind,
            "invalid specification: destination can't be '/'",
        ));
    }
    if !m.target.starts_with('/') {
        return Err(mount_config_error(
            &m.kind,
            &format!(
                "invalid mount path: '{}' mount path must be absolute",
                m.target
            ),
        ));
    }
    match m.kind.as_str() {
        "bind" if m.source.is_empty() => {
            Err(mount_config_error("bind", "field Source must not be empty"))
        }
        "volume" if m.readonly && m.source.is_empty() => Err(mount_config_error(
            "volume",
            "must not set ReadOnly mode when using anonymous volumes",
        )),
        _ => Ok(()),
    }
}

/// `-v` spec → mount (moby `linuxParser.ParseMountRaw`).
pub fn parse_bind(raw: &str) -> Result<MountSpec, String> {
    let invalid = || format!("invalid volume specification: '{raw}'");
    if raw.is_empty() {
        return Err(invalid());
    }
    let parts: Vec<&str> = raw.split(':').collect();
    let (source, target, mode) = match parts.as_slice() {
        [t] => ("", *t, ""),
        [s, t] => {
            if valid_mode(t) {
                return Err(invalid());
            }
            (*s, *t, "")
        }
        [s, t, m] => (*s, *t, *m),
        _ => return Err(invalid()),
    };
    if !valid_mode(mode) {
        return Err(format!("invalid mode: {mode}"));
    }
    let kind = if source.starts_with('/') {
        "bind"
    } else {
        "volume"
    };
    let spec = MountSpec {
        kind: kind.to_owned(),
        source: source.to_owned(),
        target: target.to_owned(),
        readonly: mode.split(',').any(|m| m == "ro"),
        mode: mode.to_owned(),
        from_v: true,
    };
    validate(&spec).map_err(|e| format!("{}: {e}", invalid()))?;
    Ok(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_specs() {
        let m = parse_bind("/home/learner/project/models:/models/").unwrap();
        assert_eq!((m.kind.as_str(), m.target.as_str()), ("bind", "/models/"));
        let m = parse_bind("models:/models:ro").unwrap();
        assert!(m.readonly && m.kind == "volume");
        assert_eq!(parse_bind("/data").unwrap().source, "");
        assert_eq!(
            parse_bind("/data:ro"),
            Err("invalid volume specification: '/data:ro'".into())
        );
        assert_eq!(parse_bind("a:/b:xyz"), Err("invalid mode: xyz".into()));
        assert_eq!(
            parse_bind("/x:models").unwrap_err(),
            "invalid volume specification: '/x:models': invalid mount config for type \"bind\": invalid mount path: 'models' mount path must be absolute"
        );
    }
}
