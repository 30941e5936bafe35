//! What creating or deleting one branch or tag did on one remote, as its outcome: a copy there with another
//! target is reported as existing, a copy the guard kept says why it was kept, and each carries the hint
//! (the command) that fixes it.

use crate::git::{FailureKind, GitError, RefStatus};
use crate::model::publish::Kind;
use crate::model::{Outcome, PushDetail, RefUpdate, State, Status};
use crate::ops::publish::Deletion;
use crate::ops::push::Pushed;
use crate::ops::pushed;
use crate::runner::Job;

/// The hint for a copy that already exists with another target on `remote`.
fn exists_hint(kind: Kind, remote: &str, name: &str) -> String {
    let short = kind.short(name);
    match kind {
        Kind::Branch => format!(
            "`git multi branch list` shows where it points; `git multi push {q_remote} --branch {q_short} --force` replaces it (the old tip is saved under refs/multi/backup/)", q_remote = crate::quote::word(remote), q_short = crate::quote::word(short)),
        Kind::Tag => format!(
            "`git ls-remote {q_remote} {q_name}` shows it; `git multi tag delete {q_short} --keep-local` removes the remotes' copies (each saved under refs/multi/backup/) and keeps yours, then `git multi tag create {q_short}` publishes it", q_remote = crate::quote::word(remote), q_name = crate::quote::word(name), q_short = crate::quote::word(short)),
    }
}

/// The outcome of creating `name` on one remote: a copy there with another target is reported as existing,
/// with the command that replaces it.
pub fn created(job: &Job, kind: Kind, result: Result<Pushed, GitError>) -> Outcome<PushDetail> {
    let mut outcome = pushed::outcome(job, result, false);
    let existing = outcome
        .detail
        .refs
        .iter()
        .find(|r| r.reason.as_deref() == Some("already exists"))
        .map(|r| r.name.clone());
    if let Some(name) = existing {
        outcome.hint = Some(exists_hint(kind, job.name(), &name));
    }
    outcome
}

/// The outcome of deleting `name` on one remote; `flags` are the user's own (` --keep-local`), kept in the
/// commands the hints give.
pub fn deleted(
    job: &Job,
    kind: Kind,
    name: &str,
    flags: &str,
    result: Result<Deletion, GitError>,
) -> Outcome<PushDetail> {
    let remote = job.name();
    let short = kind.short(name);
    match result {
        Err(err) => job.failure(&err, PushDetail::default()),
        Ok(Deletion::Pushed(pushed)) => pushed::outcome(job, Ok(pushed), false),
        Ok(Deletion::Absent) => Outcome::new(
            remote,
            Status::UpToDate,
            job.elapsed(),
            PushDetail {
                refs: vec![RefUpdate {
                    name: name.to_string(),
                    old: None,
                    new: None,
                    status: RefStatus::UpToDate,
                    reason: None,
                    backup: None,
                    skipped: false,
                }],
                ..PushDetail::default()
            },
        ),
        Ok(Deletion::Refused { tip, relation }) => {
            let at = crate::git::short_oid(&tip);
            let why = match (relation.state, relation.behind) {
                (State::Behind | State::Diverged, Some(n)) => format!(
                    "the remote has {n} commit{} the local {} lacks",
                    if n == 1 { "" } else { "s" },
                    kind.word()
                ),
                (State::MissingLocal, _) => format!(
                    "there is no local {} to check its tip {at} against",
                    kind.word()
                ),
                _ => format!(
                    "its tip {at} was never fetched here, so it may hold commits the local {} lacks",
                    kind.word()
                ),
            };
            let mut outcome = Outcome::new(
                remote,
                Status::Rejected,
                job.elapsed(),
                PushDetail {
                    refs: vec![RefUpdate {
                        name: name.to_string(),
                        old: Some(tip.clone()),
                        new: None,
                        status: RefStatus::Rejected,
                        reason: Some("remote has commits the local branch lacks".into()),
                        backup: None,
                        skipped: false,
                    }],
                    ..PushDetail::default()
                },
            );
            outcome.error = Some(format!("{short}: kept: {why}"));
            outcome.reason = Some(FailureKind::Rejected);
            let anyway = format!(
                "`git multi {} delete {q_short} --force{flags}` deletes it anyway (the tip is saved under refs/multi/backup/)",
                kind.word(), q_short = crate::quote::word(short));
            outcome.hint = Some(match (relation.state, relation.behind) {
                // Fetched already: its commits are here, so the next step is to take them in, not to fetch again.
                (State::Behind | State::Diverged, Some(_)) => format!(
                    "its commits are here: bring them into the local {word} with `git multi resolve {q_short} --merge` (`git log {q_short}..{q_remote}/{q_short}` shows them), then delete again; {anyway}",
                    word = kind.word(), q_short = crate::quote::word(short), q_remote = crate::quote::word(remote)),
                (State::MissingLocal, _) => anyway,
                _ => format!(
                    "`git multi fetch {q_remote}` brings its commits here to look at; {anyway}", q_remote = crate::quote::word(remote)),
            });
            outcome
        }
    }
}
