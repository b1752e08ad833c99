//! `POST /containers/create`: the daemon's side of `docker create`/`docker run` — image lookup,
//! name checks and conflicts, the process (ENTRYPOINT × CMD), environment merge (user's first,
//! then the image's not overridden), working dir, exposed and published ports, mounts (`-v`,
//! `--mount`, the image's VOLUMEs as anonymous volumes) — with the daemon's error texts.
use std::collections::BTreeMap;

use drydock_vfs::{Layer, Tree};

use super::mounts::{self, MountSpec};
use super::ports::PortSpec;
use super::process;
use super::{Container, ContainerConfig, DaemonError, HostConfig, State};
use crate::engine::Engine;
use crate::volume::ANONYMOUS_LABEL;

/// What the client sends to create a container.
#[derive(Debug, Clone, Default)]
pub struct CreateSpec {
    pub name: Option<String>,
    /// The image as the user named it.
    pub image: String,
    /// Arguments after the image (they replace CMD).
    pub args: Vec<String>,
    /// `--entrypoint` (`Some("")` resets it).
    pub entrypoint: Option<String>,
    /// `-e` and `--env-file` entries in order (`KEY=VALUE`, or `KEY` alone when unset).
    pub env: Vec<String>,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub tty: bool,
    pub open_stdin: bool,
    pub attach_stdin: bool,
    pub attach_stdout: bool,
    pub attach_stderr: bool,
    /// `-v` specs as given.
    pub binds: Vec<String>,
    /// `--mount` specs, parsed by the client.
    pub mounts: Vec<MountSpec>,
    /// `-p` specs, parsed by the client.
    pub publish: Vec<PortSpec>,
    pub publish_all: bool,
    /// `--expose` ports (`8000`, `8000/udp`).
    pub expose: Vec<String>,
    pub auto_remove: bool,
    pub network: Option<String>,
    pub gpus: Option<String>,
    pub labels: BTreeMap<String, String>,
    pub restart: Option<String>,
}

pub(crate) fn valid_container_name(name: &str) -> bool {
    let n = name.strip_prefix('/').unwrap_or(name);
    let mut cs = n.chars();
    cs.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && n.chars().count() >= 2
        && cs.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// The daemon's error for a container name that breaks its rule.
pub(crate) fn invalid_name(name: &str) -> DaemonError {
    DaemonError::new(format!(
        "Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"
    ))
}

/// The daemon's text for a container name another container `id` has.
pub(crate) fn name_in_use(bare: &str, id: &str) -> String {
    format!(
        "Conflict. The container name \"/{bare}\" is already in use by container \"{id}\". You have to remove (or rename) that container to be able to reuse that name."
    )
}

/// The image's env merged under the user's (moby `merge`).
fn merge_env(user: &[String], image: &[String]) -> Vec<String> {
    if user.is_empty() {
        return image.to_vec();
    }
    let key = |e: &str| e.split_once('=').map_or(e, |(k, _)| k).to_owned();
    let mut out = user.to_vec();
    for ie in image {
        if !user.iter().any(|u| key(u) == key(ie)) {
            out.push(ie.clone());
        }
    }
    out
}

impl Engine {
    /// Creates a container; returns its id. `Err` texts are the daemon's.
    pub fn create_container(&mut self, spec: &CreateSpec) -> Result<String, DaemonError> {
        self.settle();
        let img = self.image(&spec.image).cloned().ok_or_else(|| {
            DaemonError::new(format!("No such image: {}", no_such_image_ref(&spec.image)))
        })?;
        if let Some(n) = &spec.name {
            if !valid_container_name(n) {
                return Err(invalid_name(n));
            }
            let bare = n.strip_prefix('/').unwrap_or(n);
            if let Some(c) = self.state.containers.values().find(|c| c.name == bare) {
                return Err(DaemonError::new(name_in_use(bare, &c.id)));
            }
        }
        if let Some(w) = &spec.workdir
            && !w.starts_with('/')
        {
            return Err(DaemonError::new(format!(
                "the working directory '{w}' is invalid, it needs to be an absolute path"
            )));
        }
        let merged = process::merge(
            spec.entrypoint.as_deref(),
            &spec.args,
            img.config.entrypoint.as_deref(),
            img.config.cmd.as_deref(),
        )
        .map_err(DaemonError::new)?;
        let (path, args) = process::path_and_args(&merged);

        // Mounts: -v, --mount, then the image's VOLUMEs not covered by them.
        let mut specs: Vec<MountSpec> = Vec::new();
        for b in &spec.binds {
            specs.push(mounts::parse_bind(b).map_err(DaemonError::new)?);
        }
        for m in &spec.mounts {
            mounts::validate(m).map_err(DaemonError::new)?;
            specs.push(m.clone());
        }
        for v in &img.config.volumes {
            let target = drydock_vfs::clean(v);
            if !specs
                .iter()
                .any(|s| drydock_vfs::clean(&s.target) == target)
            {
                specs.push(MountSpec::anonymous(&target));
            }
        }
        let mut points = Vec::new();
        for s in &specs {
            points.push(self.mount_point(s)?);
        }

        let id = self.next_container_id();
        let name = match &spec.name {
            Some(n) => n.strip_prefix('/').unwrap_or(n).to_owned(),
            None => self.next_container_name(),
        };
        let mut exposed = img.config.exposed_ports.clone();
        let mut bindings: BTreeMap<String, Vec<super::PortBinding>> = BTreeMap::new();
        for p in &spec.publish {
            for (port, b) in p.bindings() {
                exposed.insert(port.clone());
                bindings.entry(port).or_default().push(b);
            }
        }
        for e in &spec.expose {
            let p = if e.contains('/') {
                e.to_ascii_lowercase()
            } else {
                format!("{e}/tcp")
            };
            exposed.insert(p);
        }
        let now = self.now_ms();
        let config = ContainerConfig {
            hostname: spec
                .hostname
                .clone()
                .unwrap_or_else(|| id.get(..12).unwrap_or(&id).to_owned()),
            user: spec.user.clone().unwrap_or_else(|| img.config.user.clone()),
            exposed_ports: exposed,
            tty: spec.tty,
            open_stdin: spec.open_stdin,
            attach_stdin: spec.attach_stdin,
            attach_stdout: spec.attach_stdout,
            attach_stderr: spec.attach_stderr,
            env: merge_env(&spec.env, &img.config.env),
            cmd: merged.cmd.clone(),
            entrypoint: merged.entrypoint.clone(),
            image: spec.image.clone(),
            volumes: img.config.volumes.clone(),
            working_dir: spec
                .workdir
                .clone()
                .unwrap_or_else(|| img.config.working_dir.clone()),
            labels: {
                let mut l = img.config.labels.clone();
                l.extend(spec.labels.clone());
                l
            },
            stop_signal: img.config.stop_signal.clone(),
        };
        let host_config = HostConfig {
            binds: spec.binds.clone(),
            port_bindings: bindings,
            auto_remove: spec.auto_remove,
            network_mode: spec.network.clone().unwrap_or_else(|| "bridge".to_owned()),
            publish_all_ports: spec.publish_all,
            gpus: spec.gpus.clone(),
            restart_policy: spec.restart.clone().unwrap_or_else(|| "no".to_owned()),
        };
        let c = Container {
            id: id.clone(),
            name,
            created_ms: now,
            image_id: img.id.clone(),
            config,
            host_config,
            path,
            args,
            state: State::created(),
            layer: Layer::from_tree(&Tree::new()),
            logs: Vec::new(),
            mounts: points,
            restart_count: 0,
            ports: BTreeMap::new(),
            notes: Vec::new(),
        };
        self.state.containers.insert(id.clone(), c);
        Ok(id)
    }

    /// The mount point a spec becomes, creating the volume it needs.
    fn mount_point(&mut self, s: &MountSpec) -> Result<super::MountPoint, DaemonError> {
        let target = drydock_vfs::clean(&s.target);
        if s.kind == "bind" {
            return Ok(super::MountPoint {
                kind: "bind".to_owned(),
                name: String::new(),
                source: drydock_vfs::clean(&s.source),
                destination: target,
                rw: !s.readonly,
                mode: s.mode.clone(),
            });
        }
        let name = if s.source.is_empty() {
            let mut labels = BTreeMap::new();
            labels.insert(ANONYMOUS_LABEL.to_owned(), String::new());
            self.create_volume(None, Some(labels), None)?
        } else {
            self.create_volume(Some(&s.source), None, None)?
        };
        let source = format!("/var/lib/docker/volumes/{name}/_data");
        Ok(super::MountPoint {
            kind: "volume".to_owned(),
            name,
            source,
            destination: target,
            rw: !s.readonly,
            mode: if s.mode.is_empty() && s.from_v {
                "z".to_owned()
            } else {
                s.mode.clone()
            },
        })
    }
}

/// How the daemon names a missing image in `No such image: …` (familiar, `:latest` added).
pub fn no_such_image_ref(reference: &str) -> String {
    match drydock_catalog::parse_normalized_named(reference) {
        Ok(r) => r.tag_name_only().familiar(),
        Err(_) => reference.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_merge_keeps_user_first() {
        let u = vec!["A=1".to_owned(), "PATH=/x".to_owned()];
        let i = vec!["PATH=/usr/bin".to_owned(), "LANG=C.UTF-8".to_owned()];
        assert_eq!(merge_env(&u, &i), vec!["A=1", "PATH=/x", "LANG=C.UTF-8"]);
        assert!(valid_container_name("experiment1"));
        assert!(!valid_container_name("a"));
        assert!(!valid_container_name("-x"));
    }
}
