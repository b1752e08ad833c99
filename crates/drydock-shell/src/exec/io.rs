//! Open file descriptors of a shell: where each fd writes (stdout, stderr, a file, a capture
//! buffer, /dev/null) or what it reads, and the writes themselves.
use crate::fs::{NewMeta, WriteMode};
use crate::output::Stream;
use crate::process::Runtime;
use std::cell::RefCell;
use std::rc::Rc;

/// Number of fds a shell tracks (dash allows 0–9 in redirections).
pub const MAX_FD: usize = 10;

/// Where writes to an fd go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    Stdout,
    Stderr,
    /// An absolute path in the filesystem (opened already; writes append).
    File(String),
    Null,
    /// A command substitution or pipeline buffer (index into the runtime's capture stack).
    Capture(usize),
}

/// Bytes an fd reads from, with a read position shared by everything that holds the fd.
#[derive(Debug, Clone, Default)]
pub struct InBuf {
    pub data: Vec<u8>,
    pub pos: usize,
}

#[derive(Debug, Clone)]
pub enum Fd {
    Out(Sink),
    In(Rc<RefCell<InBuf>>),
}

/// The fd table.
#[derive(Debug, Clone)]
pub struct Fds {
    pub(crate) slots: Vec<Option<Fd>>,
}

impl Fds {
    /// fd 0 empty input (`RUN` has no stdin), fd 1 stdout, fd 2 stderr.
    pub fn standard() -> Self {
        let mut slots = vec![None; MAX_FD];
        if let Some(s) = slots.get_mut(0) {
            *s = Some(Fd::In(Rc::new(RefCell::new(InBuf::default()))));
        }
        if let Some(s) = slots.get_mut(1) {
            *s = Some(Fd::Out(Sink::Stdout));
        }
        if let Some(s) = slots.get_mut(2) {
            *s = Some(Fd::Out(Sink::Stderr));
        }
        Self { slots }
    }

    pub fn get(&self, fd: u32) -> Option<&Fd> {
        self.slots.get(fd as usize).and_then(Option::as_ref)
    }

    pub fn set(&mut self, fd: u32, v: Option<Fd>) {
        if let Some(s) = self.slots.get_mut(fd as usize) {
            *s = v;
        }
    }

    /// Where fd writes go (`None` when closed or an input).
    pub fn sink(&self, fd: u32) -> Option<Sink> {
        match self.get(fd) {
            Some(Fd::Out(s)) => Some(s.clone()),
            _ => None,
        }
    }

    /// Takes the unread rest of fd's input.
    pub fn take_input(&self, fd: u32) -> Vec<u8> {
        match self.get(fd) {
            Some(Fd::In(b)) => {
                let mut b = b.borrow_mut();
                let rest = b.data.get(b.pos..).unwrap_or(&[]).to_vec();
                b.pos = b.data.len();
                rest
            }
            _ => Vec::new(),
        }
    }

    /// Reads one byte of fd's input.
    pub fn read_byte(&self, fd: u32) -> Option<u8> {
        match self.get(fd) {
            Some(Fd::In(b)) => {
                let mut b = b.borrow_mut();
                let c = b.data.get(b.pos).copied();
                if c.is_some() {
                    b.pos += 1;
                }
                c
            }
            _ => None,
        }
    }
}

/// Input fd over `data`.
pub fn input(data: Vec<u8>) -> Fd {
    Fd::In(Rc::new(RefCell::new(InBuf { data, pos: 0 })))
}

/// Writes bytes to a sink.
pub fn write_sink(rt: &mut Runtime<'_>, sink: &Sink, bytes: &[u8]) {
    match sink {
        Sink::Stdout => rt.output.write(Stream::Stdout, bytes),
        Sink::Stderr => rt.output.write(Stream::Stderr, bytes),
        Sink::Null => {}
        Sink::Capture(i) => {
            let max = rt.config.limits.max_output;
            if let Some(buf) = rt.captures.get_mut(*i) {
                let room = max.saturating_sub(buf.len());
                buf.extend_from_slice(bytes.get(..bytes.len().min(room)).unwrap_or(&[]));
            }
        }
        Sink::File(path) => {
            let meta = NewMeta {
                mode: 0o644,
                uid: 0,
                gid: 0,
                mtime: rt.config.mtime,
            };
            let _ = rt.fs.write_file(path, bytes, WriteMode::Append, meta);
        }
    }
}
