//! `drydock docker …` as a process: consecutive invocations share the state file, the working
//! directory is the host project (bind mounts and `docker cp` write to disk, a bind source
//! outside it is refused), and exit statuses are docker's.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn docker(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_drydock"))
        .arg("docker")
        .args(args)
        .current_dir(dir)
        .env_remove("DRYDOCK_STATE")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn project(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("drydock-cli-docker-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Dockerfile"),
        "FROM alpine:3.20\nWORKDIR /app\nCOPY src/ src/\nCMD [\"sh\", \"-c\", \"mkdir -p /models && echo weights > /models/model.pt && echo trained\"]\n",
    )
    .unwrap();
    std::fs::write(dir.join("src/app.txt"), "hello\n").unwrap();
    dir
}

#[test]
fn a_session_of_commands_on_a_real_folder() {
    let dir = project("session");
    let b = docker(&dir, &["build", "-q", "-t", "trainer", "."]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert!(b.stdout.starts_with("sha256:"));

    let r = docker(&dir, &["run", "--name", "experiment1", "trainer"]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "trained\n"),
        "{}",
        r.stderr
    );

    let cp = docker(&dir, &["cp", "experiment1:/models/model.pt", "."]);
    assert_eq!(cp.code, 0, "{}", cp.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("model.pt")).unwrap(),
        "weights\n"
    );
    assert_eq!(
        cp.stderr,
        format!("Successfully copied 2.05kB to {}\n", dir.to_string_lossy())
    );

    let v = format!("{}/models:/models/", dir.to_string_lossy());
    let m = docker(&dir, &["run", "--rm", "-v", &v, "trainer"]);
    assert_eq!(m.code, 0, "{}", m.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("models/model.pt")).unwrap(),
        "weights\n"
    );

    let ps = docker(&dir, &["ps", "-a", "--format", "{{.Names}} {{.Status}}"]);
    assert!(
        ps.stdout.starts_with("experiment1 Exited (0)"),
        "{}",
        ps.stdout
    );

    let outside = docker(&dir, &["run", "--rm", "-v", "/etc:/x", "trainer"]);
    assert_eq!(outside.code, 125);
    assert!(
        outside.stderr.contains("outside the project folder"),
        "{}",
        outside.stderr
    );

    let fail = docker(&dir, &["run", "trainer", "sh", "-c", "exit 7"]);
    assert_eq!(fail.code, 7);

    let tty = docker(&dir, &["run", "-it", "trainer", "sh"]);
    assert_eq!(
        (tty.code, tty.stderr.as_str()),
        (1, "the input device is not a TTY\n")
    );

    let unknown = docker(&dir, &["foo"]);
    assert_eq!(unknown.code, 1);
    assert!(dir.join(".drydock/state.json").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stdin_goes_to_run_i() {
    let dir = project("stdin");
    assert_eq!(docker(&dir, &["build", "-q", "-t", "t", "."]).code, 0);
    let out = Command::new(env!("CARGO_BIN_EXE_drydock"))
        .args(["docker", "run", "-i", "--rm", "t", "sh"])
        .current_dir(&dir)
        .env_remove("DRYDOCK_STATE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(b"ls src\n")?;
            c.wait_with_output()
        })
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "app.txt\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn build_flags_in_any_order_and_images_in_later_processes() {
    let dir = project("build-flags");
    std::fs::create_dir_all(dir.join("docker")).unwrap();
    std::fs::write(
        dir.join("docker/Build.dockerfile"),
        "FROM alpine:3.20 AS deps\nARG VERSION=1\nRUN echo building $VERSION > /v.txt\n\
         FROM deps AS final\nWORKDIR /app\nCOPY src/ src/\nCMD [\"cat\", \"/v.txt\"]\n\
         FROM final AS extra\nRUN echo extra\n",
    )
    .unwrap();
    let b = docker(
        &dir,
        &[
            "build",
            "--progress",
            "plain",
            "--build-arg",
            "VERSION=7",
            ".",
            "-t",
            "trainer:v1",
            "--target",
            "final",
            "--no-cache",
            "-f",
            "docker/Build.dockerfile",
        ],
    );
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert!(b.stdout.is_empty(), "{}", b.stdout);
    for want in [
        "#1 [internal] load build definition from Build.dockerfile",
        "[deps 2/2] RUN echo building 7 > /v.txt",
        "[final 2/2] COPY src/ src/",
        "naming to docker.io/library/trainer:v1 done",
    ] {
        assert!(b.stderr.contains(want), "missing {want:?} in\n{}", b.stderr);
    }
    assert!(!b.stderr.contains("RUN echo extra"), "{}", b.stderr);

    let images = docker(&dir, &["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    assert_eq!((images.code, images.stdout.as_str()), (0, "trainer:v1\n"));

    let h = docker(&dir, &["history", "trainer:v1"]);
    assert_eq!(h.code, 0, "{}", h.stderr);
    let lines: Vec<&str> = h.stdout.lines().collect();
    assert!(
        lines[0].starts_with("IMAGE          CREATED"),
        "{}",
        h.stdout
    );
    assert!(
        lines[1].contains("CMD [\"cat\" \"/v.txt\"]"),
        "{}",
        h.stdout
    );
    assert!(
        lines[2].contains("COPY src/ src/ # buildkit"),
        "{}",
        h.stdout
    );

    let again = docker(
        &dir,
        &[
            "build",
            "-f",
            "docker/Build.dockerfile",
            "--target=final",
            "--build-arg=VERSION=7",
            "-t",
            "trainer:v1",
            ".",
        ],
    );
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stderr.contains("#6 CACHED"), "{}", again.stderr);

    let run = docker(&dir, &["run", "--rm", "trainer:v1"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "building 7\n"),
        "{}",
        run.stderr
    );
    let _ = std::fs::remove_dir_all(&dir);
}
