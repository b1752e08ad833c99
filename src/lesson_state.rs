//! The lessons' part of the app state: the lesson being taken, the learner's progress in every
//! lesson (steps done, predictions answered, the step shown, hints revealed), a lesson waiting
//! for the learner to confirm it may replace the project, and the saved form of it all (a
//! versioned JSON document in local storage). Pure data and transitions, tested natively.
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use drydock_session::lesson::{self, Lesson};
use serde::{Deserialize, Serialize};

/// The local-storage key in a storage namespace (bump the version when the saved shape changes
/// incompatibly).
pub fn storage_key(namespace: &str) -> String {
    format!("{namespace}#lessons-v1")
}

/// The learner's progress in one lesson.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Steps (0-based) whose goals held.
    pub done: BTreeSet<usize>,
    /// Steps whose predict question was answered right.
    pub answered: BTreeSet<usize>,
    /// The step shown.
    pub step: usize,
    /// Hints revealed for the step shown.
    pub hints: usize,
    /// Whether every step was done once (kept when the lesson is started again).
    pub completed: bool,
}

/// A lesson and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonRef {
    pub lesson: Rc<Lesson>,
    /// Its TOML text when it is not a bundled lesson (a file or a URL), to restore it on reload.
    pub source: Option<Rc<str>>,
}

/// Everything about lessons the app keeps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lessons {
    /// The lesson being taken (its panel is shown).
    pub active: Option<LessonRef>,
    /// Progress by lesson id.
    pub progress: Rc<BTreeMap<String, Progress>>,
    /// A lesson waiting for the learner's go-ahead to replace the project.
    pub pending: Option<LessonRef>,
    /// The last wrong predict choice on the step shown (cleared when the step changes).
    pub wrong: Option<usize>,
    /// Whether the lesson panel is folded to a narrow strip.
    pub collapsed: bool,
}

/// What the learner did in a lesson.
#[derive(Debug, Clone, PartialEq)]
pub enum LessonAction {
    /// Chose a predict answer on the step shown.
    Answer(usize),
    /// Revealed the next hint.
    Hint,
    /// Showed a step (0-based).
    Goto(usize),
    /// The step's goals all hold.
    StepDone(usize),
    /// Closed the lesson panel (the progress stays).
    Close,
    Collapse(bool),
    /// A lesson to confirm before it replaces the project.
    Ask(LessonRef),
}

/// The saved document.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Saved {
    lessons: BTreeMap<String, Progress>,
    /// The active lesson's id, and its TOML text when it is not bundled.
    active: Option<String>,
    source: Option<String>,
    collapsed: bool,
}

impl Lessons {
    /// The active lesson's progress (default when none yet).
    pub fn current(&self) -> Progress {
        self.active
            .as_ref()
            .and_then(|a| self.progress.get(&a.lesson.id).cloned())
            .unwrap_or_default()
    }

    /// The progress of the lesson with this id.
    pub fn of(&self, id: &str) -> Progress {
        self.progress.get(id).cloned().unwrap_or_default()
    }

    fn update(&mut self, id: &str, f: impl FnOnce(&mut Progress)) {
        let mut map = (*self.progress).clone();
        f(map.entry(id.to_owned()).or_default());
        self.progress = Rc::new(map);
    }

    /// Makes `r` the active lesson, from its first step (a restart keeps `completed`).
    pub fn started(&self, r: LessonRef) -> Lessons {
        let mut next = self.clone();
        let id = r.lesson.id.clone();
        next.update(&id, |p| {
            *p = Progress {
                completed: p.completed,
                ..Progress::default()
            }
        });
        next.active = Some(r);
        next.pending = None;
        next.wrong = None;
        next.collapsed = false;
        next
    }

    /// Applies a learner action.
    pub fn reduce(&self, action: LessonAction) -> Lessons {
        let mut next = self.clone();
        if let LessonAction::Ask(r) = action {
            next.pending = Some(r);
            return next;
        }
        let Some(active) = self.active.clone() else {
            return next;
        };
        let lesson = &active.lesson;
        let steps = lesson.steps.len();
        let step = self.current().step.min(steps.saturating_sub(1));
        match action {
            LessonAction::Answer(choice) => {
                let right = lesson
                    .steps
                    .get(step)
                    .and_then(|s| s.predict.as_ref())
                    .is_some_and(|p| p.answer == choice);
                if right {
                    next.update(&lesson.id, |p| {
                        p.answered.insert(step);
                    });
                    next.wrong = None;
                } else {
                    next.wrong = Some(choice);
                    // A wrong answer reveals the first hint.
                    next.update(&lesson.id, |p| p.hints = p.hints.max(1));
                }
            }
            LessonAction::Hint => {
                let n = lesson.steps.get(step).map_or(0, |s| s.hints.len());
                next.update(&lesson.id, |p| p.hints = (p.hints + 1).min(n));
            }
            LessonAction::Goto(i) if i < steps => {
                if i != step {
                    next.wrong = None;
                    next.update(&lesson.id, |p| {
                        p.step = i;
                        p.hints = 0;
                    });
                }
            }
            LessonAction::Goto(_) => {}
            LessonAction::StepDone(i) if i < steps => {
                next.update(&lesson.id, |p| {
                    p.done.insert(i);
                    if p.done.len() == steps {
                        p.completed = true;
                    }
                });
            }
            LessonAction::StepDone(_) => {}
            LessonAction::Close => {
                next.active = None;
                next.wrong = None;
            }
            LessonAction::Collapse(c) => next.collapsed = c,
            LessonAction::Ask(_) => {}
        }
        next
    }

    /// The saved form (JSON).
    pub fn to_json(&self) -> String {
        let saved = Saved {
            lessons: (*self.progress).clone(),
            active: self.active.as_ref().map(|a| a.lesson.id.clone()),
            source: self
                .active
                .as_ref()
                .and_then(|a| a.source.as_deref().map(str::to_owned)),
            collapsed: self.collapsed,
        };
        serde_json::to_string(&saved).unwrap_or_default()
    }

    /// Reads the saved form back (anything unreadable gives a fresh start).
    pub fn from_json(text: &str) -> Lessons {
        let Ok(saved) = serde_json::from_str::<Saved>(text) else {
            return Lessons::default();
        };
        let active = saved.active.and_then(|id| match saved.source {
            Some(src) => lesson::load(&src)
                .ok()
                .filter(|l| l.id == id)
                .map(|l| LessonRef {
                    lesson: Rc::new(l),
                    source: Some(Rc::from(src)),
                }),
            None => lesson::pack::get(&id).map(|l| LessonRef {
                lesson: Rc::new(l),
                source: None,
            }),
        });
        Lessons {
            active,
            progress: Rc::new(saved.lessons),
            pending: None,
            wrong: None,
            collapsed: saved.collapsed,
        }
    }
}

/// The bundled lessons, loaded once per call site (the pack is small).
pub fn bundled() -> Vec<Rc<Lesson>> {
    lesson::pack::all().into_iter().map(Rc::new).collect()
}

/// The bundled lesson after `id`, if any.
pub fn next_bundled(id: &str) -> Option<Rc<Lesson>> {
    let all = bundled();
    let i = all.iter().position(|l| l.id == id)?;
    all.get(i + 1).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first() -> LessonRef {
        LessonRef {
            lesson: Rc::new(lesson::pack::get("docker-cp").unwrap()),
            source: None,
        }
    }

    #[test]
    fn answers_hints_steps_and_saving() {
        let l = Lessons::default().started(first());
        assert_eq!(l.current(), Progress::default());
        // docker-cp step 1 has a predict question; the answer is choice 1.
        let l = l.reduce(LessonAction::Answer(0));
        assert_eq!(l.wrong, Some(0));
        assert_eq!(l.current().hints, 1);
        let l = l.reduce(LessonAction::Answer(1));
        assert_eq!(l.wrong, None);
        assert!(l.current().answered.contains(&0));
        let l = l
            .reduce(LessonAction::StepDone(0))
            .reduce(LessonAction::Goto(1));
        assert_eq!(l.current().step, 1);
        let l = l
            .reduce(LessonAction::StepDone(1))
            .reduce(LessonAction::StepDone(2));
        assert!(l.current().completed);
        let l = l.reduce(LessonAction::StepDone(9));
        assert_eq!(l.current().done.len(), 3);

        let back = Lessons::from_json(&l.to_json());
        assert_eq!(back.progress, l.progress);
        assert_eq!(back.active, l.active);
        // A restart starts over but remembers the lesson was completed once.
        let again = back.started(first());
        assert!(again.current().done.is_empty());
        assert!(again.current().completed);
        assert_eq!(Lessons::from_json("not json"), Lessons::default());
        assert_eq!(
            Lessons::default().reduce(LessonAction::Close),
            Lessons::default()
        );
    }

    #[test]
    fn a_file_lesson_is_restored_from_its_text() {
        let src = "id = \"mine\"\ntitle = \"Mine\"\n[[steps]]\ntitle = \"One\"\ngoals = [{ ran = \"docker images\" }]\n";
        let r = LessonRef {
            lesson: Rc::new(lesson::load(src).unwrap()),
            source: Some(Rc::from(src)),
        };
        let l = Lessons::default().started(r);
        let back = Lessons::from_json(&l.to_json());
        assert_eq!(
            back.active.map(|a| a.lesson.id.clone()).as_deref(),
            Some("mine")
        );
        assert_eq!(
            next_bundled("first-dockerfile")
                .map(|l| l.id.clone())
                .as_deref(),
            Some("build-and-tag")
        );
        assert!(next_bundled("gpus").is_none());
    }
}
