//! `JSONArgsRecommended`: CMD or ENTRYPOINT in shell form while no SHELL is set in the image or
//! the stage chain (dispatch time).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::Instruction;

pub static META: RuleMeta = RuleMeta {
    show_me: Some(ShowMe {
        scenario: "Run the container detached, then docker stop it: it takes 10 seconds and exits with 137 (killed), because the signal never reached your program.",
        actions: &[Action::Build, Action::Run { detach: true }, Action::Stop],
    }),
    ..buildkit_rule!(
        "JSONArgsRecommended", "json-args-recommended", Dispatch, experimental: false,
        description: "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
        hint: "Use the exec form, e.g. CMD [\"python\", \"app.py\"], so your program is PID 1 and receives signals.",
        explanation: "In shell form (`CMD python app.py`) Docker runs `/bin/sh -c \"python app.py\"`: the shell becomes PID 1 and your program its child. `docker stop` sends SIGTERM to PID 1, and /bin/sh does not forward it, so your program never hears it; after 10 seconds Docker kills everything with SIGKILL. Cleanup code (closing files, saving a checkpoint, finishing requests) never runs, and every stop takes 10 seconds. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments. In exec form the program is started directly, is PID 1 and gets the signal.",
        fix: "Write the command as a JSON array with double quotes: `CMD [\"uvicorn\", \"app.main:app\", \"--host\", \"0.0.0.0\"]`. If you need shell features, `CMD [\"sh\", \"-c\", \"exec python app.py\"]` keeps the program as PID 1.",
    )
};

/// `dispatchCmd` / `dispatchEntrypoint` with `PrependShell`.
pub fn check(cx: &Cx<'_, '_>, sink: &mut Sink, i: usize, ins: &Instruction<'_>, shell: &[String]) {
    if !shell.is_empty() {
        return;
    }
    sink.report(
        &META,
        cx.at(i, ins.raw_args_span),
        format!(
            "JSON arguments recommended for {} to prevent unintended behavior related to OS signals",
            ins.keyword.as_str()
        ),
    );
}
