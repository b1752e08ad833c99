//! Layers (OCI whiteouts and opaque directories), union views, origins, digests, copies.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use drydock_vfs::{
    Content, CopyOptions, ImportEntry, Layer, LayerStack, Metadata, Node, OciEntry, Tree, Upper,
};

/// Builds a layer from lines `f PATH TEXT`, `d PATH`, `l PATH TARGET` (OCI names, so
/// `.wh.x` deletes `x` and `.wh..wh..opq` makes a directory opaque).
fn layer(spec: &str) -> Layer {
    let mut entries = Vec::new();
    for line in spec.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut w = line.splitn(3, ' ');
        let (kind, path, rest) = (w.next().unwrap(), w.next().unwrap(), w.next().unwrap_or(""));
        let node = match kind {
            "f" => Node::file(Metadata::file_default(), Content::text(rest)),
            "d" => Node::dir(Metadata::dir_default()),
            "l" => Node::symlink(Metadata::symlink_default(), rest),
            _ => panic!("bad kind {kind}"),
        };
        entries.push(OciEntry {
            path: path.to_owned(),
            node,
        });
    }
    Layer::from_oci_entries(entries).unwrap()
}

/// Layers separated by `---`, lowest first; the merged listing must equal `expected`.
fn check(layers: &str, expected: &str) {
    let stack = LayerStack::from_layers(layers.split("---").map(layer));
    let got = common::listing(stack.tree());
    assert_eq!(
        got,
        expected.trim_start_matches('\n'),
        "layers:\n{layers}\n--- got:\n{got}"
    );
    // Applying each layer's OCI form again gives the same view and the same diff ids.
    let again = LayerStack::from_layers(
        stack
            .layers()
            .iter()
            .map(|l| Layer::from_oci_entries(l.oci_entries()).unwrap()),
    );
    assert_eq!(common::listing(again.tree()), got);
    assert_eq!(again.diff_ids(), stack.diff_ids());
}

#[test]
fn whiteouts_and_opaque_dirs() {
    check(
        "
        f etc/motd hi
        f etc/hosts h
        d var/cache
        f var/cache/a 1
        f var/cache/b 2
        ---
        f etc/.wh.motd
        f var/cache/.wh..wh..opq
        f var/cache/c 3
        ---
        f etc/.wh.hosts
        f etc/hosts new
        f var/.wh.cache
        ",
        r#"
d755 /etc
f644 /etc/hosts "new"
d755 /var
"#,
    );
}

#[test]
fn replacing_kinds_across_layers() {
    check(
        "
        d a
        f a/x 1
        f b 2
        ---
        f a file-now
        d b
        f b/y 3
        f b/.wh.ghost
        ",
        r#"
f644 /a "file-now"
d755 /b
f644 /b/y "3"
"#,
    );
}

#[test]
fn origin_and_sizes() {
    let stack = LayerStack::from_layers([layer("f a 12345\nf b xy"), layer("f b xyz\nl c a")]);
    let p = |s: &str| drydock_vfs::AbsPath::parse(s).unwrap();
    assert_eq!(stack.origin(&p("/a")), Some(0));
    assert_eq!(stack.origin(&p("/b")), Some(1));
    assert_eq!(stack.origin(&p("/c")), Some(1));
    assert_eq!(stack.origin(&p("/zz")), None);
    assert_eq!(stack.layers()[0].size(), 7);
    assert_eq!(stack.layers()[1].size(), 4);
    assert_eq!(stack.size(), 11);
    assert_eq!(stack.tree().total_size(), 9);
    assert_eq!(stack.read_file("/c").unwrap().as_text(), Some("12345"));
}

#[test]
fn commit_produces_minimal_layers() {
    let base = LayerStack::from_layers([layer("f etc/a 1\nf etc/b 2\nd opt/x\nf opt/x/y 3")]);
    let mut up = Upper::new(base.clone());
    up.remove_all("/opt/x").unwrap();
    up.write_file("/etc/a", "changed".into(), drydock_vfs::Create::file())
        .unwrap();
    let l = up.commit();
    let oci: Vec<String> = l.oci_entries().iter().map(|e| e.path.clone()).collect();
    assert_eq!(oci, [".", "etc", "etc/a", "opt", "opt/.wh.x"]);
    assert_eq!(l.size(), 7);
    let merged = base.push(l.clone());
    assert_eq!(common::listing(merged.tree()), common::listing(up.tree()));
    // Same changes → same diff id; empty layer → Docker's empty diff id.
    let mut up2 = Upper::new(base.clone());
    up2.write_file("/etc/a", "changed".into(), drydock_vfs::Create::file())
        .unwrap();
    up2.remove_all("/opt/x").unwrap();
    assert_eq!(up2.commit().diff_id(), l.diff_id());
    assert_eq!(
        Upper::new(base).commit().diff_id().to_string(),
        drydock_vfs::digest::EMPTY_LAYER_DIFF_ID
    );
}

#[test]
fn copy_in_merges_and_overrides() {
    let ctx = Tree::from_entries([
        ImportEntry::file("src/app.py", "print()"),
        ImportEntry::file("src/pkg/__init__.py", ""),
        ImportEntry::symlink("src/link", "app.py"),
        ImportEntry::symlink("top", "src/app.py"),
    ])
    .unwrap();
    let mut up = Upper::new(LayerStack::new());
    up.mkdir_all("/app/pkg", drydock_vfs::Create::dir())
        .unwrap();
    up.write_file("/app/keep", "k".into(), drydock_vfs::Create::file())
        .unwrap();
    up.copy_in(&ctx, "/src", "/app", &CopyOptions::default())
        .unwrap();
    let opts = CopyOptions {
        owner: Some((1000, 1000)),
        mode: Some(0o600),
        ..Default::default()
    };
    up.copy_in(&ctx, "/top", "/deep/er/f.py", &opts).unwrap();
    let err = up
        .copy_in(&ctx, "/src/app.py", "/app/pkg", &CopyOptions::default())
        .unwrap_err();
    assert_eq!(err.kind, drydock_vfs::ErrorKind::IsADirectory);
    let err = up
        .copy_in(&ctx, "/src", "/app/keep", &CopyOptions::default())
        .unwrap_err();
    assert_eq!(err.kind, drydock_vfs::ErrorKind::NotADirectory);
    assert_eq!(
        common::listing(up.tree()),
        r#"d755 /app
f644 /app/app.py "print()"
f644 /app/keep "k"
l777 /app/link -> app.py
d755 /app/pkg
f644 /app/pkg/__init__.py ""
d600 /deep 1000:1000
d600 /deep/er 1000:1000
f600 /deep/er/f.py "print()" 1000:1000
"#
    );
}

#[test]
fn json_roundtrip_and_content_digests() {
    let base = LayerStack::from_layers([layer("f etc/motd hi\nd var/cache\nf var/cache/a 1")]);
    let mut up = Upper::new(base);
    up.write_file(
        "/bin.dat",
        Content::bytes(vec![0xff, 0, 1]),
        drydock_vfs::Create::file(),
    )
    .unwrap();
    up.place(
        &Node::file(
            Metadata::file_default(),
            Content::synthetic(1 << 30, 7, Some("torch")),
        ),
        "/opt/torch.so",
        &CopyOptions::default(),
    )
    .unwrap();
    up.remove_all("/var/cache").unwrap();
    up.symlink("etc/motd", "/motd", 0, 0).unwrap();
    let stack = up.commit_stack();
    let json = serde_json::to_string(&stack).unwrap();
    let back: LayerStack = serde_json::from_str(&json).unwrap();
    assert_eq!(common::listing(back.tree()), common::listing(stack.tree()));
    assert_eq!(back.diff_ids(), stack.diff_ids());
    assert!(json.contains("\"base64\":\"/wAB\""), "{json}");
    assert!(json.contains("\"type\":\"whiteout\""), "{json}");
    assert_eq!(stack.layers()[1].size(), (1 << 30) + 3 + 8);
    // Cache digests ignore mtimes but see modes and contents.
    let node = |t: &Tree, p: &str| t.lookup(p, false).unwrap().1.to_node();
    let mut up2 = Upper::new(stack.clone());
    up2.set_now(drydock_vfs::Timestamp::from_secs(99));
    up2.touch("/etc/motd", drydock_vfs::Create::file()).unwrap();
    let d = drydock_vfs::content_tree_digest;
    assert_eq!(d(&node(up2.tree(), "/etc")), d(&node(stack.tree(), "/etc")));
    up2.chmod("/etc/motd", 0o600).unwrap();
    assert_ne!(d(&node(up2.tree(), "/etc")), d(&node(stack.tree(), "/etc")));
}
