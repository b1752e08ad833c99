//! The lifecycle strip's container summary: how many containers are running, exited or only
//! created, from the session's container list.
use drydock_session::view::lists::ContainerView;

use crate::i18n::t;

/// Counts by state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub running: usize,
    pub exited: usize,
    pub created: usize,
}

impl Counts {
    pub fn of(containers: &[ContainerView]) -> Self {
        let mut c = Counts::default();
        for x in containers {
            match x.state.as_str() {
                "running" => c.running += 1,
                "created" => c.created += 1,
                _ => c.exited += 1,
            }
        }
        c
    }

    pub fn total(self) -> usize {
        self.running + self.exited + self.created
    }

    /// `none`, `1 running · 2 exited`, `1 created` …
    pub fn text(self) -> String {
        let parts: Vec<String> = [
            (self.running, t("counts.running")),
            (self.exited, t("counts.exited")),
            (self.created, t("counts.created")),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| format!("{n} {w}"))
        .collect();
        if parts.is_empty() {
            t("counts.none").to_owned()
        } else {
            parts.join(" · ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(states: &[&str], want: &str) {
        let views: Vec<ContainerView> = states
            .iter()
            .map(|s| ContainerView {
                id: String::new(),
                short_id: String::new(),
                name: String::new(),
                image: String::new(),
                image_id: String::new(),
                command: String::new(),
                state: (*s).to_owned(),
                status: String::new(),
                exit_code: None,
                ports: String::new(),
                created_ms: 0,
                created_since: String::new(),
            })
            .collect();
        let c = Counts::of(&views);
        assert_eq!(c.text(), want);
        assert_eq!(c.total(), states.len());
    }

    #[test]
    fn summaries() {
        check(&[], "none");
        check(&["exited"], "1 exited");
        check(
            &["running", "exited", "exited", "created"],
            "1 running · 2 exited · 1 created",
        );
    }
}
