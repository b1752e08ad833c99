//! DD013 `docker-rm-image`: a terminal hint, not a Dockerfile check — `docker rm NAME` where NAME
//! is an image. The session calls [`hint`] when the simulated daemon answers `No such container`.
use crate::meta::{Origin, Phase, RuleMeta, ShowMe};
use drydock_text::Severity;

pub static META: RuleMeta = RuleMeta {
    code: "DD013",
    name: "docker-rm-image",
    origin: Origin::Drydock,
    phase: Phase::Terminal,
    severity: Severity::Info,
    experimental: false,
    description: "docker rm removes containers; images are removed with docker rmi",
    url: "https://docs.docker.com/reference/cli/docker/image/rm/",
    hint: "Use docker rmi (or docker image rm) to remove an image.",
    explanation: "Images and containers are different things: an image is the read-only template `docker build` produces, a container is one run of it. `docker rm` only knows containers, so given an image name it answers `No such container`. `docker rmi` removes images; it refuses while a container (even a stopped one) still uses the image, so remove those containers first (`docker ps -a`).",
    fix: "`docker rmi NAME` (add -f to untag an image that containers still use; remove the containers first with `docker rm`).",
    show_me: Some(ShowMe {
        scenario: "`docker images` lists {name}; `docker rmi {name}` removes it.",
        actions: &[],
    }),
};

/// The hint shown after `docker rm NAME` when NAME is an image, not a container.
pub fn hint(name: &str) -> String {
    format!(
        "'{name}' is an image, not a container: `docker rm` removes containers. Remove the image with `docker rmi {name}` (or `docker image rm {name}`)."
    )
}
