//! The filesystem every shell conformance case runs over: a minimal image layout plus the
//! fixture folder `regen.py` creates on the host (keep both in sync).
#![allow(clippy::unwrap_used, clippy::expect_used)]
use drydock_shell::programs::program_marker;
use drydock_vfs::{Content, Create, LayerStack, Upper};

pub const FIXTURE_DIR: &str = "/tmp/drydock-shfix";

pub fn upper() -> Upper {
    let mut u = Upper::new(LayerStack::new());
    for d in ["/usr/bin", "/usr/sbin", "/etc", "/root", "/tmp"] {
        u.mkdir_all(d, Create::dir()).unwrap();
    }
    // merged /usr, as in Debian and Ubuntu images
    u.symlink("usr/bin", "/bin", 0, 0).unwrap();
    u.symlink("usr/sbin", "/sbin", 0, 0).unwrap();
    u.chmod("/tmp", 0o1777).unwrap();
    u.chmod("/root", 0o700).unwrap();
    for (path, prog) in [
        ("/usr/bin/sh", "sh"),
        ("/usr/bin/dash", "dash"),
        ("/usr/bin/bash", "bash"),
        ("/usr/bin/env", "env"),
    ] {
        u.write_file(
            path,
            Content::bytes(program_marker(prog)),
            Create::file().mode(0o755),
        )
        .unwrap();
    }
    u.write_file(
        "/etc/passwd",
        Content::text("root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"),
        Create::file(),
    )
    .unwrap();
    let f = FIXTURE_DIR;
    u.mkdir_all(&format!("{f}/dir/sub"), Create::dir()).unwrap();
    u.mkdir_all(&format!("{f}/empty"), Create::dir()).unwrap();
    for (name, text) in [
        ("a.txt", "alpha\n"),
        ("b.txt", "bravo\nbeta\n"),
        ("c.log", "one\ntwo\nthree\n"),
        (".hidden", "secret\n"),
        ("dir/x.txt", "x\n"),
        ("dir/y.md", "# y\n"),
        ("dir/sub/z.txt", "z\n"),
        (
            "lines.txt",
            "first line\nsecond  line\n  third\tline  \nlast\n",
        ),
        ("kv.txt", "name=drydock\nversion=1.0\nempty=\n"),
    ] {
        u.write_file(&format!("{f}/{name}"), Content::text(text), Create::file())
            .unwrap();
    }
    let scripts = [
        ("hello.sh", "#!/bin/sh\necho hello \"$@\"\nexit 3\n", 0o755),
        ("noshebang.sh", "echo no shebang $0 $#\n", 0o755),
        ("noexec.sh", "#!/bin/sh\necho never\n", 0o644),
        (
            "lib.sh",
            "greet() { echo \"hi $1\"; }\nLIBVAR=loaded\n",
            0o644,
        ),
        ("bad.sh", "#!/bin/sh\necho before\nif true; then\n", 0o755),
        ("badinterp.sh", "#!/nonexistent/interp\necho x\n", 0o755),
    ];
    for (name, text, mode) in scripts {
        u.write_file(
            &format!("{f}/{name}"),
            Content::text(text),
            Create::file().mode(mode),
        )
        .unwrap();
    }
    u.symlink("a.txt", &format!("{f}/link-to-a"), 0, 0).unwrap();
    u.symlink("missing", &format!("{f}/dangling"), 0, 0)
        .unwrap();
    u
}
