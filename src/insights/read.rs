//! Reading demand logs back: files and directories of several replicas,
//! merged into one time-ordered list of turns. A line that does not parse
//! is skipped and counted, never fatal: a crash can leave the last line of
//! a file torn, and those are counted apart.

use super::event::{FORMAT_VERSION, Record, TurnEvent};
use super::log_file::EXTENSION;
use crate::error::{Error, Result};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// The turns of one or more logs, and what reading them met.
#[derive(Debug, Clone, Default)]
pub struct LogSet {
    /// The turns in the period, oldest first.
    pub events: Vec<TurnEvent>,
    /// The files read.
    pub files: Vec<PathBuf>,
    /// Lines that did not parse, torn last lines included.
    pub skipped: u64,
    /// Of those, the last line of a file without its newline (a crash mid-write).
    pub torn: u64,
    /// Turns the writers dropped (from `dropped` lines in the period).
    pub dropped: u64,
    /// Turns in the logs before the period.
    pub before: u64,
}

/// The log files of `paths`: files as given, directories' `*.jsonl` files.
pub fn log_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == EXTENSION))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files.dedup();
    Ok(files)
}

/// Reads every turn at or after `since` (Unix ms; `None`: all) from the
/// logs in `paths` (files or directories), oldest first.
pub fn read_logs(paths: &[PathBuf], since: Option<u64>) -> Result<LogSet> {
    let mut set = LogSet::default();
    for file in log_files(paths)? {
        read_file(&file, since, &mut set)?;
        set.files.push(file);
    }
    set.events
        .sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.session.cmp(&b.session)));
    Ok(set)
}

fn read_file(path: &Path, since: Option<u64>, set: &mut LogSet) -> Result<()> {
    let file = match File::open(path) {
        Ok(file) => file,
        // Rotated away between listing and reading: its lines are in the
        // rotated file, listed or not.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut reader = BufReader::with_capacity(256 * 1024, file);
    let mut line = Vec::with_capacity(1024);
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        let complete = line.last() == Some(&b'\n');
        let text = line.trim_ascii();
        if text.is_empty() {
            continue;
        }
        match serde_json::from_slice::<Record>(text) {
            Ok(Record::Turn { v, event }) if v <= FORMAT_VERSION => {
                if since.is_some_and(|s| event.at < s) {
                    set.before += 1;
                } else {
                    set.events.push(event);
                }
            }
            Ok(Record::Dropped { v, event }) if v <= FORMAT_VERSION => {
                if since.is_none_or(|s| event.at >= s) {
                    set.dropped += event.dropped;
                }
            }
            Ok(_) | Err(_) => {
                set.skipped += 1;
                set.torn += u64::from(!complete);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TURN: &str = r#"{"type":"turn","v":1,"at":AT,"session":"S","lang":"en","answer":"exact","asked":{},"exact":1,"total":1}"#;

    fn turn(at: u64, session: &str) -> String {
        TURN.replace("AT", &at.to_string()).replace('S', session)
    }

    #[test]
    fn logs_merge_in_time_order_and_bad_lines_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonl");
        let b = dir.path().join("b.jsonl");
        std::fs::write(
            &a,
            format!(
                "{}\nnot json\n{}\n{{\"type\":\"dropped\",\"v\":1,\"at\":9,\"dropped\":4}}\n",
                turn(30, "x"),
                turn(10, "x")
            ),
        )
        .unwrap();
        // A crash tore the last line.
        std::fs::write(&b, format!("{}\n{}", turn(20, "y"), &turn(40, "y")[..30])).unwrap();
        std::fs::write(dir.path().join("demand.key"), "00").unwrap();
        let set = read_logs(&[dir.path().to_path_buf()], None).unwrap();
        let ats: Vec<u64> = set.events.iter().map(|e| e.at).collect();
        assert_eq!(ats, [10, 20, 30]);
        assert_eq!((set.skipped, set.torn, set.dropped), (2, 1, 4));
        assert_eq!(set.files, [a.clone(), b]);
        let recent = read_logs(&[a], Some(15)).unwrap();
        assert_eq!(recent.events.len(), 1);
        assert_eq!((recent.before, recent.dropped), (1, 0));
        let missing = read_logs(&[dir.path().join("nope")], None).unwrap_err();
        assert!(missing.to_string().contains("nope"), "{missing}");
    }
}
