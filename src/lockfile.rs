//! An exclusive lock between git-multi processes, held while a shared file (the audit log) is appended to or
//! rotated. On unix it is `flock(2)` on a lock file that is never renamed or removed, so a crashed process
//! leaves no stale lock behind (the kernel drops it with the process). Elsewhere a lock file created with
//! `create_new` stands in, and one older than [`STALE_AFTER`] is taken to be left over from a crash (by
//! [`Lock::acquire`]; [`Lock::try_acquire`] leaves that judgement to its caller).

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a non-unix lock file may exist before it is taken to be left behind by a crashed process.
#[cfg_attr(unix, allow(dead_code))]
const STALE_AFTER: Duration = Duration::from_secs(30);
/// How long to wait for another process to let go.
#[cfg_attr(unix, allow(dead_code))]
const GIVE_UP_AFTER: Duration = Duration::from_secs(20);

/// Held until dropped.
pub struct Lock {
    #[allow(dead_code)]
    file: File,
    #[cfg_attr(unix, allow(dead_code))]
    path: PathBuf,
}

impl Lock {
    /// Waits for the lock named by `path` (the file is created when missing).
    pub fn acquire(path: &Path) -> io::Result<Lock> {
        acquire(path)
    }

    /// Takes the lock named by `path` when nobody holds it; `None` when someone does (no waiting).
    pub fn try_acquire(path: &Path) -> io::Result<Option<Lock>> {
        try_acquire(path)
    }

    /// The lock file, open for reading and writing (a holder may record who it is in it).
    pub fn file(&self) -> &File {
        &self.file
    }
}

#[cfg(unix)]
#[allow(unsafe_code)]
fn try_acquire(path: &Path) -> io::Result<Option<Lock>> {
    use std::os::fd::AsRawFd;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)?;
    loop {
        // SAFETY: flock only reads the descriptor, which `file` keeps open for the call.
        let done = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if done == 0 {
            return Ok(Some(Lock {
                file,
                path: path.to_path_buf(),
            }));
        }
        let err = io::Error::last_os_error();
        match err.kind() {
            io::ErrorKind::Interrupted => continue,
            io::ErrorKind::WouldBlock => return Ok(None),
            _ => return Err(err),
        }
    }
}

#[cfg(not(unix))]
fn try_acquire(path: &Path) -> io::Result<Option<Lock>> {
    match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => Ok(Some(Lock {
            file,
            path: path.to_path_buf(),
        })),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Ok(None),
        Err(err) => Err(err),
    }
}

#[cfg(unix)]
#[allow(unsafe_code)]
fn acquire(path: &Path) -> io::Result<Lock> {
    use std::os::fd::AsRawFd;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    loop {
        // SAFETY: flock only reads the descriptor, which `file` keeps open for the call.
        let done = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
        if done == 0 {
            break;
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
    // The lock goes with the descriptor: closing `file` (on drop) releases it.
    Ok(Lock {
        file,
        path: path.to_path_buf(),
    })
}

#[cfg(not(unix))]
fn acquire(path: &Path) -> io::Result<Lock> {
    let started = std::time::Instant::now();
    loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(file) => {
                return Ok(Lock {
                    file,
                    path: path.to_path_buf(),
                })
            }
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                let stale = std::fs::metadata(path)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > STALE_AFTER);
                if stale {
                    let _ = std::fs::remove_file(path);
                    continue;
                }
                if started.elapsed() > GIVE_UP_AFTER {
                    return Err(io::Error::new(
                        io::ErrorKind::WouldBlock,
                        format!("{} is held by another git-multi", path.display()),
                    ));
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(err) => return Err(err),
        }
    }
}

#[cfg(not(unix))]
impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::sync::Arc;

    #[test]
    fn trying_never_waits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        let held = Lock::try_acquire(&path).unwrap().expect("free");
        assert!(Lock::try_acquire(&path).unwrap().is_none(), "taken twice");
        drop(held);
        assert!(Lock::try_acquire(&path).unwrap().is_some(), "not released");
    }

    #[test]
    fn one_holder_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let lock = Arc::new(dir.path().join("x.lock"));
        let data = Arc::new(dir.path().join("counter"));
        std::fs::write(&*data, "0").unwrap();
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (lock, data) = (Arc::clone(&lock), Arc::clone(&data));
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        let _held = Lock::acquire(&lock).unwrap();
                        // A read-modify-write that loses updates unless the lock excludes the others.
                        let mut text = String::new();
                        File::open(&*data)
                            .unwrap()
                            .read_to_string(&mut text)
                            .unwrap();
                        let n: u32 = text.parse().unwrap();
                        std::thread::yield_now();
                        File::create(&*data)
                            .unwrap()
                            .write_all((n + 1).to_string().as_bytes())
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(std::fs::read_to_string(&*data).unwrap(), "160");
    }
}
