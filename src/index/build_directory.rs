//! The tantivy directory a new generation is built in: tantivy's
//! `MmapDirectory`, except that files are not made durable one by one as
//! they are written. tantivy syncs each segment file and the directory on
//! every commit: a few dozen `fsync`s in a row, each waiting for the disk
//! (and, right after a catalog was written, for its pages too), which a
//! merchant's `vitrine import` spent waiting and the in-process bench did
//! not notice. Nothing in a build directory is live until it is published,
//! so its files only need to be durable then: [`sync_all`] syncs them all
//! at once, in parallel, before the manifest names them and the swap
//! happens. Depends on tantivy only.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, FileSlice, Lock, MmapDirectory,
    TerminatingWrite, WatchCallback, WatchHandle, WritePtr,
};

/// A build directory whose files are synced by [`sync_all`], not one by one.
#[derive(Debug, Clone)]
pub struct BuildDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl BuildDirectory {
    /// Opens `root` (an existing, empty directory).
    pub fn open(root: &Path) -> tantivy::Result<BuildDirectory> {
        Ok(BuildDirectory {
            inner: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
        })
    }
}

/// A file written without a sync at its end.
struct UnsyncedFile(File);

impl Write for UnsyncedFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl TerminatingWrite for UnsyncedFile {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        self.0.flush()
    }
}

impl Directory for BuildDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn open_read(&self, path: &Path) -> Result<FileSlice, OpenReadError> {
        self.inner.open_read(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(self.root.join(path))
            .map_err(|e| {
                if e.kind() == io::ErrorKind::AlreadyExists {
                    OpenWriteError::FileAlreadyExists(path.to_path_buf())
                } else {
                    OpenWriteError::wrap_io_error(e, path.to_path_buf())
                }
            })?;
        Ok(BufWriter::new(Box::new(UnsyncedFile(file))))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        // Deferred to `sync_all`, before the generation is published.
        Ok(())
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// Makes every file of `dir` and the directory itself durable, syncing the
/// files from a few threads at once so the disk sees them together (one
/// journal commit for many files instead of one each).
pub fn sync_all(dir: &Path) -> io::Result<()> {
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            files.push(entry.path());
        }
    }
    let threads = files.len().clamp(1, 8);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| -> io::Result<()> {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || -> io::Result<()> {
                    for path in part {
                        File::open(path)?.sync_data()?;
                    }
                    Ok(())
                })
            })
            .collect();
        for worker in workers {
            worker
                .join()
                .map_err(|_| io::Error::other("a sync thread panicked"))??;
        }
        Ok(())
    })?;
    File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_files_read_back_and_sync() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = BuildDirectory::open(dir.path()).expect("open");
        let mut w = d.open_write(Path::new("a.bin")).expect("write");
        w.write_all(b"hello").expect("write");
        w.terminate().expect("terminate");
        assert!(matches!(
            d.open_write(Path::new("a.bin")),
            Err(OpenWriteError::FileAlreadyExists(_))
        ));
        let read = d.open_read(Path::new("a.bin")).expect("read");
        assert_eq!(read.read_bytes().expect("bytes").as_slice(), b"hello");
        sync_all(dir.path()).expect("sync");
    }
}
