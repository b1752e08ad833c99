//! Explanations the docs panel shows for situations a learner meets in the terminal (data files
//! in `data/explain/`), keyed by topic; `Event::Explanation` points at them.

const TOPICS: &[(&str, &str)] = &[
    ("gpus", include_str!("../data/explain/gpus.md")),
    ("host-paths", include_str!("../data/explain/host-paths.md")),
    (
        "python-prompt",
        include_str!("../data/explain/python-prompt.md"),
    ),
];

/// The Markdown text of a topic.
pub fn explanation(topic: &str) -> Option<&'static str> {
    find(topic).map(|(_, text)| text)
}

/// A topic's key and text (the key as a `'static` str, for front-ends that keep it).
pub fn find(topic: &str) -> Option<(&'static str, &'static str)> {
    TOPICS.iter().find(|(t, _)| *t == topic).copied()
}

/// A topic's title as plain text: its first line without the `# ` and code marks.
pub fn title(text: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    first.strip_prefix("# ").unwrap_or(first).replace('`', "")
}

#[cfg(test)]
mod tests {
    #[test]
    fn gpu_topic() {
        assert!(super::explanation("gpus").is_some_and(|t| t.contains("[[gpu]]")));
        assert!(super::explanation("nope").is_none());
        let (key, text) = super::find("python-prompt").unwrap();
        assert_eq!(
            (key, super::title(text).as_str()),
            ("python-prompt", "Python's prompt in Drydock")
        );
        let gpus = super::explanation("gpus").unwrap();
        assert_eq!(super::title(gpus), "Why --gpus all fails here");
        let paths = super::explanation("host-paths").unwrap();
        assert_eq!(super::title(paths), "Why -v %cd%/models:/models fails here");
    }
}
