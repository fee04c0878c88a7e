//! The demand log's files: each writer's active file `<name>.jsonl`,
//! opened for appending and locked (a second process with the same name
//! takes `<name>-<pid>.jsonl`), closed with a newline when a crash left a
//! torn last line; and the rotated files `<name>.<unix ms>.jsonl` beside
//! it. Depends on std and the error type only.

use crate::error::{ConfigReason, Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Rotated files kept per writer (besides the active one).
pub const ROTATED_FILES: usize = 7;
/// The extension of log files.
pub const EXTENSION: &str = "jsonl";

/// Opens `<dir>/<name>.jsonl` for appending and locks it; when another
/// process holds that name, `<name>-<pid>.jsonl`. A file left without a
/// final newline (a crash mid-line) gets one, so the next line stands alone.
pub(super) fn open_active(dir: &Path, name: &str) -> Result<(File, PathBuf)> {
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
    Err(Error::Config(ConfigReason::DemandLogBusy {
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

/// The rotated files of the writer named `stem`: (rotation time, path).
pub(super) fn rotated_files(dir: &Path, stem: &str) -> Vec<(u64, PathBuf)> {
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
