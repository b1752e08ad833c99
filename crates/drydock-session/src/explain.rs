//! Explanations the docs panel shows for situations a learner meets in the terminal (data files
//! in `data/explain/`), keyed by topic; `Event::Explanation` points at them.

const TOPICS: &[(&str, &str)] = &[("gpus", include_str!("../data/explain/gpus.md"))];

/// The Markdown text of a topic.
pub fn explanation(topic: &str) -> Option<&'static str> {
    TOPICS
        .iter()
        .find(|(t, _)| *t == topic)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn gpu_topic() {
        assert!(super::explanation("gpus").is_some_and(|t| t.contains("[[gpu]]")));
        assert!(super::explanation("nope").is_none());
    }
}
