//! Helpers every simulated program shares: error lines, option parsing, the GNU/busybox flavour
//! of an image, file helpers over the filesystem seam, users and groups, the virtual clock.
pub(crate) mod archive;
pub(crate) mod busy;
pub(crate) mod clock;
pub(crate) mod install;
pub(crate) mod opts;
pub(crate) mod regex;
pub(crate) mod users;

use crate::fs::{FsError, Kind, NewMeta, Stat, WriteMode, resolve};
use crate::programs::{ExitStatus, ProgramCtx};

pub(crate) use opts::parse;

/// The program's own name: the base name of `argv[0]`.
pub(crate) fn prog(argv: &[String]) -> String {
    let a0 = argv.first().map_or("", String::as_str);
    a0.rsplit('/').next().unwrap_or(a0).to_owned()
}

/// Writes `prog: msg` and a newline to stderr.
pub(crate) fn err(ctx: &mut ProgramCtx<'_, '_>, prog: &str, msg: &str) {
    ctx.stderr(format!("{prog}: {msg}\n").as_bytes());
}

/// Writes a line (a newline is added) to stdout.
pub(crate) fn out(ctx: &mut ProgramCtx<'_, '_>, line: &str) {
    let mut s = String::with_capacity(line.len() + 1);
    s.push_str(line);
    s.push('\n');
    ctx.stdout(s.as_bytes());
}

/// Writes text to stderr as is.
pub(crate) fn eout(ctx: &mut ProgramCtx<'_, '_>, text: &str) {
    ctx.stderr(text.as_bytes());
}

/// `key=value` info lines of the running executable (after its `#!drydock:program` line).
pub(crate) fn info(ctx: &ProgramCtx<'_, '_>, key: &str) -> Option<String> {
    let head = ctx.rt.fs.read_prefix(&ctx.path, 512).ok()?;
    let text = String::from_utf8_lossy(&head);
    text.lines()
        .skip(1)
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('=').map(str::to_owned))
}

/// Whether the image's tools are busybox's (alpine, busybox) rather than GNU's.
pub(crate) fn busybox(ctx: &ProgramCtx<'_, '_>) -> bool {
    if let Some(f) = info(ctx, "flavor") {
        return f == "busybox";
    }
    ctx.rt.fs.stat("/bin/busybox").is_ok()
}

/// The message of a failing option parse, in the flavour's words, then the status to exit with.
pub(crate) fn usage_error(
    ctx: &mut ProgramCtx<'_, '_>,
    prog: &str,
    e: &opts::BadOpt,
    status: ExitStatus,
) -> ExitStatus {
    if busybox(ctx) {
        let m = match e {
            opts::BadOpt::Short(c) => format!("unrecognized option: {c}"),
            opts::BadOpt::Long(l) => format!("unrecognized option: {l}"),
            opts::BadOpt::Missing(c) => format!("option requires an argument: {c}"),
            opts::BadOpt::Extra(m) => m.clone(),
        };
        err(ctx, prog, &m);
        eout(
            ctx,
            "BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n",
        );
        return 1;
    }
    let m = match e {
        opts::BadOpt::Short(c) => format!("invalid option -- '{c}'"),
        opts::BadOpt::Long(l) => format!("unrecognized option '{l}'"),
        opts::BadOpt::Missing(c) => format!("option requires an argument -- '{c}'"),
        opts::BadOpt::Extra(m) => m.clone(),
    };
    err(ctx, prog, &m);
    eout(ctx, &format!("Try '{prog} --help' for more information.\n"));
    status
}

/// GNU's `quote()`: ‘x’ in a UTF-8 locale, 'x' otherwise.
pub(crate) fn lquote(ctx: &ProgramCtx<'_, '_>, s: &str) -> String {
    let loc = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| ctx.get_env(k).filter(|v| !v.is_empty()))
        .unwrap_or("");
    let l = loc.to_ascii_lowercase();
    if l.contains("utf-8") || l.contains("utf8") {
        format!("\u{2018}{s}\u{2019}")
    } else {
        format!("'{s}'")
    }
}

/// GNU's shell-escape quoting of file names in messages (`'a b'`, `"it's"`).
pub(crate) fn squote(s: &str) -> String {
    if s.contains('\'') {
        format!("\"{s}\"")
    } else {
        format!("'{s}'")
    }
}

/// GNU `ls`-style name quoting: bare when safe, else single quotes.
pub(crate) fn shell_name(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "%+,-./:=@_^".contains(c) || !c.is_ascii());
    if safe { s.to_owned() } else { squote(s) }
}

/// Metadata for an entry the program creates.
pub(crate) fn meta(ctx: &ProgramCtx<'_, '_>, mode: u32) -> NewMeta {
    ctx.new_meta(mode)
}

/// Metadata for an entry created as root with exact `mode` (package managers).
pub(crate) fn root_meta(ctx: &ProgramCtx<'_, '_>, mode: u32) -> NewMeta {
    NewMeta {
        mode,
        uid: 0,
        gid: 0,
        mtime: ctx.rt.config.mtime,
    }
}

pub(crate) fn stat(ctx: &ProgramCtx<'_, '_>, path: &str) -> Result<Stat, FsError> {
    ctx.rt.fs.stat(path)
}

pub(crate) fn lstat(ctx: &ProgramCtx<'_, '_>, path: &str) -> Result<Stat, FsError> {
    ctx.rt.fs.lstat(path)
}

pub(crate) fn is_dir(ctx: &ProgramCtx<'_, '_>, path: &str) -> bool {
    matches!(ctx.rt.fs.stat(path), Ok(s) if s.kind == Kind::Dir)
}

pub(crate) fn exists(ctx: &ProgramCtx<'_, '_>, path: &str) -> bool {
    ctx.rt.fs.lstat(path).is_ok()
}

/// A file's text (lossy UTF-8); synthetic files read as their placeholder.
pub(crate) fn read_text(ctx: &ProgramCtx<'_, '_>, path: &str) -> Result<String, FsError> {
    if let Some(data) = fd_input(ctx, path) {
        return Ok(String::from_utf8_lossy(&data).into_owned());
    }
    ctx.rt
        .fs
        .read_file(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// The fd number a `/proc/self/fd/N` or `/dev/fd/N` path names.
pub(crate) fn fd_path(path: &str) -> Option<u32> {
    path.strip_prefix("/proc/self/fd/")
        .or_else(|| path.strip_prefix("/dev/fd/"))
        .and_then(|n| n.parse().ok())
}

/// What reading `/proc/self/fd/N` (N ≥ 3, an open input fd such as `3<<EOF`) yields.
pub(crate) fn fd_input(ctx: &ProgramCtx<'_, '_>, path: &str) -> Option<Vec<u8>> {
    let fd = fd_path(path)?;
    ctx.fd_inputs
        .iter()
        .find(|(n, _)| *n == fd)
        .map(|(_, d)| d.clone())
}

/// Replaces a file's contents with `data` (created with `mode` and the caller's owner).
pub(crate) fn write(
    ctx: &mut ProgramCtx<'_, '_>,
    path: &str,
    data: &[u8],
    mode: u32,
) -> Result<(), FsError> {
    let m = meta(ctx, mode);
    ctx.fs().write_file(path, data, WriteMode::Truncate, m)
}

/// FNV-1a of a text: stable seeds for synthetic files.
pub(crate) fn seed_of(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Appends text to a file as root (created 0644 when missing).
pub(crate) fn append(ctx: &mut ProgramCtx<'_, '_>, path: &str, text: &str) -> Result<(), FsError> {
    let m = root_meta(ctx, 0o644);
    ctx.fs()
        .write_file(path, text.as_bytes(), WriteMode::Append, m)
}

/// `mkdir -p` as root with mode 0755 for what it creates.
pub(crate) fn mkdir_p_root(ctx: &mut ProgramCtx<'_, '_>, path: &str) -> Result<(), FsError> {
    let m = root_meta(ctx, 0o755);
    mkdir_p_with(ctx, path, m)
}

/// Writes a file as root with exact `mode`, creating missing parent directories (0755).
pub(crate) fn put(
    ctx: &mut ProgramCtx<'_, '_>,
    path: &str,
    data: &[u8],
    mode: u32,
) -> Result<(), FsError> {
    mkdir_p_root(ctx, parent(path))?;
    let m = root_meta(ctx, mode);
    ctx.fs().write_file(path, data, WriteMode::Truncate, m)
}

/// Removes a tree (files, links, directories bottom-up). Errors are ignored per entry.
pub(crate) fn remove_tree(ctx: &mut ProgramCtx<'_, '_>, root: &str) {
    let all = walk(ctx, root);
    for p in all.iter().rev() {
        let _ = ctx.fs().remove(p);
    }
}

/// pip's `format_size`: `94 kB`, `2.0 MB`, `1.2 kB`, `512 bytes`.
pub(crate) fn pip_size(n: u64) -> String {
    let b = n as f64;
    if b > 1e6 {
        format!("{:.1} MB", b / 1e6)
    } else if b > 1e4 {
        format!("{} kB", (b / 1e3) as u64)
    } else if b > 1e3 {
        format!("{:.1} kB", b / 1e3)
    } else {
        format!("{n} bytes")
    }
}

/// The directory part of an absolute path (`/` for top-level entries).
pub(crate) fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => path.get(..i).unwrap_or("/"),
    }
}

/// The last component of a path.
pub(crate) fn base(path: &str) -> &str {
    let t = path.trim_end_matches('/');
    if t.is_empty() {
        return if path.is_empty() { "" } else { "/" };
    }
    t.rsplit('/').next().unwrap_or(t)
}

/// `mkdir -p` with `meta` for what it creates; an existing non-directory fails.
pub(crate) fn mkdir_p_with(
    ctx: &mut ProgramCtx<'_, '_>,
    path: &str,
    m: NewMeta,
) -> Result<(), FsError> {
    let path = resolve("/", path);
    let mut cur = String::new();
    for c in path.split('/').filter(|c| !c.is_empty()) {
        cur.push('/');
        cur.push_str(c);
        match ctx.rt.fs.stat(&cur) {
            Ok(s) if s.kind == Kind::Dir => {}
            Ok(_) => return Err(FsError::NotADirectory),
            Err(FsError::NotFound) => ctx.fs().mkdir(&cur, m)?,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Every path under `root` (itself first, then its entries depth-first in name order); symlinks
/// are listed, not followed.
pub(crate) fn walk(ctx: &ProgramCtx<'_, '_>, root: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(p) = stack.pop() {
        let is_dir = matches!(ctx.rt.fs.lstat(&p), Ok(s) if s.kind == Kind::Dir);
        out.push(p.clone());
        if is_dir && let Ok(names) = ctx.rt.fs.read_dir(&p) {
            for n in names.iter().rev() {
                stack.push(join(&p, n));
            }
        }
    }
    out
}

/// `dir/name` without doubling the slash.
pub(crate) fn join(dir: &str, name: &str) -> String {
    if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

/// Reads an operand: `-` is stdin, anything else a file (relative to the working directory).
pub(crate) fn read_operand(
    ctx: &mut ProgramCtx<'_, '_>,
    name: &str,
    stdin: &[u8],
) -> Result<Vec<u8>, FsError> {
    if name == "-" {
        ctx.consumed_stdin = true;
        return Ok(stdin.to_vec());
    }
    let p = ctx.abs(name);
    if matches!(fd_path(&p), Some(0)) {
        ctx.consumed_stdin = true;
        return Ok(stdin.to_vec());
    }
    if let Some(data) = fd_input(ctx, &p) {
        return Ok(data);
    }
    match ctx.rt.fs.stat(&p) {
        Ok(s) if s.kind == Kind::Dir => Err(FsError::IsADirectory),
        Ok(_) => ctx.rt.fs.read_file(&p),
        Err(e) => Err(e),
    }
}

/// Human-readable size as `ls -h`/`du -h` print it (`4.0K`, `1.5M`, `12G`).
pub(crate) fn human(n: u64) -> String {
    const UNITS: [&str; 6] = ["K", "M", "G", "T", "P", "E"];
    if n < 1024 {
        return n.to_string();
    }
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    let unit = UNITS.get(u.saturating_sub(1)).copied().unwrap_or("E");
    if v < 10.0 {
        let r = (v * 10.0).ceil() / 10.0;
        if r >= 10.0 {
            format!("{}{unit}", r.ceil() as u64)
        } else {
            format!("{r:.1}{unit}")
        }
    } else {
        format!("{}{unit}", v.ceil() as u64)
    }
}

/// Runs the shell builtin `argv[0]` as an external program (same behaviour, e.g. `printf`).
pub(crate) fn run_builtin(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    use crate::exec::io::{Fd, input};
    let process = crate::process::Process {
        env: ctx.env.clone(),
        cwd: ctx.cwd.clone(),
        user: ctx.user.clone(),
        umask: ctx.umask,
    };
    let mut sh = crate::state::Shell::new(
        &process,
        &prog(argv),
        Vec::new(),
        ctx.pid,
        crate::state::Dialect::Dash,
    );
    sh.fds.set(0, Some(input(stdin.to_vec())));
    sh.fds.set(1, Some(Fd::Out(ctx.stdout.clone())));
    sh.fds.set(2, Some(Fd::Out(ctx.stderr.clone())));
    crate::builtins::run(&mut sh, ctx.rt, argv).unwrap_or(2)
}
