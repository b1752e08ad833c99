//! Hints for the `docker` terminal (not Dockerfile checks): `docker rm` given an image.

/// The hint when `docker rm NAME` named an image rather than a container.
pub fn docker_rm_image_hint(name: &str) -> String {
    format!(
        "'{name}' is an image, not a container: remove images with `docker rmi {name}` (or `docker image rm {name}`)."
    )
}
