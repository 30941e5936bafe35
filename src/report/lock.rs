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
        LockError::Io { .. } => unlocked_error(err, repo),
    }
}

/// The run lock could not be made (a read-only `.git`): said, and the run goes ahead without it.
pub fn unlocked(err: &LockError, repo: Option<&Path>) {
    let error = unlocked_error(err, repo);
    super::warning_with_hint(&error.message, &error.hints.join("; "));
}

fn unlocked_error(err: &LockError, repo: Option<&Path>) -> Error {
    let place = repo.map_or(String::new(), |r| format!(" in {}", r.display()));
    match err {
        LockError::Io { path, err } => Error::failed(format!(
            "could not take the run lock {}{place} ({err}); going ahead without it",
            path.display()
        ))
        .hint(
            "another git-multi run in this repository is not kept out; make .git/multi/ writable",
        ),
        LockError::Busy { .. } => not_acquired(err, repo),
    }
}
