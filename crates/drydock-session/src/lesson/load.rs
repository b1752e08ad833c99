//! Loading a lesson from TOML text: parse errors with their line and column (unknown goal kinds
//! and fields included, as serde names them), then validation of what the types cannot say (id
//! syntax, at least one step, predict answers in range, the starting example exists).
use super::model::{Goal, Lesson};

/// Why a lesson could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parses and validates a lesson.
pub fn load(text: &str) -> Result<Lesson, LoadError> {
    let lesson: Lesson = toml::from_str(text).map_err(|e| LoadError {
        message: e.to_string().trim_end().to_owned(),
    })?;
    let problems = validate(&lesson);
    if problems.is_empty() {
        Ok(lesson)
    } else {
        Err(LoadError {
            message: problems.join("\n"),
        })
    }
}

/// What is wrong with a parsed lesson (empty when it is valid).
pub fn validate(lesson: &Lesson) -> Vec<String> {
    let mut out = Vec::new();
    let id_ok = !lesson.id.is_empty()
        && lesson
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        out.push(format!(
            "id {:?}: use lowercase letters, digits and `-` only",
            lesson.id
        ));
    }
    if lesson.title.trim().is_empty() {
        out.push("title is empty".to_owned());
    }
    if let Some(ex) = &lesson.start.example
        && crate::examples::get(ex).is_none()
    {
        let ids: Vec<&str> = crate::examples::all().iter().map(|e| e.id).collect();
        out.push(format!(
            "start.example {ex:?} is not an example (one of: {})",
            ids.join(", ")
        ));
    }
    if lesson.steps.is_empty() {
        out.push("a lesson needs at least one [[steps]]".to_owned());
    }
    for (i, step) in lesson.steps.iter().enumerate() {
        let n = i + 1;
        if let Some(p) = &step.predict {
            if p.choices.len() < 2 {
                out.push(format!("step {n}: predict needs at least two choices"));
            }
            if p.answer >= p.choices.len() {
                out.push(format!(
                    "step {n}: predict.answer is {} but there are {} choices (answer counts from 0)",
                    p.answer,
                    p.choices.len()
                ));
            }
        }
        for g in &step.goals {
            if let Goal::ImageConfig(c) = g
                && c.workdir.is_none()
                && c.entrypoint.is_none()
                && c.cmd.is_none()
                && c.env.is_none()
                && c.exposed.is_none()
                && c.user.is_none()
            {
                out.push(format!(
                    "step {n}: image_config for {:?} checks nothing (give workdir, entrypoint, cmd, env, exposed or user)",
                    c.image
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::load;

    #[test]
    fn unknown_goal_kind_and_bad_answer_are_reported() {
        let e = load(
            "id = \"x\"\ntitle = \"X\"\n[[steps]]\ntitle = \"s\"\ngoals = [{ imag = \"a\" }]\n",
        )
        .unwrap_err();
        assert!(e.message.contains("unknown variant `imag`"), "{e}");
        assert!(e.message.contains("line 5"), "{e}");
        let e = load(
            "id = \"x\"\ntitle = \"X\"\n[[steps]]\ntitle = \"s\"\npredict = { question = \"q\", choices = [\"a\", \"b\"], answer = 2 }\n",
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            "step 1: predict.answer is 2 but there are 2 choices (answer counts from 0)"
        );
    }
}
