//! Kernel-like operations on `Upper`: scripts and the expected outputs + final listing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use drydock_vfs::LayerStack;

fn check(script: &str, expected: &str) {
    let got = common::run_script(&LayerStack::new(), script);
    let expected = expected.trim_start_matches('\n');
    assert_eq!(got, expected, "script:\n{script}\n--- got:\n{got}");
}

#[test]
fn files_and_dirs() {
    check(
        "
        time 5
        mkdir -p /app/src
        write /app/src/main.py print(1)
        append /app/src/main.py !
        write /app/missing/x y
        mkdir /app
        mkdir /nope/x
        cat /app/src/main.py
        ",
        r#"
created /app
created /app/src
write /app/missing/x y: ENOENT
mkdir /app: EEXIST
mkdir /nope/x: ENOENT
print(1)!
--
d755 /app @5
d755 /app/src @5
f644 /app/src/main.py "print(1)!" @5
"#,
    );
}

#[test]
fn symlinks_resolve_like_the_kernel() {
    check(
        "
        mkdir -p /usr/lib/python3
        ln -s usr/lib /lib
        ln -s python3 /usr/lib/py
        ln -s /usr/lib/py/../../bin /bin
        write /lib/py/site.py x
        realpath /lib/py/site.py
        realpath /bin
        ln -s loop1 /loop2
        ln -s loop2 /loop1
        stat /loop1
        lstat /loop1
        ln -s /nowhere/file /dangling
        write /dangling hello
        write /dangling2/x y
        ln -s /usr/lib/py/site.py /f
        stat /f/
        ",
        r#"
created /usr
created /usr/lib
created /usr/lib/python3
/usr/lib/python3/site.py
realpath /bin: ENOENT
stat /loop1: ELOOP
lrwxrwxrwx 0:0 5
write /dangling hello: ENOENT
write /dangling2/x y: ENOENT
stat /f/: ENOTDIR
--
l777 /bin -> /usr/lib/py/../../bin
l777 /dangling -> /nowhere/file
l777 /f -> /usr/lib/py/site.py
l777 /lib -> usr/lib
l777 /loop1 -> loop2
l777 /loop2 -> loop1
d755 /usr
d755 /usr/lib
l777 /usr/lib/py -> python3
d755 /usr/lib/python3
f644 /usr/lib/python3/site.py "x"
"#,
    );
}

#[test]
fn dotdot_is_physical_after_symlinks() {
    check(
        "
        mkdir -p /a/b/c
        mkdir -p /x
        ln -s /a/b/c /x/link
        write /x/link/../f 1
        realpath /x/link/..
        realpath /x/../..
        ",
        r#"
created /a
created /a/b
created /a/b/c
created /x
/a/b
/
--
d755 /a
d755 /a/b
d755 /a/b/c
f644 /a/b/f "1"
d755 /x
l777 /x/link -> /a/b/c
"#,
    );
}

#[test]
fn remove_and_rename_rules() {
    check(
        "
        mkdir -p /d/e
        write /d/e/f 1
        write /g 2
        rmdir /d
        rm /d
        rm /g/
        mv /d /d/e/inside
        mv /g /d
        mv /d /g
        mkdir /empty
        mv /d /empty
        rm -rf /nothing/here
        rm -rf /g
        ln -s /empty /l
        rm /l
        mv /empty /moved
        diff
        ",
        r#"
created /d
created /d/e
rmdir /d: ENOTEMPTY
rm /d: EISDIR
rm /g/: ENOTDIR
mv /d /d/e/inside: EINVAL
mv /g /d: EISDIR
mv /d /g: ENOTDIR
removed: false
removed: true
A /moved
A /moved/e
A /moved/e/f
--
d755 /moved
d755 /moved/e
f644 /moved/e/f "1"
"#,
    );
}

#[test]
fn metadata_ops_and_commit() {
    check(
        "
        time 1
        mkdir -p /srv/data
        write /srv/data/a.txt a
        commit
        time 2
        chmod 4750 /srv/data/a.txt
        chown 1000:1000 /srv/data
        stat /srv/data/a.txt
        diff
        commit
        time 3
        rm -rf /srv/data
        diff
        ln /srv /hard
        touch /new
        ",
        r#"
created /srv
created /srv/data
layers: 1
-rwsr-x--- 0:0 1
C /srv
C /srv/data
C /srv/data/a.txt
layers: 2
removed: true
C /srv
D /srv/data
ln /srv /hard: EPERM
--
f644 /new "" @3
d755 /srv @3
"#,
    );
}

#[test]
fn depth_and_length_limits() {
    // The wasm main stack is 1 MiB: the deepest tree must be handled within it (debug build).
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(depth_and_length_limits_body)
        .unwrap()
        .join()
        .unwrap();
}

fn depth_and_length_limits_body() {
    use drydock_vfs::{Create, ErrorKind, Upper, tree::MAX_DEPTH};
    let mut up = Upper::new(LayerStack::new());
    let deep = "/d".repeat(MAX_DEPTH);
    assert_eq!(up.mkdir_all(&deep, Create::dir()).unwrap().len(), MAX_DEPTH);
    let err = up
        .mkdir_all(&format!("{deep}/x"), Create::dir())
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NameTooLong);
    up.mkdir_all("/a/b", Create::dir()).unwrap();
    // Moving the deep tree one level down would exceed the limit.
    let err = up.rename("/d", "/a/b/d").unwrap_err();
    assert_eq!(err.kind, ErrorKind::NameTooLong);
    assert!(up.exists("/d"));
    let long = format!("/{}", "n".repeat(256));
    assert_eq!(
        up.mkdir(&long, Create::dir()).unwrap_err().kind,
        ErrorKind::NameTooLong
    );
    let path = "/x".repeat(2100);
    assert_eq!(up.stat(&path).unwrap_err().kind, ErrorKind::NameTooLong);
    // Walking, diffing and committing the deepest tree stays within the stack.
    assert_eq!(up.changes().len(), MAX_DEPTH + 2);
    let stack = up.commit_stack();
    assert_eq!(stack.tree().count(), MAX_DEPTH + 2);
    let layer = stack.layers().last().unwrap();
    let again = drydock_vfs::Layer::from_oci_entries(layer.oci_entries()).unwrap();
    assert_eq!(again.diff_id(), layer.diff_id());
    let copy = drydock_vfs::Upper::new(stack.clone()).tree().clone();
    assert!(drydock_vfs::diff(&copy, stack.tree()).is_empty());
    let n = drydock_vfs::Node::Dir(stack.tree().root().clone());
    assert!(n.same_as(&n.clone()));
    let mut up2 = Upper::new(LayerStack::new());
    up2.copy_in(
        stack.tree(),
        "/d",
        "/e",
        &drydock_vfs::CopyOptions {
            mode: Some(0o700),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(up2.changes().len(), MAX_DEPTH);
}
