//! Captured output: stdout and stderr as byte buffers plus one ordered log of chunks for a console.

/// Which stream a chunk went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Everything a run printed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Output {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Chunks in the order they were written (consecutive writes to one stream merged).
    pub log: Vec<(Stream, Vec<u8>)>,
    /// Set when output beyond the limit was dropped.
    pub truncated: bool,
    max: usize,
}

impl Output {
    pub fn new(max: usize) -> Self {
        Self {
            max,
            ..Self::default()
        }
    }

    pub fn write(&mut self, stream: Stream, bytes: &[u8]) {
        let used = self.stdout.len() + self.stderr.len();
        let room = self.max.saturating_sub(used);
        let bytes = if bytes.len() > room {
            self.truncated = true;
            bytes.get(..room).unwrap_or(&[])
        } else {
            bytes
        };
        if bytes.is_empty() {
            return;
        }
        match stream {
            Stream::Stdout => self.stdout.extend_from_slice(bytes),
            Stream::Stderr => self.stderr.extend_from_slice(bytes),
        }
        match self.log.last_mut() {
            Some((s, buf)) if *s == stream => buf.extend_from_slice(bytes),
            _ => self.log.push((stream, bytes.to_vec())),
        }
    }
}
