//! DD014 `missing-run`: an unknown instruction that is really a shell command (`pip install …`,
//! `apt-get …`, `cd …`, `mkdir …`): RUN is missing, or the line above lost its backslash.
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{RuleMeta, ShowMe};
use drydock_syntax::Kind;

pub static META: RuleMeta = learner_rule!(
    "DD014", "missing-run", Info,
    description: "Shell command written without RUN",
    url: "https://docs.docker.com/reference/dockerfile/#run",
    hint: "Every line of a Dockerfile starts with an instruction: write RUN before a shell command.",
    explanation: "A Dockerfile is not a shell script: each line starts with an instruction (FROM, RUN, COPY, …) and only RUN executes commands. A line like `pip install numpy` makes Docker read `pip` as an instruction name and stop with `unknown instruction: pip`. When the line was meant to continue the RUN above, that RUN is missing its trailing backslash.",
    fix: "Write `RUN pip install numpy`, or end the previous RUN line with ` \\` (and `&&` between commands).",
    show_me: None::<ShowMe>,
);

const SHELL_WORDS: [&str; 52] = [
    "pip",
    "pip3",
    "python",
    "python3",
    "apt-get",
    "apt",
    "apk",
    "yum",
    "dnf",
    "cd",
    "mkdir",
    "rm",
    "cp",
    "mv",
    "ls",
    "echo",
    "curl",
    "wget",
    "git",
    "chmod",
    "chown",
    "npm",
    "npx",
    "yarn",
    "pnpm",
    "conda",
    "mamba",
    "uv",
    "poetry",
    "export",
    "source",
    "make",
    "tar",
    "unzip",
    "ln",
    "touch",
    "cat",
    "sed",
    "useradd",
    "adduser",
    "groupadd",
    "go",
    "cargo",
    "bash",
    "sh",
    "sudo",
    "pytest",
    "jupyter",
    "uvicorn",
    "gunicorn",
    "streamlit",
    "set",
];

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    let df = lx.cx.df();
    for (i, ins) in df.instructions.iter().enumerate() {
        if ins.kind != Kind::Unknown {
            continue;
        }
        let kw = ins.keyword.to_lowercase();
        if !SHELL_WORDS.contains(&kw.as_str()) && !kw.starts_with("python3.") {
            continue;
        }
        let line = ins.line.trim();
        let mut msg = format!(
            "{} is a shell command, not a Dockerfile instruction: write RUN {line}",
            ins.keyword.as_str()
        );
        if let Some(prev) = i.checked_sub(1).and_then(|p| df.instructions.get(p))
            && prev.kind == Kind::Run
            && prev.end_line + 1 == ins.start_line
        {
            msg.push_str(&format!(
                " (or, if it belongs to the RUN above, end line {} with a backslash)",
                prev.end_line
            ));
        }
        sink.report(&META, lx.at(i, ins.keyword_span), msg);
    }
}
