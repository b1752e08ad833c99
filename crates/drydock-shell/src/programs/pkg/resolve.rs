//! Dependency resolution over the PyPI catalog for pip and uv: requirements (with extras and
//! markers) → one version per project, the events pip prints while resolving (`Collecting …`,
//! `Requirement already satisfied: …`), an installation order (dependencies first), and pip's
//! errors (no matching distribution, conflicting requirements).
use drydock_catalog::packages::{
    MarkerEnv, PipPackage, Requirement, SpecifierSet, Version, normalize, pip_index,
};
use std::collections::BTreeMap;

/// A requirement to resolve and who asked for it.
#[derive(Debug, Clone)]
pub(crate) struct Want {
    pub req: Requirement,
    /// `-r requirements.txt (line 3)`, `fastapi`, … (`None` for the command line).
    pub from: Option<String>,
}

/// One resolved project.
#[derive(Debug, Clone)]
pub(crate) struct Pick {
    pub pkg: &'static PipPackage,
    pub version: Version,
    pub extras: Vec<String>,
    /// Already installed in the environment (the directory), so nothing to do.
    pub installed: Option<String>,
    /// Requirement strings that apply on this platform (for METADATA).
    pub requires: Vec<String>,
    /// Indices of the picks it depends on.
    pub deps: Vec<usize>,
    /// Installed size and wheel size (a variant index may change them).
    pub size: u64,
    pub wheel: u64,
}

/// What pip prints while resolving.
#[derive(Debug, Clone)]
pub(crate) enum Event {
    Collecting {
        req: String,
        from: Option<String>,
        pick: usize,
    },
    Satisfied {
        req: String,
        dir: String,
        from: Option<String>,
        version: String,
    },
}

/// Why resolution failed.
#[derive(Debug, Clone)]
pub(crate) enum Failure {
    NoMatch {
        req: String,
        versions: Vec<String>,
    },
    Conflict {
        requested: Vec<String>,
        causes: Vec<String>,
    },
}

pub(crate) struct Options {
    pub python: String,
    pub python_full: String,
    pub upgrade: bool,
    pub no_deps: bool,
    pub pre: bool,
    /// Index URLs given (`--index-url`, `--extra-index-url`).
    pub index_urls: Vec<String>,
    pub force: bool,
}

pub(crate) struct Resolution {
    pub picks: Vec<Pick>,
    pub events: Vec<Event>,
}

fn env(opts: &Options, extra: Option<&str>) -> MarkerEnv {
    MarkerEnv {
        python_version: opts.python.clone(),
        python_full_version: opts.python_full.clone(),
        extra: extra.map(str::to_owned),
    }
}

fn variant<'a>(
    pkg: &'a PipPackage,
    opts: &Options,
) -> Option<&'a drydock_catalog::packages::pip::IndexVariant> {
    opts.index_urls.iter().find_map(|u| pkg.variant_for(u))
}

fn dropped(pkg_variant: Option<&drydock_catalog::packages::pip::IndexVariant>, name: &str) -> bool {
    pkg_variant.is_some_and(|v| {
        v.drop.iter().any(|d| match d.strip_suffix('*') {
            Some(prefix) => normalize(name).starts_with(prefix),
            None => normalize(name) == normalize(d),
        })
    })
}

fn best(pkg: &PipPackage, specs: &SpecifierSet, opts: &Options) -> Option<Version> {
    let all = pkg.all_versions();
    let ok = |v: &Version| specs.0.iter().all(|s| s.contains(v));
    let finals = all
        .iter()
        .filter(|v| !v.is_pre() || opts.pre || specs.contains(v))
        .filter(|v| ok(v))
        .max()
        .cloned();
    finals.or_else(|| all.iter().filter(|v| ok(v)).max().cloned())
}

/// Resolves `wants` against the catalog; `installed` maps normalised names to (version, dir).
pub(crate) fn resolve(
    wants: &[Want],
    installed: &BTreeMap<String, (String, String)>,
    opts: &Options,
) -> Result<Resolution, Failure> {
    let idx = pip_index();
    let mut picks: Vec<Pick> = Vec::new();
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    let mut specs: BTreeMap<String, SpecifierSet> = BTreeMap::new();
    let mut who: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut events = Vec::new();
    let mut queue: std::collections::VecDeque<(Want, Option<usize>)> =
        wants.iter().cloned().map(|w| (w, None)).collect();
    while let Some((want, parent)) = queue.pop_front() {
        let req = &want.req;
        let norm = normalize(&req.name);
        let Some(pkg) = idx.get(&req.name) else {
            return Err(Failure::NoMatch {
                req: req.display(),
                versions: Vec::new(),
            });
        };
        let set = specs.entry(norm.clone()).or_default();
        set.extend(&req.specs);
        let set = set.clone();
        let asker = match &want.from {
            Some(f) if parent.is_some() => format!("{f} depends on {}", req.display()),
            _ => format!("The user requested {}", req.display()),
        };
        who.entry(norm.clone()).or_default().push(asker);
        if let Some(&i) = by_name.get(&norm) {
            if let Some(p) = parent
                && let Some(pp) = picks.get_mut(p)
                && !pp.deps.contains(&i)
            {
                pp.deps.push(i);
            }
            let (ok, new_extras) = match picks.get(i) {
                Some(pk) => (
                    set.0.iter().all(|s| s.contains(&pk.version)),
                    req.extras
                        .iter()
                        .filter(|e| !pk.extras.contains(e))
                        .cloned()
                        .collect::<Vec<_>>(),
                ),
                None => (true, Vec::new()),
            };
            if !ok {
                match best(pkg, &set, opts) {
                    Some(v)
                        if parent.is_none()
                            || picks.get(i).is_some_and(|p| p.installed.is_none()) =>
                    {
                        if let Some(pk) = picks.get_mut(i) {
                            pk.version = v;
                            pk.installed = None;
                        }
                    }
                    _ => {
                        let requested: Vec<String> = wants
                            .iter()
                            .filter(|w| {
                                w.from.is_none()
                                    || !w.from.as_deref().unwrap_or("").contains(" depends")
                            })
                            .map(|w| w.req.display())
                            .collect();
                        return Err(Failure::Conflict {
                            requested,
                            causes: who.get(&norm).cloned().unwrap_or_default(),
                        });
                    }
                }
            }
            if !new_extras.is_empty() && !opts.no_deps {
                let display = picks.get(i).map(|p| p.pkg.name.clone()).unwrap_or_default();
                for e in &new_extras {
                    for r in pkg.extras.get(e).into_iter().flatten() {
                        enqueue(&mut queue, r, &display, Some(e), opts, i);
                    }
                }
                if let Some(pk) = picks.get_mut(i) {
                    pk.extras.extend(new_extras);
                }
            }
            continue;
        }
        let var = variant(pkg, opts);
        let have = installed.get(&norm).cloned();
        let keep = have.as_ref().and_then(|(v, d)| {
            let ver = Version::parse(v)?;
            let fits = set.0.iter().all(|s| s.contains(&ver));
            (fits && !(opts.upgrade && parent.is_none()) && !opts.force).then(|| (ver, d.clone()))
        });
        let (version, installed_in) = match keep {
            Some((v, d)) => (v, Some(d)),
            None => match best(pkg, &set, opts) {
                Some(v) => (v, None),
                None => {
                    return Err(Failure::NoMatch {
                        req: req.display(),
                        versions: pkg.all_versions().iter().map(|v| v.text.clone()).collect(),
                    });
                }
            },
        };
        let version = match (var, &installed_in) {
            (Some(v), None) if !v.local.is_empty() && version.local.is_none() => {
                Version::parse(&format!("{}+{}", version.text, v.local)).unwrap_or(version)
            }
            _ => version,
        };
        let i = picks.len();
        let from = want.from.clone();
        match &installed_in {
            Some(d) => events.push(Event::Satisfied {
                req: req.display(),
                dir: d.clone(),
                from: from.clone(),
                version: version.text.clone(),
            }),
            None => events.push(Event::Collecting {
                req: req.display(),
                from: from.clone(),
                pick: i,
            }),
        }
        let mut requires = Vec::new();
        for r in pkg.requires_for(&version.text) {
            let applies = Requirement::parse(r).ok().is_some_and(|rq| {
                rq.marker.as_deref().is_none_or(|m| env(opts, None).eval(m))
                    && !dropped(var, &rq.name)
            });
            if applies {
                requires.push(r.clone());
            }
        }
        picks.push(Pick {
            pkg,
            version,
            extras: req.extras.clone(),
            installed: installed_in,
            requires: requires.clone(),
            deps: Vec::new(),
            size: var.map_or(pkg.size, |v| v.size),
            wheel: var.map_or(pkg.wheel, |v| v.wheel),
        });
        by_name.insert(norm, i);
        if let Some(p) = parent
            && let Some(pp) = picks.get_mut(p)
        {
            pp.deps.push(i);
        }
        if opts.no_deps {
            continue;
        }
        let display = if req.extras.is_empty() {
            pkg.name.clone()
        } else {
            format!("{}[{}]", pkg.name, req.extras.join(","))
        };
        for r in &requires {
            enqueue(&mut queue, r, &display, None, opts, i);
        }
        for e in &req.extras {
            for r in pkg.extras.get(e).into_iter().flatten() {
                if !dropped(var, r) {
                    enqueue(&mut queue, r, &display, Some(e), opts, i);
                }
            }
        }
    }
    Ok(Resolution { picks, events })
}

fn enqueue(
    queue: &mut std::collections::VecDeque<(Want, Option<usize>)>,
    r: &str,
    from: &str,
    extra: Option<&str>,
    opts: &Options,
    parent: usize,
) {
    let Ok(rq) = Requirement::parse(r) else {
        return;
    };
    if let Some(m) = &rq.marker
        && !env(opts, extra).eval(m)
    {
        return;
    }
    queue.push_back((
        Want {
            req: rq,
            from: Some(from.to_owned()),
        },
        Some(parent),
    ));
}

/// Installation order: dependencies before dependents (depth-first post-order from the roots).
pub(crate) fn install_order(picks: &[Pick]) -> Vec<usize> {
    fn visit(i: usize, picks: &[Pick], seen: &mut Vec<bool>, out: &mut Vec<usize>) {
        if seen.get(i).copied().unwrap_or(true) {
            return;
        }
        if let Some(s) = seen.get_mut(i) {
            *s = true;
        }
        if let Some(p) = picks.get(i) {
            for &d in &p.deps {
                visit(d, picks, seen, out);
            }
        }
        out.push(i);
    }
    let mut seen = vec![false; picks.len()];
    let mut out = Vec::new();
    for i in 0..picks.len() {
        visit(i, picks, &mut seen, &mut out);
    }
    out
}
