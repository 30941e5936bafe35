//! Process-tree control for background git jobs: each job leads its own session (so a timeout or Ctrl-C can
//! kill git with its ssh and remote-helper children), and a small reaper process kills every job still
//! registered if git-multi itself dies without cleaning up (SIGKILL, a crash): no push keeps running after us.
//!
//! The reaper is git-multi started again as `git-multi __reap`, reading job records from a pipe. Each child
//! registers itself between fork and exec, so no job can start unregistered; the parent unregisters a job
//! once it has reaped it. When the pipe's write end closes — at our exit, however it happens — the reaper kills
//! the process group of every job still registered.

#[cfg(unix)]
pub use unix::{alive, detach, finish, kill_tree, reap, released, terminate_tree};

#[cfg(not(unix))]
pub use other::{alive, detach, finish, kill_tree, reap, released, terminate_tree};

/// How long a stopped job gets between SIGTERM and SIGKILL: git removes its lock files (`HEAD.lock`,
/// `refs/heads/main.lock` — here and in a local remote's repository) when asked to stop, never when killed.
pub const GRACE: std::time::Duration = std::time::Duration::from_secs(2);

/// One record on the reaper's pipe: `+` or `-`, then the job's pid (= its process group) in native order.
const RECORD: usize = 5;

#[cfg(unix)]
#[allow(unsafe_code)]
mod unix {
    use std::collections::HashSet;
    use std::io::{Read, Write};
    use std::os::unix::io::AsRawFd;
    use std::os::unix::process::CommandExt;
    use std::process::{Child, ChildStdin, Command, Stdio};
    use std::sync::{Mutex, OnceLock};

    use super::RECORD;

    struct Reaper {
        child: Child,
        pipe: Mutex<ChildStdin>,
        fd: i32,
    }

    static REAPER: Mutex<Option<Reaper>> = Mutex::new(None);
    static STARTED: OnceLock<()> = OnceLock::new();

    /// The reaper's pipe, started on first use; `None` when it cannot be started (the jobs then only lose the
    /// protection against our own sudden death, nothing else) or after [`finish`].
    fn reaper_fd() -> Option<i32> {
        STARTED.get_or_init(|| {
            *REAPER.lock().unwrap_or_else(|e| e.into_inner()) = start();
        });
        REAPER
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map(|r| r.fd)
    }

    fn start() -> Option<Reaper> {
        let exe = std::env::current_exe().ok()?;
        // Only git-multi itself can be a reaper (a test harness linking this library cannot).
        if !exe
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("git-multi"))
        {
            return None;
        }
        let mut command = Command::new(exe);
        command
            .arg("__reap")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: setsid is async-signal-safe and touches no memory of the parent. Its own session keeps the
        // terminal's Ctrl-C (and a kill of our process group) away from the reaper.
        unsafe {
            command.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
        let mut child = command.spawn().ok()?;
        let pipe = child.stdin.take()?;
        // std creates the pipe close-on-exec: git and its children never hold it open, so the reaper sees
        // end-of-file exactly when git-multi goes away.
        let fd = pipe.as_raw_fd();
        Some(Reaper {
            child,
            pipe: Mutex::new(pipe),
            fd,
        })
    }

    /// At a normal exit: close the pipe and wait for the reaper, so nothing of ours outlives the command.
    pub fn finish() {
        let reaper = REAPER.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(Reaper {
            mut child, pipe, ..
        }) = reaper
        {
            drop(pipe);
            let _ = child.wait();
        }
    }

    /// Makes the child the leader of a new session (and so of a new process group) and registers it with the
    /// reaper before it runs git. Without a controlling terminal ssh cannot ask for a passphrase or a host key
    /// confirmation; Ctrl-C no longer reaches the job directly, `crate::interrupt` relays it.
    pub fn detach(command: &mut Command) {
        let fd = reaper_fd();
        // SAFETY: only async-signal-safe calls (setsid, getpid, write) on a stack buffer, in the forked child.
        unsafe {
            command.pre_exec(move || {
                if libc::setsid() == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                if let Some(fd) = fd {
                    let pid = libc::getpid();
                    let mut record = [b'+'; RECORD];
                    record[1..].copy_from_slice(&pid.to_ne_bytes());
                    // A reaper that is gone must not kill the job with SIGPIPE: ignore it for this write
                    // (std has just reset it to the default for the child).
                    libc::signal(libc::SIGPIPE, libc::SIG_IGN);
                    libc::write(fd, record.as_ptr().cast(), RECORD);
                    libc::signal(libc::SIGPIPE, libc::SIG_DFL);
                }
                Ok(())
            });
        }
    }

    /// A job the parent has reaped: the reaper forgets it, so its pid can be reused safely.
    pub fn released(pid: u32) {
        let Ok(pid) = i32::try_from(pid) else {
            return;
        };
        let mut record = [b'-'; RECORD];
        record[1..].copy_from_slice(&pid.to_ne_bytes());
        if let Some(reaper) = REAPER.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            let mut pipe = reaper.pipe.lock().unwrap_or_else(|e| e.into_inner());
            let _ = pipe.write_all(&record);
        }
    }

    /// Kills the process group led by `pid` when the job was detached, else only the process.
    pub fn kill_tree(pid: u32, detached: bool) {
        signal_tree(pid, detached, libc::SIGKILL);
    }

    /// Asks the process group led by `pid` (else only the process) to stop: git and receive-pack remove their
    /// lock files on SIGTERM, and hooks and ssh in the group get it too.
    pub fn terminate_tree(pid: u32, detached: bool) {
        signal_tree(pid, detached, libc::SIGTERM);
    }

    /// Whether anything of the job led by `pid` still runs: a member of its process group when detached (a
    /// group keeps its id while it has members, so the id cannot have been reused), else the process.
    pub fn alive(pid: u32, detached: bool) -> bool {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only checks that the target exists.
        unsafe {
            if detached {
                libc::killpg(pid, 0) == 0
            } else {
                libc::kill(pid, 0) == 0
            }
        }
    }

    fn signal_tree(pid: u32, detached: bool, signal: libc::c_int) {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return;
        };
        // SAFETY: plain syscalls on a job we spawned: its group exists while any member lives.
        unsafe {
            if detached {
                libc::killpg(pid, signal);
            } else {
                libc::kill(pid, signal);
            }
        }
    }

    /// The reaper's whole life (`git-multi __reap`): remember the registered jobs until the pipe closes, then
    /// kill the process group of every job still registered.
    pub fn reap() -> ! {
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGPIPE] {
            // SAFETY: setting a signal disposition to "ignore" has no memory effects.
            unsafe {
                libc::signal(signal, libc::SIG_IGN);
            }
        }
        let mut jobs: HashSet<i32> = HashSet::new();
        let mut stdin = std::io::stdin().lock();
        let mut record = [0u8; RECORD];
        while stdin.read_exact(&mut record).is_ok() {
            let pid = i32::from_ne_bytes([record[1], record[2], record[3], record[4]]);
            if pid <= 1 {
                continue;
            }
            match record[0] {
                b'+' => {
                    jobs.insert(pid);
                }
                b'-' => {
                    jobs.remove(&pid);
                }
                _ => {}
            }
        }
        // As a timeout does: ask first, so git removes its lock files, and kill what is left after the grace.
        let jobs: Vec<u32> = jobs
            .into_iter()
            .filter_map(|p| u32::try_from(p).ok())
            .collect();
        for &pid in &jobs {
            terminate_tree(pid, true);
        }
        let until = std::time::Instant::now() + super::GRACE;
        while jobs.iter().any(|&pid| alive(pid, true)) && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        for &pid in &jobs {
            if alive(pid, true) {
                kill_tree(pid, true);
            }
        }
        std::process::exit(0)
    }
}

#[cfg(not(unix))]
mod other {
    use std::process::Command;

    /// Elsewhere a job stays in our process group; a timeout kills git itself.
    pub fn detach(_command: &mut Command) {}

    pub fn released(_pid: u32) {}

    pub fn finish() {}

    pub fn kill_tree(_pid: u32, _detached: bool) {}

    pub fn terminate_tree(_pid: u32, _detached: bool) {}

    pub fn alive(_pid: u32, _detached: bool) -> bool {
        false
    }

    pub fn reap() -> ! {
        std::process::exit(0)
    }
}
