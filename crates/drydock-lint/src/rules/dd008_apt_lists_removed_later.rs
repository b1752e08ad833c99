//! DD008 `apt-lists-removed-later`: `rm -rf /var/lib/apt/lists/*` in a later RUN than the
//! `apt-get update` that downloaded them: the earlier layer keeps them, the image is not smaller.
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use crate::shellwords::SimpleCommand;
use drydock_syntax::Kind;

pub static META: RuleMeta = learner_rule!(
    "DD008", "apt-lists-removed-later", Warning,
    description: "Package lists deleted in a separate RUN",
    url: "https://docs.docker.com/build/building/best-practices/#apt-get",
    hint: "Delete /var/lib/apt/lists in the same RUN as apt-get update and install.",
    explanation: "Each RUN becomes a layer, and an image is the stack of all its layers. Deleting files in a later RUN only hides them: the layer of the earlier RUN still contains every byte, and the image size does not drop. Cleanup only saves space in the same RUN that created the files.",
    fix: "Chain it: `RUN apt-get update && apt-get install -y --no-install-recommends pkg && rm -rf /var/lib/apt/lists/*`.",
    show_me: Some(ShowMe {
        scenario: "Build, then `docker history`: the layer of line {update_line} still holds the package lists.",
        actions: &[Action::Build, Action::History],
    }),
);

/// `apt-get update` / `apt update`.
pub fn is_apt_update(c: &SimpleCommand) -> bool {
    c.program().is_some_and(|(p, a)| {
        matches!(p, "apt-get" | "apt")
            && a.iter()
                .find(|x| !x.starts_with('-'))
                .is_some_and(|x| x == "update")
    })
}

fn removes_lists(c: &SimpleCommand) -> bool {
    c.program()
        .is_some_and(|(p, a)| p == "rm" && a.iter().any(|x| x.starts_with("/var/lib/apt/lists")))
}

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for s in 0..lx.model.stages.len() {
        let mut update: Option<u32> = None;
        for (i, ins) in lx.stage_instructions(s) {
            if ins.kind != Kind::Run {
                continue;
            }
            let cmds = lx.commands(i);
            let updates = cmds.iter().any(is_apt_update);
            if !updates
                && cmds.iter().any(removes_lists)
                && let Some(u) = update
            {
                let msg = format!(
                    "The package lists were downloaded by the RUN on line {u}; deleting them in this separate RUN does not make the image smaller"
                );
                if let Some(f) = sink.report(&META, lx.at(i, ins.raw_args_span), msg) {
                    f.params = vec![("update_line", u.to_string())];
                }
            }
            if updates {
                update = Some(ins.start_line);
            }
        }
    }
}
