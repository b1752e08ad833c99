//! DD010 `output-dir-missing`: a program is told to write into a relative folder
//! (`--output models/`) that nothing in the image creates, so it fails when it saves. Kept
//! conservative: only app folders (not /tmp, /usr, …), and any RUN mentioning the folder, a
//! COPY/WORKDIR/VOLUME creating it, or an unknown build context counts as "created".
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use crate::model::{Base, Step};
use crate::paths;
use drydock_syntax::instructions::Command;
use drydock_syntax::words::go_quote;

pub static META: RuleMeta = learner_rule!(
    "DD010", "output-dir-missing", Warning,
    description: "Output folder that does not exist in the image",
    url: "https://docs.docker.com/reference/dockerfile/#workdir",
    hint: "Create the folder in the image (RUN mkdir -p ...) or have the program create it (os.makedirs(..., exist_ok=True)).",
    explanation: "A relative path like `models/` is resolved against the container's working directory (WORKDIR). Most libraries do not create missing parent folders when they save: `torch.save` raises `RuntimeError: Parent directory models does not exist.`, `open()`, `np.save` and `savefig` raise `FileNotFoundError: [Errno 2] No such file or directory`. If no instruction creates the folder, the container fails at the end of its work.",
    fix: "Add `RUN mkdir -p /app/models` (or the right folder) before CMD, mount a volume there (`docker run -v $(pwd)/models:/app/models`), or create it in code.",
    show_me: Some(ShowMe {
        scenario: "Run the container: it fails when it saves to {value} ({abs} does not exist).",
        actions: &[Action::Build, Action::Run { detach: false }],
    }),
);

const OUTPUT_FLAGS: [&str; 16] = [
    "--output",
    "--output-dir",
    "--output_dir",
    "--out",
    "--out-dir",
    "--outdir",
    "--save-dir",
    "--save_dir",
    "--model-dir",
    "--model_dir",
    "--checkpoint-dir",
    "--checkpoint_dir",
    "--log-dir",
    "--logdir",
    "--log_dir",
    "-o",
];

const SYSTEM_DIRS: [&str; 16] = [
    "tmp", "root", "usr", "var", "etc", "opt", "home", "srv", "mnt", "dev", "proc", "sys", "bin",
    "lib", "sbin", "run",
];

/// The relative folder a flag value writes into (`models/` → `models`, `out/m.pt` → `out`).
fn folder(value: &str) -> Option<&str> {
    let value = value.strip_prefix("./").unwrap_or(value);
    if value.is_empty()
        || value.starts_with(['/', '$', '~', '-', '.'])
        || value.contains("://")
        || value.contains('=')
    {
        return None;
    }
    if let Some(d) = value.strip_suffix('/') {
        return Some(d);
    }
    value.rsplit_once('/').map(|(d, _)| d)
}

/// Whether the steps before `upto` in the stage chain create `abs` (or put something in it).
fn created(lx: &Lx<'_, '_, '_>, stage: usize, upto: usize, abs: &str) -> bool {
    let name = abs.rsplit('/').next().unwrap_or(abs);
    let inside = |p: &str| p == abs || p.starts_with(&format!("{abs}/"));
    let mut stages = vec![stage];
    let mut b = lx.model.stages.get(stage).map(|s| s.base.clone());
    while let Some(Base::Stage(x)) = b {
        if stages.contains(&x) {
            break;
        }
        stages.push(x);
        b = lx.model.stages.get(x).map(|s| s.base.clone());
    }
    let steps: Vec<&Step> = lx
        .model
        .steps
        .iter()
        .filter(|s| stages.contains(&s.stage) && s.ins < upto)
        .collect();
    for step in steps {
        let Some(ins) = lx.cx.ins(step.ins) else {
            continue;
        };
        match &ins.command {
            Some(Command::Run(_)) if lx.text(ins.span).contains(name) => return true,
            Some(Command::Workdir(_)) | Some(Command::Volume(_)) => {
                if step
                    .words
                    .iter()
                    .any(|(_, w)| inside(&paths::resolve(&step.workdir, w)))
                {
                    return true;
                }
                if let Some(Command::Volume(v)) = &ins.command
                    && v.volumes.iter().any(|a| a.value.contains(name))
                {
                    return true;
                }
            }
            Some(Command::Copy(_)) | Some(Command::Add(_)) => {
                let dest = paths::resolve(&step.workdir, step.dest.as_deref().unwrap_or("."));
                if inside(&dest) {
                    return true;
                }
                if let Some(rel) = abs.strip_prefix(&format!("{dest}/")).or(if dest == "/" {
                    abs.strip_prefix('/')
                } else {
                    None
                }) {
                    let from_stage =
                        matches!(&ins.command, Some(Command::Copy(c)) if c.from.is_some());
                    for (_, src) in &step.sources {
                        let s = paths::clean(src.trim_start_matches('/'));
                        let broad = s == "." || src.ends_with('/') || paths::has_glob(&s);
                        if from_stage {
                            return true;
                        }
                        match &lx.model.context {
                            None if broad => return true,
                            None => {}
                            Some(ctx) => {
                                let want = if s == "." {
                                    rel.to_owned()
                                } else {
                                    format!("{s}/{rel}")
                                };
                                if ctx.iter().any(|e| {
                                    e.path == want || e.path.starts_with(&format!("{want}/"))
                                }) {
                                    return true;
                                }
                                // A copied directory whose name is the folder itself.
                                if ctx.iter().any(|e| e.is_dir && e.path == s)
                                    && s.rsplit('/').next() == Some(rel)
                                {
                                    return true;
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    false
}

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for step in &lx.model.steps {
        let Some(ins) = lx.cx.ins(step.ins) else {
            continue;
        };
        if !matches!(
            ins.command,
            Some(Command::Cmd(_) | Command::Entrypoint(_) | Command::Run(_))
        ) {
            continue;
        }
        'cmds: for cmd in lx.commands(step.ins).iter() {
            let Some((prog, args)) = cmd.program() else {
                continue;
            };
            for (k, a) in args.iter().enumerate() {
                let (flag, value) = match a.split_once('=') {
                    Some((f, v)) if f.starts_with("--") => (f, v.to_owned()),
                    _ => (a.as_str(), args.get(k + 1).cloned().unwrap_or_default()),
                };
                if !OUTPUT_FLAGS.contains(&flag) {
                    continue;
                }
                let Some(dir) = folder(&value) else { continue };
                let abs = paths::resolve(&step.workdir, dir);
                let top = abs.trim_start_matches('/').split('/').next().unwrap_or("");
                if top.is_empty() || SYSTEM_DIRS.contains(&top) {
                    continue;
                }
                if created(lx, step.stage, step.ins, &abs) {
                    continue;
                }
                let msg = format!(
                    "{prog} writes to {}, but nothing creates {} in the image: saving there fails at run time",
                    go_quote(&value),
                    go_quote(&abs)
                );
                let text = lx.text(ins.raw_args_span);
                let range = text.find(value.as_str()).map_or(ins.raw_args_span, |o| {
                    let start = ins.raw_args_span.start as usize + o;
                    drydock_text::TextRange::from_usize(start, start + value.len())
                });
                if let Some(f) = sink.report(&META, lx.at(step.ins, range), msg) {
                    f.params = vec![("value", value.clone()), ("abs", abs.clone())];
                }
                break 'cmds;
            }
        }
    }
}
