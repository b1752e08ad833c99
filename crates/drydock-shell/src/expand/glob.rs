//! Pathname expansion against the filesystem: `*`, `?`, `[…]` per path component; hidden names
//! need a literal leading `.`; results sorted bytewise; no match → `None` (the word stays literal).
use super::pattern::{PatChar, Pattern, has_meta};
use crate::fs::{Kind, ShellFs};

const MAX_RESULTS: usize = 100_000;

pub(crate) fn glob(fs: &dyn ShellFs, cwd: &str, chars: &[PatChar]) -> Option<Vec<String>> {
    let absolute = chars.first().map(|c| c.0) == Some('/');
    let comps: Vec<&[PatChar]> = chars.split(|c| c.0 == '/').collect();
    // Each candidate: (display path as typed, absolute filesystem path).
    let mut cands: Vec<(String, String)> = if absolute {
        vec![(String::new(), String::new())]
    } else {
        vec![(
            String::new(),
            if cwd == "/" {
                String::new()
            } else {
                cwd.to_owned()
            },
        )]
    };
    let n = comps.len();
    for (i, comp) in comps.iter().enumerate() {
        let last = i + 1 == n;
        if absolute && i == 0 {
            continue;
        }
        if comp.is_empty() {
            // `a//b` or trailing `/`: keep the slash, the path must be a directory.
            for c in &mut cands {
                c.0.push('/');
            }
            continue;
        }
        let mut next = Vec::new();
        if !has_meta(comp) {
            let name: String = comp.iter().map(|c| c.0).collect();
            for (disp, fsp) in cands {
                let fsp2 = format!("{fsp}/{name}");
                if last && fs.lstat(&fsp2).is_err() {
                    continue;
                }
                if !last && fs.stat(&fsp2).map(|s| s.kind) != Ok(Kind::Dir) {
                    continue;
                }
                next.push((join_disp(&disp, &name, i, absolute), fsp2));
            }
        } else {
            let pat = Pattern::compile(comp);
            let dot_ok = comp.first().map(|c| c.0) == Some('.');
            for (disp, fsp) in cands {
                let dir = if fsp.is_empty() {
                    "/".to_owned()
                } else {
                    fsp.clone()
                };
                let Ok(mut names) = fs.read_dir(&dir) else {
                    continue;
                };
                if dot_ok {
                    names.insert(0, "..".to_owned());
                    names.insert(0, ".".to_owned());
                }
                for name in names {
                    if name.starts_with('.') && !dot_ok {
                        continue;
                    }
                    if !pat.matches(&name) {
                        continue;
                    }
                    let fsp2 = format!("{fsp}/{name}");
                    if !last && fs.stat(&fsp2).map(|s| s.kind) != Ok(Kind::Dir) {
                        continue;
                    }
                    next.push((join_disp(&disp, &name, i, absolute), fsp2));
                    if next.len() > MAX_RESULTS {
                        return None;
                    }
                }
            }
        }
        cands = next;
        if cands.is_empty() {
            return None;
        }
    }
    let mut out: Vec<String> = cands.into_iter().map(|c| c.0).collect();
    drydock_text::sort::sort(&mut out);
    Some(out)
}

fn join_disp(disp: &str, name: &str, i: usize, absolute: bool) -> String {
    if i == 0 && !absolute {
        name.to_owned()
    } else if disp.ends_with('/') {
        format!("{disp}{name}")
    } else {
        format!("{disp}/{name}")
    }
}
