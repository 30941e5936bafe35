//! One writing git-multi run per repository at a time: `.git/multi/lock` (in the common git directory, shared
//! by every worktree) is held with `flock(2)` for the whole run and names its holder (pid and command). A
//! second run waits for it up to its own time limit, then gives up with the holder's pid. The kernel drops
//! the lock with its holder, so a crash leaves nothing to clean; a lock still held although the process it
//! names is gone or is not git-multi (its descriptor leaked into another program) is taken over.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::lockfile::Lock;

/// The lock file, under `<common git dir>/multi/`.
pub const FILE: &str = "lock";
/// Taken for the moment a waiter removes a lock file whose holder is gone, so two waiters never both do.
const TAKEOVER: &str = "lock.takeover";
/// How often a waiting run looks again.
const POLL: Duration = Duration::from_millis(25);

/// Who holds the lock, as its holder wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    /// The command as people type it after `git multi` (`push`, `remote add`).
    pub command: String,
}

impl Holder {
    fn text(&self) -> String {
        format!("pid {}\ncommand {}\n", self.pid, self.command)
    }

    fn parse(text: &str) -> Option<Holder> {
        let mut pid = None;
        let mut command = None;
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("pid", value)) => pid = value.trim().parse().ok(),
                Some(("command", value)) => command = Some(value.trim().to_string()),
                _ => {}
            }
        }
        Some(Holder {
            pid: pid?,
            command: command.unwrap_or_default(),
        })
    }
}

/// Held until dropped.
pub struct RunLock {
    lock: Lock,
}

impl Drop for RunLock {
    fn drop(&mut self) {
        // Nobody holds it any more: a waiter that reads the file before the next holder writes finds no name.
        let _ = self.lock.file().set_len(0);
    }
}

/// Why no lock was had.
#[derive(Debug)]
pub enum LockError {
    /// Another run held it for the whole wait.
    Busy {
        path: PathBuf,
        holder: Option<Holder>,
        waited: Duration,
    },
    Io {
        path: PathBuf,
        err: io::Error,
    },
}

/// Takes the lock in `dir` for `command`, waiting up to `wait` for a run that holds it; `waiting` is called
/// once, with the holder when it is known, when there is something to wait for.
pub fn acquire(
    dir: &Path,
    command: &str,
    wait: Duration,
    waiting: impl FnOnce(Option<&Holder>),
) -> Result<RunLock, LockError> {
    let path = dir.join(FILE);
    let io_error = |err| LockError::Io {
        path: path.clone(),
        err,
    };
    std::fs::create_dir_all(dir).map_err(io_error)?;
    let started = Instant::now();
    let mut waiting = Some(waiting);
    loop {
        if let Some(lock) = Lock::try_acquire(&path).map_err(io_error)? {
            // A waiter may have removed the file (its holder was gone) after we opened it: then what we hold is
            // no one's lock, and the file now at `path` is the one to take.
            if same_file(lock.file(), &path) {
                let holder = Holder {
                    pid: std::process::id(),
                    command: command.to_string(),
                };
                write_holder(lock.file(), &holder).map_err(io_error)?;
                return Ok(RunLock { lock });
            }
            continue;
        }
        let (holder, file_id) = read_holder(&path);
        if let (Some(holder), Some(file_id)) = (&holder, file_id) {
            if !is_git_multi(holder.pid) {
                take_over(dir, &path, file_id).map_err(io_error)?;
                continue;
            }
        }
        if let Some(waiting) = waiting.take() {
            waiting(holder.as_ref());
        }
        let waited = started.elapsed();
        if waited >= wait {
            return Err(LockError::Busy {
                path,
                holder,
                waited,
            });
        }
        std::thread::sleep(POLL.min(wait - waited));
    }
}

fn write_holder(mut file: &File, holder: &Holder) -> io::Result<()> {
    file.set_len(0)?;
    // Written at offset 0 whatever a previous holder's descriptor did: the file is opened without append.
    use std::io::Seek;
    file.seek(io::SeekFrom::Start(0))?;
    file.write_all(holder.text().as_bytes())
}

/// The holder named in the file at `path`, and which file that was (to remove exactly it, not a newer one).
fn read_holder(path: &Path) -> (Option<Holder>, Option<FileId>) {
    let Ok(mut file) = File::open(path) else {
        return (None, None);
    };
    let mut text = String::new();
    let holder = file
        .read_to_string(&mut text)
        .ok()
        .and_then(|_| Holder::parse(&text));
    (holder, file_id(&file))
}

/// Removes the lock file at `path` if it is still `stale` (the one whose holder was found gone), under the
/// takeover lock; the next attempt creates a fresh one.
fn take_over(dir: &Path, path: &Path, stale: FileId) -> io::Result<()> {
    let _guard = Lock::acquire(&dir.join(TAKEOVER))?;
    let current = File::open(path).ok().and_then(|f| file_id(&f));
    if current == Some(stale) {
        std::fs::remove_file(path)?;
    }
    Ok(())
}

#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = ();

#[cfg(unix)]
fn file_id(file: &File) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    let meta = file.metadata().ok()?;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_file: &File) -> Option<FileId> {
    None
}

/// Whether `held` is the file now at `path`.
#[cfg(unix)]
fn same_file(held: &File, path: &Path) -> bool {
    let now = File::open(path).ok().and_then(|f| file_id(&f));
    now.is_some() && now == file_id(held)
}

/// Elsewhere the lock file is created anew by its holder and never replaced under it.
#[cfg(not(unix))]
fn same_file(_held: &File, _path: &Path) -> bool {
    true
}

/// Whether `pid` is a running git-multi: alive, and (where /proc says) running this program. Anything else
/// holding the lock holds it by accident.
#[cfg(unix)]
#[allow(unsafe_code)]
fn is_git_multi(pid: u32) -> bool {
    let Ok(raw) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if raw <= 0 {
        return false;
    }
    // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
    let alive = unsafe { libc::kill(raw, 0) } == 0
        || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
    if !alive {
        return false;
    }
    let comm = |pid: &str| std::fs::read_to_string(format!("/proc/{pid}/comm")).ok();
    match (comm(&pid.to_string()), comm("self")) {
        (Some(theirs), Some(ours)) => {
            let theirs = theirs.trim();
            theirs == ours.trim() || theirs == "git-multi"
        }
        // No /proc (macOS, BSDs): a live process is taken at its word.
        _ => true,
    }
}

#[cfg(not(unix))]
fn is_git_multi(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holder_is_read_back() {
        let holder = Holder {
            pid: 42,
            command: "remote add".into(),
        };
        assert_eq!(Holder::parse(&holder.text()), Some(holder));
        assert_eq!(Holder::parse(""), None);
        assert_eq!(Holder::parse("command push\n"), None);
    }

    #[test]
    fn a_second_taker_waits_then_gives_up_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let held = acquire(dir.path(), "push", Duration::ZERO, |_| {}).unwrap();
        let mut seen = None;
        let started = Instant::now();
        let second = acquire(dir.path(), "fetch", Duration::from_millis(100), |h| {
            seen = h.cloned()
        });
        assert!(started.elapsed() >= Duration::from_millis(100));
        let Err(LockError::Busy { holder, .. }) = second else {
            panic!("not refused");
        };
        let me = Holder {
            pid: std::process::id(),
            command: "push".into(),
        };
        assert_eq!(holder.as_ref(), Some(&me));
        assert_eq!(seen.as_ref(), Some(&me));
        drop(held);
        assert!(acquire(dir.path(), "fetch", Duration::ZERO, |_| panic!("waited")).is_ok());
    }

    #[test]
    fn a_lock_whose_holder_is_gone_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        // Held (by this process, as a leaked descriptor would be) but naming a process that has exited.
        let stray = Lock::try_acquire(&dir.path().join(FILE)).unwrap().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        write_holder(
            stray.file(),
            &Holder {
                pid: dead,
                command: "push".into(),
            },
        )
        .unwrap();
        let taken = acquire(dir.path(), "sync", Duration::from_secs(5), |_| {
            panic!("waited for a dead holder")
        });
        assert!(taken.is_ok());
        let (holder, _) = read_holder(&dir.path().join(FILE));
        assert_eq!(holder.map(|h| h.command), Some("sync".into()));
    }
}
