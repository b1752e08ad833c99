//! `ls`: one name per line when stdout is not a terminal (a build, a pipe), columns across an
//! 80-wide terminal when it is (GNU's or busybox's layout; GNU quotes odd names there only),
//! `-l` long format with GNU's column widths or busybox's fixed ones,
//! `-a/-A/-d/-R/-r/-t/-S/-h/-F/-p/-n/-1/-C`.
use crate::fs::{Kind, Stat};
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, clock, users};

struct Opts {
    all: bool,
    almost: bool,
    long: bool,
    dir: bool,
    recursive: bool,
    reverse: bool,
    by_time: bool,
    by_size: bool,
    human: bool,
    classify: bool,
    slash: bool,
    numeric: bool,
    full_time: bool,
    busybox: bool,
    /// Names in columns (a terminal, or `-C`), else one per line.
    columns: bool,
    /// GNU's shell-escape quoting of odd names (on a terminal only).
    quote: bool,
}

struct Entry {
    name: String,
    path: String,
    st: Stat,
    link: Option<String>,
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "aAlLdRrtSFphn1CgiosxU",
        &[
            ("all", 'a'),
            ("almost-all", 'A'),
            ("directory", 'd'),
            ("recursive", 'R'),
            ("reverse", 'r'),
            ("human-readable", 'h'),
            ("classify", 'F'),
            ("numeric-uid-gid", 'n'),
            ("color=", '\u{1}'),
            ("color", '\u{1}'),
            ("full-time", '\u{2}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 2),
    };
    let mut o = Opts {
        all: a.has('a'),
        almost: a.has('A'),
        long: a.has('l') || a.has('n') || a.has('g') || a.has('o') || a.has('\u{2}'),
        dir: a.has('d'),
        recursive: a.has('R'),
        reverse: a.has('r'),
        by_time: a.has('t'),
        by_size: a.has('S'),
        human: a.has('h'),
        classify: a.has('F'),
        slash: a.has('p'),
        numeric: a.has('n'),
        full_time: a.has('\u{2}'),
        busybox: c::busybox(ctx),
        columns: false,
        quote: false,
    };
    let tty = ctx.stdout_is_tty();
    let one = a.opts.iter().rposition(|x| x.0 == '1');
    o.columns = a.opts.iter().rposition(|x| x.0 == 'C') > one || (tty && one.is_none());
    o.quote = tty && !o.busybox;
    if a.has('1') && !a.has('l') {
        o.long = o.long
            && a.opts.iter().rposition(|x| x.0 == 'l') > a.opts.iter().rposition(|x| x.0 == '1');
    }
    let ops = if a.ops.is_empty() {
        vec![".".to_owned()]
    } else {
        a.ops.clone()
    };
    let mut status = 0;
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for op in &ops {
        let path = ctx.abs(op);
        let st = match c::lstat(ctx, &path) {
            Ok(st) => st,
            Err(e) => {
                let m = if o.busybox {
                    format!("{op}: {}", e.message())
                } else {
                    format!("cannot access {}: {}", c::squote(op), e.message())
                };
                c::err(ctx, &p, &m);
                status = 2;
                continue;
            }
        };
        // a symlink operand to a directory is followed unless -l or -d
        let follow = (!o.long && !o.dir) || (o.long && op.ends_with('/'));
        let followed = if st.kind == Kind::Symlink && follow {
            c::stat(ctx, &path).unwrap_or(st)
        } else {
            st
        };
        let link = (followed.kind == Kind::Symlink)
            .then(|| ctx.rt.fs.read_link(&path).unwrap_or_default());
        let e = Entry {
            name: op.clone(),
            path,
            st: followed,
            link,
        };
        if e.st.kind == Kind::Dir && !o.dir {
            dirs.push(e);
        } else {
            files.push(e);
        }
    }
    sort(&o, &mut files);
    sort(&o, &mut dirs);
    let mut text = String::new();
    if !files.is_empty() {
        format(ctx, &o, &files, false, &mut text);
    }
    let label = ops.len() > 1 || o.recursive;
    let mut first = files.is_empty();
    let mut queue: Vec<Entry> = dirs;
    queue.reverse();
    while let Some(d) = queue.pop() {
        if !first {
            text.push('\n');
        }
        first = false;
        if label {
            text.push_str(&format!("{}:\n", d.name));
        }
        let names = match ctx.rt.fs.read_dir(&d.path) {
            Ok(n) => n,
            Err(e) => {
                ctx.stdout(text.as_bytes());
                text.clear();
                let m = format!(
                    "cannot open directory {}: {}",
                    c::squote(&d.name),
                    e.message()
                );
                c::err(ctx, &p, &m);
                status = 2;
                continue;
            }
        };
        let mut entries = Vec::new();
        if o.all {
            for (n, path) in [(".", d.path.clone()), ("..", c::parent(&d.path).to_owned())] {
                if let Ok(st) = c::stat(ctx, &path) {
                    entries.push(Entry {
                        name: n.into(),
                        path,
                        st,
                        link: None,
                    });
                }
            }
        }
        for n in names {
            if n.starts_with('.') && !o.all && !o.almost {
                continue;
            }
            let path = c::join(&d.path, &n);
            let Ok(st) = c::lstat(ctx, &path) else {
                continue;
            };
            let link =
                (st.kind == Kind::Symlink).then(|| ctx.rt.fs.read_link(&path).unwrap_or_default());
            entries.push(Entry {
                name: n,
                path,
                st,
                link,
            });
        }
        sort(&o, &mut entries);
        format(ctx, &o, &entries, true, &mut text);
        if o.recursive {
            let mut subs: Vec<Entry> = entries
                .into_iter()
                .filter(|e| e.st.kind == Kind::Dir && e.name != "." && e.name != "..")
                .map(|e| Entry {
                    name: c::join(&d.name, &e.name),
                    ..e
                })
                .collect();
            subs.reverse();
            queue.extend(subs);
        }
    }
    ctx.stdout(text.as_bytes());
    status
}

fn sort(o: &Opts, v: &mut [Entry]) {
    if o.by_time {
        drydock_text::sort::sort_by(v, |a, b| {
            b.st.mtime.cmp(&a.st.mtime).then(a.name.cmp(&b.name))
        });
    } else if o.by_size {
        drydock_text::sort::sort_by(v, |a, b| {
            b.st.size.cmp(&a.st.size).then(a.name.cmp(&b.name))
        });
    } else {
        drydock_text::sort::sort_by(v, |a, b| a.name.cmp(&b.name));
    }
    if o.reverse {
        v.reverse();
    }
}

fn mode_string(st: &Stat) -> String {
    let t = match st.kind {
        Kind::Dir => 'd',
        Kind::Symlink => 'l',
        Kind::File => '-',
    };
    let m = st.mode;
    let mut s = String::new();
    s.push(t);
    let bit = |b: u32, ch: char| if m & b != 0 { ch } else { '-' };
    s.push(bit(0o400, 'r'));
    s.push(bit(0o200, 'w'));
    s.push(match (m & 0o100 != 0, m & 0o4000 != 0) {
        (true, true) => 's',
        (false, true) => 'S',
        (true, false) => 'x',
        _ => '-',
    });
    s.push(bit(0o040, 'r'));
    s.push(bit(0o020, 'w'));
    s.push(match (m & 0o010 != 0, m & 0o2000 != 0) {
        (true, true) => 's',
        (false, true) => 'S',
        (true, false) => 'x',
        _ => '-',
    });
    s.push(bit(0o004, 'r'));
    s.push(bit(0o002, 'w'));
    s.push(match (m & 0o001 != 0, m & 0o1000 != 0) {
        (true, true) => 't',
        (false, true) => 'T',
        (true, false) => 'x',
        _ => '-',
    });
    s
}

/// `rwxr-xr-x`-style mode string with the type letter (shared with `stat`).
pub(crate) fn mode_str(st: &Stat) -> String {
    mode_string(st)
}

fn size_of(st: &Stat) -> u64 {
    match st.kind {
        Kind::Dir => 4096,
        _ => st.size,
    }
}

fn blocks(st: &Stat) -> u64 {
    match st.kind {
        Kind::Dir => 4,
        Kind::Symlink => 0,
        Kind::File => st.size.div_ceil(4096) * 4,
    }
}

fn nlink(ctx: &ProgramCtx<'_, '_>, e: &Entry) -> u64 {
    if e.st.kind != Kind::Dir {
        return 1;
    }
    let names = ctx.rt.fs.read_dir(&e.path).unwrap_or_default();
    2 + names
        .iter()
        .filter(|n| matches!(ctx.rt.fs.lstat(&c::join(&e.path, n)), Ok(s) if s.kind == Kind::Dir))
        .count() as u64
}

fn suffix(o: &Opts, st: &Stat) -> &'static str {
    match st.kind {
        Kind::Dir if o.classify || o.slash => "/",
        Kind::Symlink if o.classify && !o.long => "@",
        Kind::File if o.classify && st.mode & 0o111 != 0 => "*",
        _ => "",
    }
}

fn format(ctx: &ProgramCtx<'_, '_>, o: &Opts, v: &[Entry], is_dir: bool, text: &mut String) {
    if !o.long {
        let pad = outer_quote_pad(o, v);
        let names: Vec<String> = v
            .iter()
            .map(|e| {
                let name = display_name(o, &e.name);
                let lead = if pad && !name.starts_with('\'') {
                    " "
                } else {
                    ""
                };
                format!("{lead}{name}{}", suffix(o, &e.st))
            })
            .collect();
        if o.columns && names.len() > 1 {
            if o.busybox {
                busybox_columns(&names, text);
            } else {
                gnu_columns(&names, text);
            }
        } else {
            for n in names {
                text.push_str(&n);
                text.push('\n');
            }
        }
        return;
    }
    let rows: Vec<[String; 6]> = v
        .iter()
        .map(|e| {
            let (u, g) = if o.numeric {
                (e.st.uid.to_string(), e.st.gid.to_string())
            } else {
                (
                    users::user_name(ctx, e.st.uid),
                    users::group_name(ctx, e.st.gid),
                )
            };
            let size = if o.human {
                c::human(size_of(&e.st))
            } else {
                size_of(&e.st).to_string()
            };
            let time = if o.full_time {
                clock::full(e.st.mtime)
            } else {
                clock::ls_time(e.st.mtime, ctx.rt.config.mtime)
            };
            [
                mode_string(&e.st),
                nlink(ctx, e).to_string(),
                u,
                g,
                size,
                time,
            ]
        })
        .collect();
    if is_dir {
        let total: u64 = v.iter().map(|e| blocks(&e.st)).sum();
        let t = if o.human {
            c::human(total * 1024)
        } else {
            total.to_string()
        };
        text.push_str(&format!("total {t}\n"));
    }
    let w = |i: usize| {
        rows.iter()
            .map(|r| r.get(i).map_or(0, |s| s.chars().count()))
            .max()
            .unwrap_or(0)
    };
    let (wl, wu, wg, ws) = (w(1), w(2), w(3), w(4));
    let pad = outer_quote_pad(o, v);
    for (e, r) in v.iter().zip(&rows) {
        let [mode, links, u, g, size, time] = r;
        let mut name = display_name(o, &e.name);
        if pad && !name.starts_with('\'') {
            name.insert(0, ' ');
        }
        let mut line = if o.busybox {
            format!("{mode} {links:>4} {u:<8} {g:<8} {size:>9} {time} {name}")
        } else {
            format!("{mode} {links:>wl$} {u:<wu$} {g:<wg$} {size:>ws$} {time} {name}")
        };
        if let Some(t) = &e.link {
            line.push_str(" -> ");
            line.push_str(t);
        }
        line.push_str(suffix(o, &e.st));
        line.push('\n');
        text.push_str(&line);
    }
}

/// A name as `ls` prints it: GNU quotes odd names (spaces, quotes …) on a terminal only.
fn display_name(o: &Opts, name: &str) -> String {
    if o.quote {
        c::shell_name(name)
    } else {
        name.to_owned()
    }
}

/// GNU on a terminal: when a listing in columns or long format quotes some names, the others
/// get a leading space so the names line up.
fn outer_quote_pad(o: &Opts, v: &[Entry]) -> bool {
    o.quote && (o.columns || o.long) && v.iter().any(|e| c::shell_name(&e.name) != e.name)
}

/// The terminal width `ls` lays columns out for (docker's default tty size).
const WIDTH: usize = 80;

/// GNU's `-C`: the most columns (filled top to bottom) whose widths, each the longest name in it
/// plus two spaces (none after the last), keep a line under the width; tabs pad, as GNU does.
fn gnu_columns(names: &[String], text: &mut String) {
    let n = names.len();
    let lens: Vec<usize> = names.iter().map(|s| s.chars().count()).collect();
    let max_cols = (WIDTH / 3).clamp(1, n);
    let mut cols = 1;
    let mut widths = vec![lens.iter().copied().max().unwrap_or(0)];
    for c in (2..=max_cols).rev() {
        let rows = n.div_ceil(c);
        let mut w = vec![0usize; c];
        for (i, len) in lens.iter().enumerate() {
            let idx = i / rows;
            let real = len + if idx == c - 1 { 0 } else { 2 };
            if let Some(slot) = w.get_mut(idx) {
                *slot = (*slot).max(real);
            }
        }
        if w.iter().sum::<usize>() < WIDTH {
            cols = c;
            widths = w;
            break;
        }
    }
    let rows = n.div_ceil(cols);
    for row in 0..rows {
        let mut pos = 0;
        let mut i = row;
        let mut col = 0;
        while let (Some(name), Some(len)) = (names.get(i), lens.get(i)) {
            text.push_str(name);
            let width = widths.get(col).copied().unwrap_or(0);
            col += 1;
            i += rows;
            if i >= n {
                break;
            }
            // GNU's indent(): tabs to 8-column stops while a whole tab fits, then spaces.
            let (mut from, to) = (pos + len, pos + width);
            while from < to {
                if to / 8 > (from + 1) / 8 {
                    text.push('\t');
                    from += 8 - from % 8;
                } else {
                    text.push(' ');
                    from += 1;
                }
            }
            pos += width;
        }
        text.push('\n');
    }
}

/// busybox: one width for every column (the longest name plus two), as many as fit, filled top
/// to bottom and padded with spaces.
fn busybox_columns(names: &[String], text: &mut String) {
    let n = names.len();
    let lens: Vec<usize> = names.iter().map(|s| s.chars().count()).collect();
    let width = lens.iter().copied().max().unwrap_or(0) + 2;
    let cols = (WIDTH / width).max(1);
    let rows = if cols > 1 { n.div_ceil(cols) } else { n };
    for row in 0..rows {
        let mut column = 0;
        let mut next = 0;
        for nc in 0..cols {
            let i = nc * rows + row;
            let (Some(name), Some(len)) = (names.get(i), lens.get(i)) else {
                continue;
            };
            if column > 0 {
                text.extend(std::iter::repeat_n(' ', next - column));
                column = next;
            }
            next = column + width;
            text.push_str(name);
            column += len;
        }
        text.push('\n');
    }
}
