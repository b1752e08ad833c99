//! The headless lesson validator: starts a fresh [`Session`] from the lesson's starting project,
//! then for each step applies the reference solution (file edits as the editor makes them, lines
//! typed through the terminal's path) and evaluates the step's goals. Returns a structured
//! report; printing is the front-end's.

use super::model::{Lesson, Solution, Start};
use crate::config::SessionConfig;
use crate::session::{Action, Session};

/// A goal that did not hold (or a solution action that could not be applied: goal `solution`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub goal: String,
    pub why: String,
}

/// A terminal line of a solution, its exit status and what it printed (stdout then stderr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandRun {
    pub line: String,
    pub exit_code: i32,
    pub output: String,
}

/// One step's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepReport {
    /// 1-based.
    pub number: usize,
    pub title: String,
    /// The solution's terminal lines as run.
    pub commands: Vec<CommandRun>,
    pub failures: Vec<Failure>,
}

/// The whole lesson's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub lesson: String,
    pub steps: Vec<StepReport>,
}

impl CheckReport {
    pub fn passed(&self) -> bool {
        self.steps.iter().all(|s| s.failures.is_empty())
    }

    /// The report as `drydock lesson check` prints it: per step `lesson ID step N TITLE: ok`, or
    /// one `… FAIL <goal> — <why>` line per failure followed by the step's failed terminal lines
    /// (`  $ LINE  (exit N)`) and the last lines of their output (`  | …`).
    pub fn render(&self) -> String {
        let mut out = String::new();
        for step in &self.steps {
            let head = format!(
                "lesson {} step {} {}:",
                self.lesson, step.number, step.title
            );
            if step.failures.is_empty() {
                out.push_str(&format!("{head} ok\n"));
                continue;
            }
            for f in &step.failures {
                out.push_str(&format!("{head} FAIL {} — {}\n", f.goal, f.why));
            }
            for c in step.commands.iter().filter(|c| c.exit_code != 0) {
                out.push_str(&format!("  $ {}  (exit {})\n", c.line, c.exit_code));
                let lines: Vec<&str> = c.output.lines().collect();
                for l in &lines[lines.len().saturating_sub(8)..] {
                    out.push_str(&format!("  | {l}\n"));
                }
            }
        }
        out
    }
}

/// The project a lesson starts from: its example's files, minus `remove`, plus `files`.
pub fn start_session(start: &Start) -> Session {
    let host = start
        .example
        .as_deref()
        .and_then(crate::examples::get)
        .map(|e| e.tree())
        .unwrap_or_default();
    let mut s = Session::new(SessionConfig::default(), host);
    for p in &start.remove {
        s.apply(Action::Delete { path: p.clone() });
    }
    for (path, content) in &start.files {
        s.apply(Action::WriteFile {
            path: path.clone(),
            content: content.clone(),
        });
    }
    s
}

/// Runs the lesson's reference solution step by step and checks every goal.
pub fn check(lesson: &Lesson) -> CheckReport {
    let mut s = start_session(&lesson.start);
    let steps = lesson
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let mut failures = Vec::new();
            let commands = apply_solution(&mut s, &step.solution, &mut failures);
            for g in &step.goals {
                if let Err(why) = super::goal::check(&mut s, g) {
                    failures.push(Failure {
                        goal: super::goal::label(g),
                        why,
                    });
                }
            }
            StepReport {
                number: i + 1,
                title: step.title.clone(),
                commands,
                failures,
            }
        })
        .collect();
    CheckReport {
        lesson: lesson.id.clone(),
        steps,
    }
}

fn solution_failure(why: String) -> Failure {
    Failure {
        goal: "solution".to_owned(),
        why,
    }
}

fn host_text(s: &Session, path: &str) -> Option<String> {
    let p = format!("/{}", path.trim_start_matches('/'));
    s.host()
        .read_file(&p)
        .ok()
        .and_then(|c| c.as_text().map(str::to_owned))
}

/// Applies a solution; returns the terminal lines run and their statuses.
pub fn apply_solution(
    s: &mut Session,
    sol: &Solution,
    failures: &mut Vec<Failure>,
) -> Vec<CommandRun> {
    let edit = |s: &mut Session, action: Action, failures: &mut Vec<Failure>| {
        let out = s.apply(action);
        if out.exit_code != 0 {
            failures.push(solution_failure(out.stderr().trim_end().to_owned()));
        }
    };
    for p in &sol.remove {
        edit(s, Action::Delete { path: p.clone() }, failures);
    }
    for (path, content) in &sol.write {
        edit(
            s,
            Action::WriteFile {
                path: path.clone(),
                content: content.clone(),
            },
            failures,
        );
    }
    for (path, extra) in &sol.append {
        let content = host_text(s, path).unwrap_or_default() + extra;
        edit(
            s,
            Action::WriteFile {
                path: path.clone(),
                content,
            },
            failures,
        );
    }
    for r in &sol.replace {
        match host_text(s, &r.path) {
            Some(text) if text.contains(r.from.as_str()) => {
                let content = text.replacen(r.from.as_str(), &r.to, 1);
                edit(
                    s,
                    Action::WriteFile {
                        path: r.path.clone(),
                        content,
                    },
                    failures,
                );
            }
            Some(_) => failures.push(solution_failure(format!(
                "replace: {} does not contain {:?}",
                r.path, r.from
            ))),
            None => failures.push(solution_failure(format!(
                "replace: {} is not a text file of the project",
                r.path
            ))),
        }
    }
    sol.commands
        .iter()
        .map(|line| {
            let out = s.line(line);
            CommandRun {
                line: line.clone(),
                exit_code: out.exit_code,
                output: out.stdout() + &out.stderr(),
            }
        })
        .collect()
}
