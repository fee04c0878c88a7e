//! The demand log's writer thread: it wakes every [`WRITE_EVERY`] (or at
//! once for a flush), hashes the session ids of every turn queued, writes
//! them as JSON Lines in one write, calls `fdatasync` about once a
//! [`SYNC_EVERY`], notes turns dropped while it was behind (a `dropped`
//! line and a warning, at most one a minute), and rotates its file at the
//! size limit. Depends on [`super::event`], [`super::key`],
//! [`super::log_file`] and std; never on the handle that feeds it.

use super::event::{DroppedEvent, FORMAT_VERSION, Record, TurnEvent, TurnFacts};
use super::key::SessionKey;
use super::log_file::{EXTENSION, ROTATED_FILES, rotated_files};
use super::time::now_ms;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender};
use std::time::{Duration, Instant};

/// How often the writer wakes to write what is queued. Turns are not
/// written one by one: waking a thread and a write per turn would cost
/// more than the turn's own search.
pub const WRITE_EVERY: Duration = Duration::from_millis(200);
/// How often written events are made durable.
pub const SYNC_EVERY: Duration = Duration::from_secs(1);
/// A turn handed to the writer thread (its facts boxed: the queue's slots
/// stay small).
pub(super) struct Pending {
    pub(super) at: u64,
    pub(super) session: String,
    pub(super) facts: Box<TurnFacts>,
}

/// Counters shared by the handle and the writer.
#[derive(Debug, Default)]
pub(super) struct Counters {
    pub(super) recorded: AtomicU64,
    pub(super) dropped: AtomicU64,
    pub(super) written: AtomicU64,
    pub(super) failed: AtomicU64,
}

/// The writer thread's state.
pub(super) struct Writer {
    dir: PathBuf,
    path: PathBuf,
    file: File,
    key: SessionKey,
    buffer: Vec<u8>,
    rotate_at: u64,
    counters: Arc<Counters>,
    /// Drops already written to the log as `dropped` lines.
    dropped_logged: u64,
    /// When the last warning about drops or failures was logged.
    warned_at: Option<Instant>,
}

impl Writer {
    /// The writer of the active file `path` in `dir`, rotating it at
    /// `rotate_at` bytes.
    pub(super) fn new(
        dir: PathBuf,
        (file, path): (File, PathBuf),
        key: SessionKey,
        rotate_at: u64,
        counters: Arc<Counters>,
    ) -> Writer {
        Writer {
            dir,
            path,
            file,
            key,
            buffer: Vec::with_capacity(64 * 1024),
            rotate_at,
            counters,
            dropped_logged: 0,
            warned_at: None,
        }
    }

    pub(super) fn run(
        &mut self,
        turns: Receiver<Pending>,
        flush_requests: Receiver<SyncSender<()>>,
    ) {
        let mut synced_at = Instant::now();
        let mut dirty = false;
        loop {
            // Sleep until the next write, unless a flush is asked for or
            // the log is closed.
            let mut flushes = Vec::new();
            let mut closed = false;
            match flush_requests.recv_timeout(WRITE_EVERY) {
                Ok(done) => flushes.push(done),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => closed = true,
            }
            flushes.extend(flush_requests.try_iter());
            // Everything queued goes out, in writes of at most 256 KiB.
            while let Ok(pending) = turns.try_recv() {
                self.take(pending);
                if self.buffer.len() >= 256 * 1024 {
                    dirty |= self.write_out();
                }
            }
            self.note_drops();
            dirty |= self.write_out();
            if dirty && (closed || !flushes.is_empty() || synced_at.elapsed() >= SYNC_EVERY) {
                if let Err(err) = self.file.sync_data() {
                    self.warn(&format!("cannot sync {}: {err}", self.path.display()));
                }
                dirty = false;
                synced_at = Instant::now();
            } else if !dirty && synced_at.elapsed() >= SYNC_EVERY {
                synced_at = Instant::now();
            }
            for done in flushes {
                let _ = done.send(());
            }
            if closed {
                break;
            }
            self.rotate_if_full();
        }
    }

    fn take(&mut self, pending: Pending) {
        let event = TurnEvent::new(pending.at, self.key.hash(&pending.session), &pending.facts);
        self.push(&Record::Turn {
            v: FORMAT_VERSION,
            event,
        });
    }

    fn push(&mut self, record: &Record) {
        if serde_json::to_writer(&mut self.buffer, record).is_ok() {
            self.buffer.push(b'\n');
        }
    }

    /// Writes a `dropped` line for the turns dropped since the last one.
    fn note_drops(&mut self) {
        let dropped = self.counters.dropped.load(Ordering::Relaxed);
        if dropped > self.dropped_logged {
            let new = dropped - self.dropped_logged;
            self.dropped_logged = dropped;
            self.push(&Record::Dropped {
                v: FORMAT_VERSION,
                event: DroppedEvent {
                    at: now_ms(),
                    dropped: new,
                },
            });
            self.warn(&format!(
                "{new} turns were not logged: the demand log writer fell behind"
            ));
        }
    }

    /// Writes the buffer; true when something was written.
    fn write_out(&mut self) -> bool {
        if self.buffer.is_empty() {
            return false;
        }
        let lines = self.buffer.iter().filter(|&&b| b == b'\n').count() as u64;
        match self.file.write_all(&self.buffer) {
            Ok(()) => {
                self.counters.written.fetch_add(lines, Ordering::Relaxed);
            }
            Err(err) => {
                self.counters.failed.fetch_add(lines, Ordering::Relaxed);
                self.warn(&format!(
                    "cannot write {} ({lines} events lost): {err}",
                    self.path.display()
                ));
            }
        }
        self.buffer.clear();
        true
    }

    /// A warning in the process log, at most one a minute.
    fn warn(&mut self, what: &str) {
        if self
            .warned_at
            .is_none_or(|at| at.elapsed() >= Duration::from_secs(60))
        {
            tracing::warn!("demand log: {what}");
            self.warned_at = Some(Instant::now());
        }
    }

    /// Past the size limit: the active file becomes `<name>.<unix ms>.jsonl`
    /// and the oldest rotated files beyond [`ROTATED_FILES`] are removed.
    fn rotate_if_full(&mut self) {
        let size = self.file.metadata().map_or(0, |m| m.len());
        if size < self.rotate_at {
            return;
        }
        let Some(stem) = self
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            return;
        };
        let _ = self.file.sync_data();
        let rotated = self.dir.join(format!("{stem}.{}.{EXTENSION}", now_ms()));
        if let Err(err) = fs::rename(&self.path, &rotated) {
            self.warn(&format!("cannot rotate {}: {err}", self.path.display()));
            return;
        }
        match OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
        {
            Ok(file) => {
                let _ = file.try_lock();
                self.file = file;
            }
            Err(err) => {
                self.warn(&format!("cannot reopen {}: {err}", self.path.display()));
                return;
            }
        }
        let mut old = rotated_files(&self.dir, &stem);
        old.sort();
        let excess = old.len().saturating_sub(ROTATED_FILES);
        for (_, path) in old.into_iter().take(excess) {
            let _ = fs::remove_file(path);
        }
    }
}
