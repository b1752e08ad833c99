//! A container's process from the image config and the `docker run` line, exactly as the daemon
//! merges them (moby `daemon.merge`, `mergeAndVerifyConfig`, `getEntrypointAndArgs`):
//! - `docker run IMAGE ARGS…` replaces CMD; without ARGS the image's CMD is used, but only when
//!   no `--entrypoint` was given (`--entrypoint` clears CMD);
//! - `--entrypoint ""` resets the entrypoint (then ARGS alone run);
//! - the process is ENTRYPOINT followed by CMD; shell forms were already turned into
//!   `["/bin/sh", "-c", "…"]` by the builder, so `ENTRYPOINT e 1` + `CMD c` runs
//!   `/bin/sh -c "e 1" c` (CMD words become `$0 …`, effectively ignored);
//! - nothing to run → `No command specified`.

/// Entrypoint and Cmd of the container config after the merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub entrypoint: Option<Vec<String>>,
    pub cmd: Option<Vec<String>>,
}

/// Merges the user's `--entrypoint` (`Some("")` for `--entrypoint ""`) and arguments with the
/// image's Entrypoint and Cmd.
pub fn merge(
    user_entrypoint: Option<&str>,
    user_args: &[String],
    image_entrypoint: Option<&[String]>,
    image_cmd: Option<&[String]>,
) -> Result<Merged, String> {
    let mut entrypoint: Option<Vec<String>> = user_entrypoint.map(|e| vec![e.to_owned()]);
    let mut cmd: Option<Vec<String>> = (!user_args.is_empty()).then(|| user_args.to_vec());
    if entrypoint.as_ref().is_none_or(Vec::is_empty) {
        if cmd.as_ref().is_none_or(Vec::is_empty) {
            cmd = image_cmd.map(<[String]>::to_vec);
        }
        if entrypoint.is_none() {
            entrypoint = image_entrypoint.map(<[String]>::to_vec);
        }
    }
    if entrypoint
        .as_ref()
        .is_some_and(|e| e.len() == 1 && e[0].is_empty())
    {
        entrypoint = None;
    }
    let empty = |v: &Option<Vec<String>>| v.as_ref().is_none_or(Vec::is_empty);
    if empty(&entrypoint) && empty(&cmd) {
        return Err("No command specified".to_owned());
    }
    Ok(Merged { entrypoint, cmd })
}

/// `Path` and `Args` of the process.
pub fn path_and_args(m: &Merged) -> (String, Vec<String>) {
    let ep = m.entrypoint.clone().unwrap_or_default();
    let cmd = m.cmd.clone().unwrap_or_default();
    if let Some((first, rest)) = ep.split_first() {
        let mut args = rest.to_vec();
        args.extend(cmd);
        return (first.clone(), args);
    }
    match cmd.split_first() {
        Some((first, rest)) => (first.clone(), rest.to_vec()),
        None => (String::new(), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn entrypoint_clears_cmd() {
        let m = merge(
            Some("sh"),
            &[],
            Some(&v(&["python"])),
            Some(&v(&["app.py"])),
        )
        .unwrap();
        assert_eq!(path_and_args(&m), ("sh".into(), vec![]));
        let m = merge(
            Some(""),
            &v(&["ls"]),
            Some(&v(&["python"])),
            Some(&v(&["x"])),
        )
        .unwrap();
        assert_eq!(path_and_args(&m), ("ls".into(), vec![]));
        assert_eq!(
            merge(Some(""), &[], Some(&v(&["python"])), Some(&v(&["x"]))),
            Err("No command specified".into())
        );
        assert_eq!(
            merge(None, &[], None, None),
            Err("No command specified".into())
        );
    }
}
