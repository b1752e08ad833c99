//! DD009 `apt-install-without-update`: `apt-get install` in a RUN without `apt-get update` —
//! either no update at all (slim images ship without package lists) or an update cached in an
//! earlier RUN (stale lists when the install line changes).
use super::dd008_apt_lists_removed_later::is_apt_update;
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use crate::model::Base;
use drydock_syntax::Kind;

pub static META: RuleMeta = learner_rule!(
    "DD009", "apt-install-without-update", Warning,
    description: "apt-get install without apt-get update in the same RUN",
    url: "https://docs.docker.com/build/building/best-practices/#apt-get",
    hint: "Run apt-get update && apt-get install -y ... in one RUN.",
    explanation: "Debian and Ubuntu images ship without package lists, so `apt-get install` alone fails with `E: Unable to locate package`. Running `apt-get update` in its own RUN is not enough either: Docker caches that step, so when you later add a package to the install line, it runs against the old cached lists and can fail with 404 errors for versions that no longer exist. Updating and installing in the same RUN keeps them in step.",
    fix: "`RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*`.",
    show_me: Some(ShowMe {
        scenario: "Build: the install on line {line} fails with `E: Unable to locate package {package}`.",
        actions: &[Action::Build],
    }),
);

fn install_package(cmds: &[crate::shellwords::SimpleCommand]) -> Option<String> {
    cmds.iter().find_map(|c| {
        let (p, a) = c.program()?;
        if !matches!(p, "apt-get" | "apt") {
            return None;
        }
        let mut pos = a.iter().filter(|x| !x.starts_with('-'));
        (pos.next()? == "install").then(|| pos.next().cloned().unwrap_or_default())
    })
}

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    // The line of the last `apt-get update` at the end of each stage (base stages come first,
    // so a child starts from its base's value).
    let mut update_at_end: Vec<Option<u32>> = Vec::with_capacity(lx.model.stages.len());
    for s in 0..lx.model.stages.len() {
        let mut update = match lx.model.stages.get(s).map(|st| &st.base) {
            Some(Base::Stage(b)) => update_at_end.get(*b).copied().flatten(),
            _ => None,
        };
        for (i, ins) in lx.stage_instructions(s) {
            if ins.kind != Kind::Run {
                continue;
            }
            let cmds = lx.commands(i);
            if cmds.iter().any(is_apt_update) {
                update = Some(ins.start_line);
                continue;
            }
            let Some(pkg) = install_package(&cmds) else {
                continue;
            };
            let msg = match update {
                Some(u) => format!(
                    "apt-get update ran in a separate RUN (line {u}) that Docker caches: when this install line changes it uses stale package lists"
                ),
                None => format!(
                    "apt-get install without apt-get update: the base image has no package lists, so the build fails with \"E: Unable to locate package {pkg}\""
                ),
            };
            if let Some(f) = sink.report(&META, lx.at(i, ins.raw_args_span), msg) {
                f.params = vec![("package", pkg), ("line", ins.start_line.to_string())];
            }
        }
        update_at_end.push(update);
    }
}
