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
    /// The virtual clock (milliseconds since the run started) that simulated programs advance
    /// (downloads, installs, `sleep`); deterministic, never a real clock.
    pub clock_ms: u64,
    /// When output was written: (byte offset into everything written so far, `clock_ms` then),
    /// one entry each time the clock moved between writes.
    pub stamps: Vec<(usize, u64)>,
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
        if self
            .stamps
            .last()
            .map_or(self.clock_ms != 0, |s| s.1 != self.clock_ms)
        {
            self.stamps.push((used, self.clock_ms));
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

impl Output {
    /// Advances the virtual clock by `ms` (bounded, so a long `sleep` cannot overflow).
    pub fn advance(&mut self, ms: u64) {
        self.clock_ms = self.clock_ms.saturating_add(ms).min(MAX_CLOCK_MS);
    }

    /// The virtual time at which the byte at `offset` (into everything written) was written.
    pub fn time_at(&self, offset: usize) -> u64 {
        self.stamps
            .iter()
            .take_while(|(o, _)| *o <= offset)
            .last()
            .map_or(0, |s| s.1)
    }
}

/// A run's clock never passes 30 days.
const MAX_CLOCK_MS: u64 = 30 * 86_400_000;
