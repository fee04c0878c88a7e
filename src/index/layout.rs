//! The on-disk layout that makes imports atomic.
//!
//! ```text
//! index/
//!   CURRENT          name of the live generation ("gen-000007"), replaced by rename
//!   gen-000007/      a complete tantivy index + manifest.json + vocabulary.json
//!   gen-000006/      the previous generation, kept until the next import
//!   .build-…/        an import in progress (removed when it fails or is found stale)
//!   .import.lock     locked (`flock`) by the import writing here; holds its pid
//! ```
//!
//! A new index is built in a `.build-` directory, fsynced, renamed to its
//! generation name, and only then published by atomically replacing
//! `CURRENT`. A crash at any point leaves `CURRENT` naming a complete index.
//!
//! One import at a time writes into an index directory: it holds an
//! [`ImportLock`], an OS advisory lock that the kernel releases when the
//! process exits or is killed, so a crashed import never blocks the next.
//! Holding the lock, an import removes what crashed imports left behind.

use crate::error::{Error, IndexReason, Result};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const CURRENT: &str = "CURRENT";
const GEN_PREFIX: &str = "gen-";
const BUILD_PREFIX: &str = ".build-";
const CURRENT_TMP_PREFIX: &str = "CURRENT.tmp-";
const LOCK_FILE: &str = ".import.lock";

/// The live generation: its number and directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation {
    /// Increases with every import.
    pub number: u64,
    /// The generation's directory.
    pub path: PathBuf,
}

fn gen_name(number: u64) -> String {
    format!("{GEN_PREFIX}{number:06}")
}

fn parse_gen(name: &str) -> Option<u64> {
    name.strip_prefix(GEN_PREFIX)?.parse().ok()
}

/// The generation `CURRENT` names, or `None` when no import has completed.
/// Only reads: a published generation is never written again, so readers
/// need no lock and work on a read-only filesystem.
pub fn live_generation(index_dir: &Path) -> Result<Option<Generation>> {
    let current = index_dir.join(CURRENT);
    let name = match fs::read_to_string(&current) {
        Ok(name) => name,
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(Error::io(current, e)),
    };
    let name = name.trim();
    let number = parse_gen(name).ok_or_else(|| {
        Error::index(
            index_dir,
            IndexReason::BadCurrent {
                name: name.to_string(),
            },
        )
    })?;
    let path = index_dir.join(name);
    if !path.is_dir() {
        return Err(Error::index(
            index_dir,
            IndexReason::GenerationMissing {
                name: name.to_string(),
            },
        ));
    }
    Ok(Some(Generation { number, path }))
}

/// Reads the generation number `CURRENT` names without checking the directory (cheap).
pub fn current_number(index_dir: &Path) -> Option<u64> {
    fs::read_to_string(index_dir.join(CURRENT))
        .ok()
        .and_then(|s| parse_gen(s.trim()))
}

/// Creates a fresh build directory inside `index_dir` (creating `index_dir` too).
pub fn new_build_dir(index_dir: &Path) -> Result<PathBuf> {
    fs::create_dir_all(index_dir).map_err(|e| Error::io(index_dir, e))?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let path = index_dir.join(format!("{BUILD_PREFIX}{}-{nanos}", std::process::id()));
    fs::create_dir(&path).map_err(|e| Error::io(&path, e))?;
    Ok(path)
}

fn highest_generation(index_dir: &Path) -> Result<u64> {
    let mut highest = 0;
    for entry in fs::read_dir(index_dir).map_err(|e| Error::io(index_dir, e))? {
        let entry = entry.map_err(|e| Error::io(index_dir, e))?;
        if let Some(n) = entry.file_name().to_str().and_then(parse_gen) {
            highest = highest.max(n);
        }
    }
    Ok(highest)
}

fn sync_dir(path: &Path) -> Result<()> {
    fs::File::open(path)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(path, e))
}

/// Publishes a complete build directory as the new live generation and
/// removes generations older than the previous one. Returns the new number.
pub fn publish(index_dir: &Path, build_dir: &Path) -> Result<u64> {
    sync_dir(build_dir)?;
    let number = highest_generation(index_dir)? + 1;
    let target = index_dir.join(gen_name(number));
    fs::rename(build_dir, &target).map_err(|e| Error::io(&target, e))?;
    let tmp = index_dir.join(format!("{CURRENT_TMP_PREFIX}{}", std::process::id()));
    {
        let mut f = fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        f.write_all(gen_name(number).as_bytes())
            .and_then(|_| f.sync_all())
            .map_err(|e| Error::io(&tmp, e))?;
    }
    let current = index_dir.join(CURRENT);
    fs::rename(&tmp, &current).map_err(|e| Error::io(&current, e))?;
    sync_dir(index_dir)?;
    remove_old_generations(index_dir, number);
    Ok(number)
}

/// Best-effort cleanup: generations older than `live - 1`, and build
/// directories of processes that no longer run. Failures are ignored (the
/// next import tries again); they never affect the live index.
fn remove_old_generations(index_dir: &Path, live: u64) {
    let Ok(entries) = fs::read_dir(index_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let stale = match parse_gen(name) {
            Some(n) => n + 1 < live,
            None => name
                .strip_prefix(BUILD_PREFIX)
                .and_then(|rest| rest.split('-').next())
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| !process_alive(pid)),
        };
        if stale {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn process_alive(pid: u32) -> bool {
    pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists()
}

/// The right to write into an index directory, held from the start of an
/// import until it has published (or failed). Released on drop, and by the
/// kernel when the process dies, however it dies.
#[derive(Debug)]
pub struct ImportLock {
    _file: fs::File,
}

impl ImportLock {
    /// Takes the lock of `index_dir` (creating the directory), without
    /// waiting: fails with [`Error::ImportRunning`] when another import
    /// holds it. Then removes what crashed imports left: build directories,
    /// `CURRENT.tmp-` files, and generations renamed but never published.
    pub fn acquire(index_dir: &Path) -> Result<ImportLock> {
        fs::create_dir_all(index_dir).map_err(|e| Error::io(index_dir, e))?;
        let path = index_dir.join(LOCK_FILE);
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(Error::ImportRunning {
                    path: index_dir.to_path_buf(),
                    pid: holder.trim().parse().ok(),
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        // The pid is only for the message another import shows.
        file.set_len(0)
            .and_then(|_| file.write_all(std::process::id().to_string().as_bytes()))
            .map_err(|e| Error::io(&path, e))?;
        remove_leftovers(index_dir);
        Ok(ImportLock { _file: file })
    }
}

/// Best-effort cleanup, under the lock (so no other import is running):
/// every build directory and `CURRENT.tmp-` file, and generations newer
/// than the live one (renamed by an import killed before it wrote `CURRENT`).
fn remove_leftovers(index_dir: &Path) {
    // With no readable CURRENT, generations are left alone.
    let live = live_generation(index_dir).ok().flatten().map(|g| g.number);
    let Ok(entries) = fs::read_dir(index_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let path = entry.path();
        if name.starts_with(BUILD_PREFIX) {
            let _ = fs::remove_dir_all(&path);
        } else if name.starts_with(CURRENT_TMP_PREFIX) {
            let _ = fs::remove_file(&path);
        } else if let (Some(n), Some(live)) = (parse_gen(name), live)
            && n > live
        {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Removes a build directory after a failed import (best effort).
pub fn discard_build(build_dir: &Path) {
    let _ = fs::remove_dir_all(build_dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_swaps_generations_and_keeps_the_previous_one() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        assert_eq!(live_generation(&dir).ok().flatten(), None);
        let mut numbers = Vec::new();
        for _ in 0..3 {
            let build = new_build_dir(&dir).unwrap();
            fs::write(build.join("marker"), "x").unwrap();
            numbers.push(publish(&dir, &build).unwrap());
        }
        assert_eq!(numbers, vec![1, 2, 3]);
        let live = live_generation(&dir).unwrap().unwrap();
        assert_eq!(live.number, 3);
        assert!(live.path.join("marker").exists());
        assert!(dir.join("gen-000002").exists(), "previous kept");
        assert!(!dir.join("gen-000001").exists(), "older removed");
        assert_eq!(current_number(&dir), Some(3));
    }

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("index");
        let first = ImportLock::acquire(&dir).unwrap();
        match ImportLock::acquire(&dir) {
            Err(Error::ImportRunning { path, pid }) => {
                assert_eq!(path, dir);
                assert_eq!(pid, Some(std::process::id()));
            }
            other => panic!("{other:?}"),
        }
        drop(first);
        assert!(ImportLock::acquire(&dir).is_ok());
    }

    #[test]
    fn the_lock_removes_what_crashed_imports_left() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let build = new_build_dir(&dir).unwrap();
        assert_eq!(publish(&dir, &build).unwrap(), 1);
        // A build in progress, a CURRENT.tmp and a generation renamed but
        // never published, as a killed import leaves them.
        let stale_build = new_build_dir(&dir).unwrap();
        fs::write(dir.join("CURRENT.tmp-999999"), "gen-000002").unwrap();
        fs::create_dir(dir.join("gen-000002")).unwrap();
        let _lock = ImportLock::acquire(&dir).unwrap();
        assert!(!stale_build.exists());
        assert!(!dir.join("CURRENT.tmp-999999").exists());
        assert!(!dir.join("gen-000002").exists());
        assert_eq!(live_generation(&dir).unwrap().unwrap().number, 1);
    }
}
