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
//! bounded number of rotated files (`log_file.rs`). Several replicas
//! sharing a directory each write their own files; `vitrine insights`
//! reads them all. This file is the handle; the thread is
//! `writer.rs`. Depends on [`super::event`], the session key, the
//! writer and std.

use super::event::TurnFacts;
use super::key::SessionKey;
use super::log_file::open_active;
use super::time::now_ms;
use super::writer::{Counters, Pending, Writer};
use crate::error::{Error, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Sender, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

pub use super::log_file::{EXTENSION, ROTATED_FILES};
pub use super::writer::{SYNC_EVERY, WRITE_EVERY};

/// Default size budget of one writer's files (active + rotated), in MiB.
pub const DEFAULT_MAX_MB: u64 = 256;
/// Turns waiting for the writer before new ones are dropped.
pub const QUEUE: usize = 65_536;

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

/// The handle's ends of the writer's two channels: turns (bounded, never
/// waited on, never waking the writer) and flush requests (each answered
/// once everything sent before it is written and synced).
#[derive(Debug)]
struct Senders {
    turns: SyncSender<Pending>,
    flushes: Sender<SyncSender<()>>,
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
        let rotate_at = (config.max_bytes / (ROTATED_FILES as u64 + 1)).max(4096);
        let active = (file, path.clone());
        let counters_out = Arc::clone(&counters);
        let mut writer = Writer::new(config.dir.clone(), active, key, rotate_at, counters_out);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::event::{Answered, Record};
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
