//! Plain, serialisable view data of the session for front-ends: the image list, the container
//! list (state, command, ports, exit code as `docker ps` words them) and one container in detail
//! (its process, environment, mounts, logs, file changes and notes on what was simulated), and the
//! volumes. Views are computed from the engine; they never change it.
use serde::Serialize;

use drydock_engine::output::units::human_size;
use drydock_engine::timefmt::human_ago;

use crate::session::Session;

/// One image (one row per image, all its tags).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageView {
    pub id: String,
    pub short_id: String,
    /// Familiar names (`trainer:latest`); empty for a dangling image.
    pub tags: Vec<String>,
    pub size: u64,
    /// `125MB`.
    pub size_text: String,
    pub created_ms: i64,
    /// `2 minutes ago`.
    pub created_since: String,
    /// Containers created from it.
    pub containers: usize,
}

/// One container as `docker ps -a` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContainerView {
    pub id: String,
    pub short_id: String,
    pub name: String,
    /// The IMAGE column (`trainer:latest`, or the short id once that name moved).
    pub image: String,
    pub image_id: String,
    /// The COMMAND column's text without quotes (`python -u src/my_project/train.py`).
    pub command: String,
    /// `created`, `running` or `exited`.
    pub state: String,
    /// The STATUS column (`Up 3 seconds`, `Exited (1) 2 minutes ago`, `Created`).
    pub status: String,
    /// The exit code once it exited (or failed to start).
    pub exit_code: Option<i32>,
    /// The PORTS column.
    pub ports: String,
    pub created_ms: i64,
    pub created_since: String,
}

/// A mount of a container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MountView {
    /// `bind` or `volume`.
    pub kind: String,
    /// The volume name, or the host path.
    pub source: String,
    pub destination: String,
    pub read_only: bool,
}

/// One line of output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogView {
    pub at_ms: i64,
    pub stderr: bool,
    pub text: String,
}

/// A file change of the container's writable layer (`docker diff`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeView {
    /// `A`, `C` or `D`.
    pub kind: char,
    pub path: String,
}

/// One container in detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContainerDetail {
    pub summary: ContainerView,
    /// The process: `Path` followed by `Args`.
    pub argv: Vec<String>,
    pub entrypoint: Option<Vec<String>>,
    pub cmd: Option<Vec<String>>,
    /// The container's `Env` (image's merged under `-e`).
    pub env: Vec<String>,
    pub working_dir: String,
    pub user: String,
    pub mounts: Vec<MountView>,
    /// Output up to now.
    pub logs: Vec<LogView>,
    pub changes: Vec<ChangeView>,
    /// The runtime's error when it could not start.
    pub error: String,
    /// What Drydock simulated rather than ran.
    pub notes: Vec<String>,
}

/// A volume.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VolumeView {
    pub name: String,
    pub anonymous: bool,
    pub size: u64,
    /// Containers (ids) that mount it.
    pub used_by: Vec<String>,
}

impl Session {
    /// Images, newest first.
    pub fn images_view(&self) -> Vec<ImageView> {
        let e = &self.engine;
        let now = e.now_ms();
        e.images()
            .into_iter()
            .map(|img| ImageView {
                id: img.id.clone(),
                short_id: img.short_id().to_owned(),
                tags: e
                    .tags_of(&img.id)
                    .iter()
                    .map(|t| drydock_catalog::familiar_of(t))
                    .collect(),
                size: img.size(),
                size_text: human_size(img.size()),
                created_ms: img.created_ms,
                created_since: human_ago(now, img.created_ms),
                containers: e
                    .containers()
                    .iter()
                    .filter(|c| c.image_id == img.id)
                    .count(),
            })
            .collect()
    }

    fn container_summary(&self, c: &drydock_engine::container::Container) -> ContainerView {
        use crate::commands::ps;
        let now = self.engine.now_ms();
        let exited = matches!(c.state.status, drydock_engine::container::Status::Exited)
            || !c.state.error.is_empty();
        ContainerView {
            id: c.id.clone(),
            short_id: c.short_id().to_owned(),
            name: c.name.clone(),
            image: ps::image_text(self, c, true),
            image_id: c.image_id.clone(),
            command: ps::command_line(c),
            state: c.state.status.as_str().to_owned(),
            status: ps::status_text(c, now),
            exit_code: exited.then_some(c.state.exit_code),
            ports: ps::ports_text(c),
            created_ms: c.created_ms,
            created_since: human_ago(now, c.created_ms),
        }
    }

    /// Every container, newest first (as `docker ps -a`).
    pub fn containers_view(&self) -> Vec<ContainerView> {
        self.engine
            .containers()
            .into_iter()
            .map(|c| self.container_summary(c))
            .collect()
    }

    /// One container in detail (by id, name or id prefix).
    pub fn container_view(&mut self, reference: &str) -> Option<ContainerDetail> {
        let c = self.engine.find_container(reference).ok()?.clone();
        let now = self.engine.now_ms();
        let changes = self
            .engine
            .container_changes(&c.id)
            .into_iter()
            .map(|ch| ChangeView {
                kind: ch.kind.letter(),
                path: ch.path.to_string(),
            })
            .collect();
        Some(ContainerDetail {
            summary: self.container_summary(&c),
            argv: c.argv(),
            entrypoint: c.config.entrypoint.clone(),
            cmd: c.config.cmd.clone(),
            env: c.config.env.clone(),
            working_dir: c.config.working_dir.clone(),
            user: c.config.user.clone(),
            mounts: c
                .mounts
                .iter()
                .map(|m| MountView {
                    kind: m.kind.clone(),
                    source: if m.kind == "volume" {
                        m.name.clone()
                    } else {
                        m.source.clone()
                    },
                    destination: m.destination.clone(),
                    read_only: !m.rw,
                })
                .collect(),
            logs: c
                .logs
                .iter()
                .filter(|l| l.at_ms <= now)
                .map(|l| LogView {
                    at_ms: l.at_ms,
                    stderr: l.stderr,
                    text: l.text.clone(),
                })
                .collect(),
            changes,
            error: c.state.error.clone(),
            notes: c.notes.clone(),
        })
    }

    /// Volumes by name.
    pub fn volumes_view(&self) -> Vec<VolumeView> {
        self.engine
            .volumes()
            .into_iter()
            .map(|v| VolumeView {
                name: v.name.clone(),
                anonymous: v.anonymous(),
                size: v.size(),
                used_by: self.engine.volume_users(&v.name),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::{Session, SessionConfig};
    use drydock_vfs::{ImportEntry, Tree};

    #[test]
    fn views_follow_the_commands() {
        let host = Tree::from_entries([ImportEntry::file(
            "Dockerfile",
            "FROM alpine:3.20\nCMD [\"sh\", \"-c\", \"echo hi; exit 3\"]\n",
        )])
        .unwrap();
        let mut s = Session::new(SessionConfig::default(), host);
        assert_eq!(s.line("docker build -q -t t .").exit_code, 0);
        assert_eq!(s.line("docker run --name c1 t").exit_code, 3);
        let images = s.images_view();
        assert_eq!(
            images.first().map(|i| i.tags.clone()),
            Some(vec!["t:latest".to_owned()])
        );
        let cs = s.containers_view();
        let c = cs.first().unwrap();
        assert_eq!(
            (c.name.as_str(), c.exit_code, c.state.as_str()),
            ("c1", Some(3), "exited")
        );
        assert!(c.status.starts_with("Exited (3)"));
        let d = s.container_view("c1").unwrap();
        assert_eq!(d.logs.first().map(|l| l.text.as_str()), Some("hi"));
        assert_eq!(d.argv, vec!["sh", "-c", "echo hi; exit 3"]);
    }
}
