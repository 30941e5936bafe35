//! One branch or tag on every remote: where each remote has it (one ls-remote), and deleting it there under a
//! lease on the tip just read, saved first, optionally only where that tip is already contained in a local one.
//! Creating goes through [`super::push`] with [`super::push::Force::CreateOnly`], which never moves a ref.

use crate::model::{Compared, Relation, State};
use std::collections::{BTreeMap, BTreeSet};

use crate::git::{Git, GitError};
use crate::runner::Job;

use super::push::{self, Force, Outgoing, PushRequest, Pushed};

/// What `job`'s remote has under `prefix` (`refs/heads/`, `refs/tags/`), `name -> oid`, within its deadline.
pub fn read(
    job: &Job,
    git: &Git,
    prefix: &str,
) -> Result<(BTreeMap<String, String>, u32), GitError> {
    job.say("listing");
    let attempted = job.git(|left, _| git.ls_remote_refs(job.name(), &[prefix], Some(left)));
    attempted.result.map(|refs| (refs, attempted.retries))
}

/// When a remote's copy may be deleted.
#[derive(Debug, Clone, Copy)]
pub enum Guard<'a> {
    /// Whatever it points at (it is saved first).
    Always,
    /// Only when this local tip contains it: nothing that exists only on the remote is deleted. `None` (no
    /// local copy) contains nothing.
    ContainedIn(Option<&'a str>),
}

/// What deleting one ref did on one remote.
#[derive(Debug, Clone)]
pub enum Deletion {
    /// The remote does not have it: nothing to do.
    Absent,
    /// Kept: the remote's tip is not contained in the local one.
    Refused { tip: String, relation: Relation },
    /// The push that deleted it (or was refused by the remote).
    Pushed(Pushed),
}

/// Deletes `name` on `job`'s remote when `guard` allows, with `base`'s backups, relater and reason: the tip is
/// read once, checked, saved and leased on, so what is deleted is exactly what was checked.
pub fn delete(
    job: &Job,
    git: &Git,
    name: &str,
    guard: Guard,
    base: &PushRequest,
) -> Result<Deletion, GitError> {
    let prefix = push::namespace_root(name);
    let (there, retries) = read(job, git, &prefix)?;
    let Some(tip) = there.get(name) else {
        return Ok(Deletion::Absent);
    };
    if let Guard::ContainedIn(local) = guard {
        let relation = base.relater.relate(local, Some(tip))?;
        if !matches!(relation.state, State::InSync | State::Ahead) {
            return Ok(Deletion::Refused {
                tip: tip.clone(),
                relation,
            });
        }
    }
    let refs = [Outgoing::delete(name)];
    let request = PushRequest {
        refs: &refs,
        force: Force::Yes,
        ..*base
    };
    let mut pushed = push::push_over(job, git, &request, &there)?;
    pushed.retries += retries;
    Ok(Deletion::Pushed(pushed))
}

/// Compares refs that are replaced rather than fast-forwarded (tags): equal, missing on one side, or differing
/// (reported as [`State::Diverged`] without counts: no side contains the other in any useful sense).
pub fn compare_tips(
    remote: &str,
    local: &BTreeMap<String, String>,
    theirs: &BTreeMap<String, String>,
) -> Vec<Compared> {
    let names: BTreeSet<&String> = local.keys().chain(theirs.keys()).collect();
    names
        .into_iter()
        .map(|name| {
            let (l, r) = (local.get(name), theirs.get(name));
            let state = match (l, r) {
                (Some(l), Some(r)) if l == r => State::InSync,
                (Some(_), Some(_)) => State::Diverged,
                (Some(_), None) => State::MissingRemote,
                (None, Some(_)) => State::MissingLocal,
                (None, None) => State::Unknown,
            };
            Compared {
                remote: remote.to_string(),
                name: name.clone(),
                local: l.cloned(),
                remote_oid: r.cloned(),
                relation: Relation::of(state),
            }
        })
        .collect()
}
