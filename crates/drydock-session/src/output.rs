//! What a command prints and what happened, as plain data: ordered stdout/stderr chunks (a
//! terminal shows them interleaved), the exit status, and events for views that react to changes
//! (`ImageBuilt`, `ContainerCreated`, `HostFileChanged`, …).
use serde::{Deserialize, Serialize};

/// Which stream a chunk went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
}

/// One piece of output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    pub stream: Stream,
    pub text: String,
}

/// Something that changed, for views that want to react without diffing the whole state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    ImageBuilt {
        id: String,
        tags: Vec<String>,
    },
    ImageRemoved {
        id: String,
    },
    ImageTagged {
        id: String,
        tag: String,
    },
    ImageUntagged {
        id: String,
        tag: String,
    },
    ContainerCreated {
        id: String,
        name: String,
    },
    ContainerStarted {
        id: String,
    },
    ContainerExited {
        id: String,
        code: i32,
    },
    ContainerRemoved {
        id: String,
    },
    VolumeCreated {
        name: String,
    },
    VolumeRemoved {
        name: String,
    },
    /// A file or folder of the host project was created, changed or removed (by `docker cp` or
    /// through a bind mount); the path is relative to the project folder.
    HostFileChanged {
        path: String,
    },
    /// The terminal entered a shell inside a container (`docker run -it … sh`, `docker exec -it`).
    ShellEntered {
        container: String,
    },
    /// The terminal is back at the docker prompt.
    ShellExited {
        container: String,
        code: i32,
    },
    /// Something happened that the docs panel explains (`drydock_session::explain`).
    Explanation {
        topic: String,
    },
}

/// The result of one action.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Output {
    pub chunks: Vec<Chunk>,
    pub exit_code: i32,
    pub events: Vec<Event>,
}

impl Output {
    /// An empty, successful output.
    pub fn new() -> Self {
        Output::default()
    }

    /// Appends text to stdout (merged with a preceding stdout chunk).
    pub fn out(&mut self, text: impl AsRef<str>) {
        self.push(Stream::Stdout, text.as_ref());
    }

    /// Appends text to stderr.
    pub fn err(&mut self, text: impl AsRef<str>) {
        self.push(Stream::Stderr, text.as_ref());
    }

    /// Appends a line (a newline is added) to stdout.
    pub fn outln(&mut self, line: impl AsRef<str>) {
        self.push(Stream::Stdout, line.as_ref());
        self.push(Stream::Stdout, "\n");
    }

    /// Appends a line (a newline is added) to stderr.
    pub fn errln(&mut self, line: impl AsRef<str>) {
        self.push(Stream::Stderr, line.as_ref());
        self.push(Stream::Stderr, "\n");
    }

    fn push(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some(c) if c.stream == stream => c.text.push_str(text),
            _ => self.chunks.push(Chunk {
                stream,
                text: text.to_owned(),
            }),
        }
    }

    /// Everything printed to stdout.
    pub fn stdout(&self) -> String {
        self.collect(Stream::Stdout)
    }

    /// Everything printed to stderr.
    pub fn stderr(&self) -> String {
        self.collect(Stream::Stderr)
    }

    /// Both streams in the order they were written (what a terminal shows).
    pub fn text(&self) -> String {
        self.chunks.iter().map(|c| c.text.as_str()).collect()
    }

    fn collect(&self, s: Stream) -> String {
        self.chunks
            .iter()
            .filter(|c| c.stream == s)
            .map(|c| c.text.as_str())
            .collect()
    }

    /// Sets the exit status (builder style).
    #[must_use]
    pub fn with_code(mut self, code: i32) -> Self {
        self.exit_code = code;
        self
    }

    /// An output that is only `text` on stderr with status `code`.
    pub fn error(text: impl AsRef<str>, code: i32) -> Self {
        let mut o = Output::new();
        o.err(text);
        o.exit_code = code;
        o
    }

    /// Appends another output's chunks and events (its status is ignored).
    pub fn extend(&mut self, other: Output) {
        for c in other.chunks {
            self.push(c.stream, &c.text);
        }
        self.events.extend(other.events);
    }
}
