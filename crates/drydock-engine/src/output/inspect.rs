//! `docker image inspect`: Docker 28's JSON (field names and order of the Engine API's
//! `ImageInspect`), indented like the CLI prints it.
use serde_json::{Map, Value, json};

use crate::engine::Engine;
use crate::image::Image;
use crate::timefmt::rfc3339;

/// One image's inspect object.
pub fn object(engine: &Engine, img: &Image) -> Value {
    let tags: Vec<String> = engine
        .tags_of(&img.id)
        .iter()
        .map(|t| match drydock_catalog::parse_normalized_named(t) {
            Ok(r) => r.familiar(),
            Err(_) => t.clone(),
        })
        .collect();
    let mut m = Map::new();
    m.insert("Id".into(), img.id.clone().into());
    m.insert("RepoTags".into(), tags.into());
    m.insert("RepoDigests".into(), img.repo_digests.clone().into());
    m.insert("Parent".into(), "".into());
    m.insert(
        "Comment".into(),
        img.history
            .last()
            .map(|h| h.comment.clone())
            .unwrap_or_default()
            .into(),
    );
    m.insert("Created".into(), rfc3339(img.created_ms).into());
    m.insert("DockerVersion".into(), "".into());
    m.insert("Author".into(), img.author.clone().into());
    m.insert("Config".into(), img.config.to_json());
    m.insert("Architecture".into(), img.architecture.clone().into());
    m.insert("Os".into(), img.os.clone().into());
    m.insert("Size".into(), img.size().into());
    let hex = img.id.trim_start_matches("sha256:");
    let dir = |h: &str| format!("/var/lib/docker/overlay2/{}", h.get(..25).unwrap_or(h));
    let top = drydock_vfs::Digest::of(format!("{hex}/top").as_bytes()).hex();
    let lowers: Vec<String> = img
        .diff_ids
        .iter()
        .rev()
        .skip(1)
        .map(|d| format!("{}/diff", dir(d.trim_start_matches("sha256:"))))
        .collect();
    let mut data = Map::new();
    if !lowers.is_empty() {
        data.insert("LowerDir".into(), lowers.join(":").into());
    }
    data.insert("MergedDir".into(), format!("{}/merged", dir(&top)).into());
    data.insert("UpperDir".into(), format!("{}/diff", dir(&top)).into());
    data.insert("WorkDir".into(), format!("{}/work", dir(&top)).into());
    m.insert(
        "GraphDriver".into(),
        json!({"Data": data, "Name": "overlay2"}),
    );
    m.insert(
        "RootFS".into(),
        json!({"Type": "layers", "Layers": img.diff_ids}),
    );
    m.insert(
        "Metadata".into(),
        json!({"LastTagTime": img.last_tag_ms.map_or_else(|| "0001-01-01T00:00:00Z".to_owned(), rfc3339)}),
    );
    Value::Object(m)
}

/// The JSON array printed for several images (4-space indentation, as the CLI does).
pub fn render(values: &[Value]) -> String {
    let v = Value::Array(values.to_vec());
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    if serde::Serialize::serialize(&v, &mut ser).is_err() {
        return "[]\n".to_owned();
    }
    let mut s = String::from_utf8(buf).unwrap_or_default();
    s.push('\n');
    s
}
