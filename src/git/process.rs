//! Process-tree control for background git jobs: own session on spawn, kill the whole group on stop.
#![allow(unsafe_code)]

use std::os::unix::process::CommandExt;
use std::process::Command;

/// Starts the child as the leader of a new session (and so of a new process group). Without a controlling
/// terminal ssh cannot ask for a passphrase or a host key confirmation, and killing the group reaches git's
/// ssh and remote-helper children too. Ctrl-C no longer reaches them directly; `crate::interrupt` relays it.
pub fn detach(command: &mut Command) {
    // SAFETY: setsid is async-signal-safe and touches no memory of the parent.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// Kills the process group led by `pid` when the job was detached, else only the process.
pub fn kill_tree(pid: u32, detached: bool) {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return };
    // SAFETY: plain syscalls on a pid we spawned and have not reaped yet, so it cannot have been reused.
    unsafe {
        if detached {
            libc::killpg(pid, libc::SIGKILL);
        } else {
            libc::kill(pid, libc::SIGKILL);
        }
    }
}
