//! The run lock in words: the one line a waiting run prints, and the error when the wait ran out.

use std::path::Path;

use crate::error::Error;
use crate::run_lock::{Holder, LockError};

/// `waiting for git multi push (pid 4242)…`, once, on stderr; `repo` names the repository in a workspace run.
pub fn waiting(holder: Option<&Holder>, repo: Option<&Path>) {
    let what = match holder {
        Some(h) if !h.command.is_empty() => format!("git multi {} (pid {})", h.command, h.pid),
        Some(h) => format!("git multi (pid {})", h.pid),
        None => "another git multi run".to_string(),
    };
    let place = repo.map_or(String::new(), |r| format!(" in {}", r.display()));
    super::note(&format!("waiting for {what}{place}…"));
}

/// The run could not start: another one held the repository's lock for longer than this one may wait.
pub fn not_acquired(err: &LockError, repo: Option<&Path>) -> Error {
    let place = repo.map_or(String::new(), |r| format!(" in {}", r.display()));
    match err {
        LockError::Busy {
            path,
            holder,
            waited,
        } => {
            let who = match holder {
                Some(h) if !h.command.is_empty() => {
                    format!("`git multi {}` (pid {})", h.command, h.pid)
                }
                Some(h) => format!("git multi (pid {})", h.pid),
                None => "another git multi run".to_string(),
            };
            let error = Error::failed(format!(
                "{who} is still running{place}: waited {} for it; nothing was done",
                crate::clock::span(*waited)
            ));
            let error = match holder {
                Some(h) => error.hint(format!(
                    "`ps -p {pid}` shows whether it is still at work; let it finish, or stop it with `kill {pid}`",
                    pid = h.pid
                )),
                None => error,
            };
            error.hint(format!(
                "one git-multi run that changes a repository at a time ({} holds it); wait longer with `--timeout <secs>` or `git multi config set multi.timeout <secs>`",
                path.display()
            ))
        }
        LockError::Io { path, err } => {
            Error::failed(format!("could not lock {}{place}: {err}", path.display())).hint(
                "git-multi keeps its lock next to its log under the repository's .git/multi/; check that it is writable",
            )
        }
    }
}
