//! A push's result turned into the remote's outcome: its status, the per-ref detail, and for refused refs what
//! happened (non-fast-forward and how far apart, a tag that exists with another target, a lease that did not
//! hold, an atomic push that failed elsewhere, a lock file in the way, a hook's own words) and what to do.

use crate::git::{refname, FailureKind, GitError, RefStatus, Rejection};
use crate::model::push::is_namespace;
use crate::model::State;
use crate::model::{Outcome, PushDetail, RefUpdate, Status};
use crate::runner::Job;

use super::push::{Pushed, RefResult};

/// The outcome of one remote's push: its status, the per-ref detail and, for refusals, what happened and
/// what to do.
pub fn outcome(job: &Job, result: Result<Pushed, GitError>, dry_run: bool) -> Outcome<PushDetail> {
    let pushed = match result {
        Ok(pushed) => pushed,
        Err(err) => return job.failure(&err, PushDetail::default()),
    };
    let problems: Vec<(String, Option<String>)> = pushed
        .refs
        .iter()
        .filter(|r| !is_skipped(r))
        .filter_map(|r| {
            explain(
                job.name(),
                r,
                &pushed.remote_said,
                pushed.checked_out.as_deref(),
            )
        })
        .collect();
    let status = if !problems.is_empty() {
        Status::Rejected
    } else if dry_run {
        Status::DryRun
    } else if pushed
        .refs
        .iter()
        .all(|r| r.status == RefStatus::UpToDate || is_skipped(r))
    {
        Status::UpToDate
    } else {
        Status::Ok
    };
    // Several namespace refs refused as behind or diverged: one sync brings them all together, where a
    // `resolve` per ref would take as many commands.
    let namespaces_behind = pushed
        .refs
        .iter()
        .filter(|r| !is_skipped(r) && is_namespace(&r.name) && needs_integration(r))
        .count();
    let detail = PushDetail {
        refs: pushed.refs.iter().map(update).collect(),
        retries: pushed.retries,
        backups: pushed.backups.clone(),
    };
    let mut outcome = Outcome::new(job.name(), status, job.elapsed(), detail);
    if !problems.is_empty() {
        // Refs refused only because another ref of the same atomic push failed go last: the cause comes first.
        let mut problems = problems;
        problems.sort_by_key(|(message, _)| message.ends_with("atomic push failed"));
        outcome.error = Some(
            problems
                .iter()
                .map(|(message, _)| message.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        );
        outcome.hint = if namespaces_behind > 1 {
            Some(format!(
                "the remote has commits of {namespaces_behind} namespace refs this clone lacks: `git multi sync` brings them together"
            ))
        } else {
            problems.into_iter().find_map(|(_, hint)| hint)
        };
        outcome.reason = Some(FailureKind::Rejected);
    }
    outcome
}

fn update(r: &RefResult) -> RefUpdate {
    let skipped = is_skipped(r);
    RefUpdate {
        name: r.name.clone(),
        old: r.old.clone(),
        new: r.new.clone(),
        status: r.status,
        reason: if skipped {
            Some("the remote has newer commits: `git multi sync` brings them together".into())
        } else {
            r.rejection.as_ref().map(reason_word)
        },
        backup: r.backup.clone(),
        skipped,
    }
}

/// Refused only because the remote has commits the pushed tip lacks (behind or diverged).
fn needs_integration(r: &RefResult) -> bool {
    matches!(
        r.rejection,
        Some(Rejection::NonFastForward | Rejection::FetchFirst)
    )
}

/// A namespace ref carried along unnamed that the remote has newer commits of: left alone, not a failure.
fn is_skipped(r: &RefResult) -> bool {
    r.carried && needs_integration(r)
}

fn reason_word(rejection: &Rejection) -> String {
    match rejection {
        Rejection::NonFastForward => "non-fast-forward".into(),
        Rejection::FetchFirst => "fetch first".into(),
        Rejection::AlreadyExists => "already exists".into(),
        Rejection::StaleLease => "stale info".into(),
        Rejection::AtomicFailed => "atomic push failed".into(),
        Rejection::ConcurrentUpdate => "concurrent update".into(),
        Rejection::Locked(_) => "locked".into(),
        Rejection::RemoteRejected(why) | Rejection::CurrentBranch(why) | Rejection::Other(why) => {
            why.clone()
        }
    }
}

/// What a refused ref means for this remote, and what to do about it.
fn explain(
    remote: &str,
    r: &RefResult,
    remote_said: &[String],
    checked_out: Option<&str>,
) -> Option<(String, Option<String>)> {
    let rejection = r.rejection.as_ref()?;
    let name = refname::short(&r.name);
    // Names as they go into the commands we suggest: one shell word each.
    let (qr, qn) = (crate::quote::word(remote), crate::quote::word(name));
    // Only the remote moved (nothing here it lacks): its commits are to be taken, not merged, and nothing is
    // forced. The checked-out branch comes in with `pull`; any other branch with git's own fast-forward fetch.
    let take_theirs = || {
        Some(if checked_out == Some(r.name.as_str()) {
            format!("the remote is only ahead: bring its commits here with `git multi pull --primary {qr}` (a fast-forward), then push again")
        } else {
            format!("the remote is only ahead: `git fetch {qr} {qn}:{qn}` fast-forwards `{name}` to its commits, then push again")
        })
    };
    let only_theirs = !is_namespace(&r.name)
        && match (rejection, r.relation.map(|rel| rel.state)) {
            (Rejection::NonFastForward, Some(State::Behind)) => true,
            // The remote moved on from its tracking ref, which the local tip is (or is behind): still nothing
            // here that the remote lacks.
            (Rejection::FetchFirst, Some(State::Behind | State::InSync)) => true,
            _ => false,
        };
    // `resolve` fetches, merges every copy of exactly this ref and pushes the merge with a lease, whichever
    // ref it is (a pull would only integrate the current branch, and the next push would be refused again).
    let integrate = || {
        Some(if is_namespace(&r.name) {
            // Never a force for a namespace ref: it would throw away what another clone recorded there.
            format!(
                "`git multi sync` unites the copies of every namespace ref (this one alone: `git multi resolve {} --merge`)",
                crate::quote::word(&r.name)
            )
        } else {
            format!(
                "merge its commits into every copy with `git multi resolve {} --merge`; `--force-with-lease` would overwrite them instead",
                crate::quote::word(&r.name)
            )
        })
    };
    Some(match rejection {
        Rejection::NonFastForward => {
            let message = match r.relation.map(|rel| (rel.state, rel.ahead, rel.behind)) {
                Some((State::Behind, _, Some(behind))) => format!(
                    "{name}: rejected (non-fast-forward): the remote is ahead by {behind} commit{}",
                    plural(behind)
                ),
                Some((State::Diverged, Some(ahead), Some(behind))) => format!(
                    "{name}: rejected (non-fast-forward): diverged, {ahead} local and {behind} remote commit{} apart",
                    plural(behind)
                ),
                _ => format!(
                    "{name}: rejected (non-fast-forward): the remote has commits you do not have (fetch to see how many)"
                ),
            };
            (message, if only_theirs { take_theirs() } else { integrate() })
        }
        Rejection::FetchFirst => {
            let message = match r.relation.map(|rel| (rel.state, rel.ahead)) {
                _ if only_theirs => format!(
                    "{name}: rejected (non-fast-forward): the remote has commits you do not have, and you have none it lacks"
                ),
                Some((State::Ahead | State::Diverged, Some(ahead))) if ahead > 0 => format!(
                    "{name}: rejected (non-fast-forward): diverged: the remote has commits you do not have, and you have {ahead} commit{} it did not have when last fetched",
                    plural(ahead)
                ),
                _ => format!(
                    "{name}: rejected (non-fast-forward): the remote has commits you do not have (fetch to see how many)"
                ),
            };
            (message, if only_theirs { take_theirs() } else { integrate() })
        }
        Rejection::AlreadyExists => (
            format!("{name}: already exists on the remote with another target"),
            Some(format!(
                "`git ls-remote {qr} {}` shows it; replace it with `--force` (the old one is saved under refs/multi/backup/)",
                r.name
            )),
        ),
        Rejection::StaleLease => (
            format!("{name}: the remote changed since it was last seen (lease not held); nothing was overwritten"),
            Some(format!("fetch with `git multi fetch {qr}` and look before forcing again")),
        ),
        Rejection::AtomicFailed => (format!("{name}: not pushed: atomic push failed"), None),
        Rejection::ConcurrentUpdate => (
            format!("{name}: another push updated it at the same moment; nothing was overwritten"),
            Some(format!(
                "fetch with `git multi fetch {qr}` to see what it has now, then push again (`git multi sync` does both)"
            )),
        ),
        Rejection::Locked(path) => (
            format!("{name}: the remote's lock file `{path}` is there: another git is updating it, or one was stopped without removing it"),
            Some(format!(
                "if no git runs there any more, remove it: `rm {}` (`git multi doctor` lists stale lock files of local remotes); nothing was overwritten",
                crate::quote::word(path)
            )),
        ),
        Rejection::CurrentBranch(why) => (
            format!("{name}: not deleted: it is the branch the remote's HEAD points to ({why})"),
            Some("make another branch the remote's default (on the host, or `git symbolic-ref HEAD` in its repository), then delete it".into()),
        ),
        Rejection::RemoteRejected(why) => {
            let message = if remote_said.is_empty() {
                format!("{name}: refused by the remote ({why})")
            } else {
                format!("{name}: refused by the remote ({why}): {}", remote_said.join(" / "))
            };
            (
                message,
                Some("the server's hooks or branch protection refused the update; see its message".into()),
            )
        }
        Rejection::Other(why) => (format!("{name}: rejected ({why})"), None),
    })
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
