//! One run per output folder: an exclusive lock on `<output>/.yardstick.lock`
//! held for the whole run and released when the process ends, even if killed.

use std::fs::File;
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = ".yardstick.lock";

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another yardstick run is writing {0} (lock {1} is held); try again when it has finished"
    )]
    Busy(PathBuf, PathBuf),
    #[error("cannot lock {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

impl OutputLock {
    pub fn acquire(output: &Path) -> Result<OutputLock, LockError> {
        let path = output.join(LOCK_FILE);
        let io = |source| LockError::Io { path: path.clone(), source };
        std::fs::create_dir_all(output).map_err(io)?;
        let file =
            File::options().create(true).truncate(false).write(true).open(&path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(OutputLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => {
                Err(LockError::Busy(output.to_path_buf(), path))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputLock::acquire(dir.path()).unwrap();
        assert!(matches!(OutputLock::acquire(dir.path()), Err(LockError::Busy(..))));
        drop(first);
        assert!(OutputLock::acquire(dir.path()).is_ok());
    }
}
