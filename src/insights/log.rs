//! The demand log's writer: one event per turn, appended off the request
//! path. [`DemandLog::record`] hands the turn's facts to a bounded channel
//! and returns, without waking anyone; a writer thread wakes every
//! [`WRITE_EVERY`] (or at once for a flush), hashes the session ids of
//! everything queued, writes it as JSON Lines in one write, and calls
//! `fdatasync` about once a second, so a crash loses at most about the last
//! second. When the channel is full the turn is counted and
//! dropped rather than waited for; the count goes into the log itself (a
//! `dropped` line) and into a warning.
//!
//! Files: each writer appends to `<dir>/<name>.jsonl`, locked while it
//! writes (a second process with the same name takes `<name>-<pid>`), and
//! rotates it to `<dir>/<name>.<unix ms>.jsonl` at a size limit, keeping a
//! bounded number of rotated files. Several replicas sharing a directory
//! each write their own files; `vitrine insights` reads them all.
//! Depends on [`super::event`] and std (plus `hmac`/`sha2`).

use super::event::{DroppedEvent, FORMAT_VERSION, Record, TurnEvent, TurnFacts};
use super::key::SessionKey;
use super::time::now_ms;
use crate::error::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often the writer wakes to write what is queued. Turns are not
/// written one by one: waking a thread and a write per turn would cost
/// more than the turn's own search.
pub const WRITE_EVERY: Duration = Duration::from_millis(200);
/// How often written events are made durable.
pub const SYNC_EVERY: Duration = Duration::from_secs(1);
/// Rotated files kept per writer (besides the active one).
pub const ROTATED_FILES: usize = 7;
/// Default size budget of one writer's files (active + rotated), in MiB.
pub const DEFAULT_MAX_MB: u64 = 256;
/// Turns waiting for the writer before new ones are dropped.
pub const QUEUE: usize = 65_536;
/// The extension of log files.
pub const EXTENSION: &str = "jsonl";

/// Where and how a demand log is written.
#[derive(Debug, Clone)]
pub struct DemandLogConfig {
    /// The directory of the log files (created when missing).
    pub dir: PathBuf,
    /// This writer's file name without extension, e.g. `demand-web1-serve-8080`.
    pub name: String,
    /// The secret key of session hashes; `None`: `<dir>/demand.key`,
    /// created on first use.
    pub key_file: Option<PathBuf>,
    /// Size budget of this writer's files, in bytes: the active file
    /// rotates at a eighth of it and seven rotated files are kept.
    pub max_bytes: u64,
    /// Turns that may wait for the writer.
    pub queue: usize,
}

impl DemandLogConfig {
    /// A log in `dir` named after this host and `role` (`serve-8080`, `chat`).
    pub fn new(dir: impl Into<PathBuf>, role: &str) -> DemandLogConfig {
        DemandLogConfig {
            dir: dir.into(),
            name: format!("demand-{}-{}", hostname(), sanitize(role)),
            key_file: None,
            max_bytes: DEFAULT_MAX_MB * 1024 * 1024,
            queue: QUEUE,
        }
    }
}

/// This machine's host name, reduced to characters safe in a file name.
pub fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most `buf.len()` bytes into `buf`.
    let ok = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0;
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    let name = if ok {
        String::from_utf8_lossy(&buf[..end]).into_owned()
    } else {
        String::new()
    };
    let name = sanitize(&name);
    if name.is_empty() { "host".into() } else { name }
}

fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .trim_matches('-')
        .to_string()
}

/// A turn handed to the writer thread (its facts boxed: the queue's slots
/// stay small).
struct Pending {
    at: u64,
    session: String,
    facts: Box<TurnFacts>,
}

/// The handle's ends of the writer's two channels: turns (bounded, never
/// waited on, never waking the writer) and flush requests (each answered
/// once everything sent before it is written and synced).
#[derive(Debug)]
struct Senders {
    turns: SyncSender<Pending>,
    flushes: Sender<SyncSender<()>>,
}

/// Counters shared by the handle and the writer.
#[derive(Debug, Default)]
struct Counters {
    recorded: AtomicU64,
    dropped: AtomicU64,
    written: AtomicU64,
    failed: AtomicU64,
}

/// What the log has done so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LogStats {
    /// Turns handed to the log.
    pub recorded: u64,
    /// Turns dropped because the writer was behind.
    pub dropped: u64,
    /// Events written to the file.
    pub written: u64,
    /// Events lost to write errors (disk full, permissions).
    pub failed: u64,
}

/// The demand log of one process. `Send + Sync`; share it as `Arc`.
#[derive(Debug)]
pub struct DemandLog {
    sender: Mutex<Option<Senders>>,
    counters: Arc<Counters>,
    thread: Mutex<Option<JoinHandle<()>>>,
    path: PathBuf,
    dir: PathBuf,
}

impl DemandLog {
    /// Opens (creating) the log directory, its key and this writer's file,
    /// and starts the writer thread.
    pub fn open(config: &DemandLogConfig) -> Result<DemandLog> {
        fs::create_dir_all(&config.dir).map_err(|e| Error::io(&config.dir, e))?;
        let key_file = config
            .key_file
            .clone()
            .unwrap_or_else(|| config.dir.join(super::key::KEY_FILE));
        let key = SessionKey::load_or_create(&key_file)?;
        let (file, path) = open_active(&config.dir, &config.name)?;
        let (turns, turns_in) = std::sync::mpsc::sync_channel(config.queue.max(1));
        let (flushes, flushes_in) = std::sync::mpsc::channel();
        let counters = Arc::new(Counters::default());
        let mut writer = Writer {
            dir: config.dir.clone(),
            path: path.clone(),
            file,
            key,
            buffer: Vec::with_capacity(64 * 1024),
            rotate_at: (config.max_bytes / (ROTATED_FILES as u64 + 1)).max(4096),
            counters: Arc::clone(&counters),
            dropped_logged: 0,
            warned_at: None,
        };
        let thread = std::thread::Builder::new()
            .name("demand-log".into())
            .spawn(move || writer.run(turns_in, flushes_in))
            .map_err(|e| Error::io(&path, e))?;
        Ok(DemandLog {
            sender: Mutex::new(Some(Senders { turns, flushes })),
            counters,
            thread: Mutex::new(Some(thread)),
            path,
            dir: config.dir.clone(),
        })
    }

    /// Hands one turn to the writer without waiting: when the writer is
    /// behind, the turn is counted as dropped.
    pub fn record(&self, session_id: &str, facts: TurnFacts) {
        self.counters.recorded.fetch_add(1, Ordering::Relaxed);
        let pending = Pending {
            at: now_ms(),
            session: session_id.to_string(),
            facts: Box::new(facts),
        };
        let sent = match self.sender.lock() {
            Ok(guard) => guard.as_ref().map(|s| s.turns.try_send(pending)),
            Err(poisoned) => poisoned
                .into_inner()
                .as_ref()
                .map(|s| s.turns.try_send(pending)),
        };
        match sent {
            Some(Ok(())) => {}
            Some(Err(TrySendError::Full(_) | TrySendError::Disconnected(_))) | None => {
                self.counters.dropped.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// Waits until everything recorded so far is written and synced.
    pub fn flush(&self) {
        let (done, wait) = std::sync::mpsc::sync_channel(1);
        let sent = match self.sender.lock() {
            Ok(guard) => guard.as_ref().map(|s| s.flushes.send(done)),
            Err(poisoned) => poisoned.into_inner().as_ref().map(|s| s.flushes.send(done)),
        };
        if let Some(Ok(())) = sent {
            let _ = wait.recv();
        }
    }

    /// Writes and syncs what is queued, then stops the writer. Later
    /// [`record`](Self::record)s are counted as dropped.
    pub fn close(&self) {
        let sender = match self.sender.lock() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        drop(sender);
        let thread = match self.thread.lock() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        if let Some(thread) = thread {
            let _ = thread.join();
        }
    }

    /// The counters so far.
    pub fn stats(&self) -> LogStats {
        LogStats {
            recorded: self.counters.recorded.load(Ordering::Relaxed),
            dropped: self.counters.dropped.load(Ordering::Relaxed),
            written: self.counters.written.load(Ordering::Relaxed),
            failed: self.counters.failed.load(Ordering::Relaxed),
        }
    }

    /// The file being written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The log directory (where every replica sharing it writes).
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for DemandLog {
    fn drop(&mut self) {
        self.close();
    }
}

/// Opens `<dir>/<name>.jsonl` for appending and locks it; when another
/// process holds that name, `<name>-<pid>.jsonl`. A file left without a
/// final newline (a crash mid-line) gets one, so the next line stands alone.
fn open_active(dir: &Path, name: &str) -> Result<(File, PathBuf)> {
    let first = dir.join(format!("{name}.{EXTENSION}"));
    let second = dir.join(format!("{name}-{}.{EXTENSION}", std::process::id()));
    for path in [first, second] {
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => continue,
            Err(fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        if !ends_with_newline(&mut file) {
            file.write_all(b"\n").map_err(|e| Error::io(&path, e))?;
        }
        return Ok((file, path));
    }
    Err(Error::Config(crate::error::ConfigReason::DemandLogBusy {
        name: name.to_string(),
        dir: dir.display().to_string(),
    }))
}

fn ends_with_newline(file: &mut File) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(len) = file.metadata().map(|m| m.len()) else {
        return true;
    };
    if len == 0 {
        return true;
    }
    let mut last = [0u8; 1];
    let read = file
        .seek(SeekFrom::Start(len - 1))
        .and_then(|_| file.read_exact(&mut last));
    read.is_err() || last[0] == b'\n'
}

/// The writer thread's state.
struct Writer {
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
    fn run(&mut self, turns: Receiver<Pending>, flush_requests: Receiver<SyncSender<()>>) {
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

/// The rotated files of the writer named `stem`: (rotation time, path).
fn rotated_files(dir: &Path, stem: &str) -> Vec<(u64, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name();
            let name = name.to_str()?;
            let middle = name
                .strip_prefix(stem)?
                .strip_prefix('.')?
                .strip_suffix(EXTENSION)?
                .strip_suffix('.')?;
            let at = middle.parse::<u64>().ok()?;
            Some((at, entry.path()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::event::Answered;
    use crate::model::{Constraints, Lang};

    fn facts(n: u64) -> TurnFacts {
        TurnFacts {
            lang: Lang::En,
            answered: Answered::Exact,
            asked: Constraints {
                price_max: Some(n as f64),
                ..Constraints::default()
            },
            total: n,
            relaxed: Vec::new(),
            unknown: Vec::new(),
        }
    }

    fn lines(path: &Path) -> Vec<Record> {
        fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn turns_are_written_hashed_and_synced() {
        let dir = tempfile::tempdir().unwrap();
        let log = DemandLog::open(&DemandLogConfig::new(dir.path(), "test")).unwrap();
        let id = "0123456789abcdef0123456789abcdef";
        for n in 0..3 {
            log.record(id, facts(n));
        }
        log.flush();
        let records = lines(log.path());
        assert_eq!(records.len(), 3);
        let Record::Turn { event, .. } = &records[0] else {
            panic!("{records:?}")
        };
        assert_eq!(event.session.len(), 32);
        assert_ne!(event.session, id);
        assert_eq!(event.exact, 0);
        assert_eq!(log.stats().written, 3);
        // The key is kept beside the log, private to its owner.
        let key = dir.path().join(super::super::key::KEY_FILE);
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
        // A second process of the same name writes its own file, with the
        // same hashes (the same key).
        let other = DemandLog::open(&DemandLogConfig::new(dir.path(), "test")).unwrap();
        assert_ne!(other.path(), log.path());
        other.record(id, facts(9));
        other.flush();
        let Record::Turn { event: again, .. } = &lines(other.path())[0] else {
            panic!()
        };
        assert_eq!(again.session, event.session);
    }

    #[test]
    fn a_full_queue_drops_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = DemandLogConfig::new(dir.path(), "drops");
        config.queue = 1;
        let log = DemandLog::open(&config).unwrap();
        for n in 0..2_000 {
            log.record("s", facts(n));
        }
        log.flush();
        let stats = log.stats();
        assert_eq!(stats.recorded, 2_000);
        assert!(stats.dropped > 0, "{stats:?}");
        let records = lines(log.path());
        let turns = records
            .iter()
            .filter(|r| matches!(r, Record::Turn { .. }))
            .count() as u64;
        let noted: u64 = records
            .iter()
            .map(|r| match r {
                Record::Dropped { event, .. } => event.dropped,
                Record::Turn { .. } => 0,
            })
            .sum();
        assert_eq!(turns + noted, 2_000);
        assert_eq!(noted, stats.dropped);
    }

    #[test]
    fn files_rotate_within_their_budget() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = DemandLogConfig::new(dir.path(), "rotate");
        config.max_bytes = 8 * 4096;
        let log = DemandLog::open(&config).unwrap();
        for n in 0..3_000 {
            log.record("0123456789abcdef0123456789abcdef", facts(n));
            if n % 10 == 0 {
                log.flush();
            }
        }
        log.close();
        let files: Vec<PathBuf> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == EXTENSION))
            .collect();
        assert_eq!(files.len(), ROTATED_FILES + 1, "{files:?}");
        let total: u64 = files.iter().map(|p| fs::metadata(p).unwrap().len()).sum();
        // Each file stops growing within one batch past its share.
        assert!(total < 2 * config.max_bytes, "{total} bytes");
    }

    #[test]
    fn a_torn_last_line_is_closed_before_appending() {
        let dir = tempfile::tempdir().unwrap();
        let config = DemandLogConfig::new(dir.path(), "torn");
        let path = dir.path().join(format!("{}.{EXTENSION}", config.name));
        fs::write(&path, "{\"type\":\"turn\",\"v\":1,\"at\":1,\"sess").unwrap();
        let log = DemandLog::open(&config).unwrap();
        log.record("s", facts(1));
        log.flush();
        let text = fs::read_to_string(&path).unwrap();
        let last = text.lines().last().unwrap();
        assert!(serde_json::from_str::<Record>(last).is_ok(), "{text}");
    }
}
