//! Fetching one remote, and what a run of fetches changed: tracking refs created, moved and pruned (pruned
//! tips are saved under `refs/multi/backup/` so nothing is lost).

use crate::config::Namespace;
use crate::git::{refname, FetchOptions, Git, GitError, RefWrite, Refspec};
use crate::model::{Changes, FetchDetail};
use crate::model::{Outcome, Status};
use crate::runner::Job;

use super::{Backups, Snapshot};

/// What to fetch from one remote beyond its configured refspecs.
#[derive(Debug, Clone, Default)]
pub struct FetchRequest {
    /// Remove tracking refs whose remote ref is gone (their tips are saved first).
    pub prune: bool,
    /// Extra refspecs (configured ref namespaces into `refs/multi/remotes/<remote>/…`).
    pub also: Vec<Refspec>,
}

/// Fetches `job`'s remote within its deadline, retrying transient failures; the number of retries on success.
pub fn fetch(job: &Job, git: &Git, request: &FetchRequest) -> Result<u32, GitError> {
    job.say("fetching");
    let options = FetchOptions {
        only: Vec::new(),
        also: request.also.clone(),
        prune: request.prune,
    };
    let attempted = job.git(|left, sink| git.fetch(job.name(), &options, Some(left), sink));
    attempted.result.map(|()| attempted.retries)
}

/// The refspecs that bring `remote`'s copies of the configured namespaces into
/// `refs/multi/remotes/<remote>/…` (forced, as tracking refs are: they record what the remote has).
pub fn namespace_refspecs(remote: &str, namespaces: &[Namespace]) -> Vec<Refspec> {
    namespaces
        .iter()
        .filter_map(|ns| {
            let copy = refname::tracking(remote, &ns.pattern)?;
            Some(Refspec::map(&ns.pattern, &copy, true))
        })
        .collect()
}

/// A fetch request that carries the configured namespaces for `remote`.
pub fn with_namespaces(remote: &str, namespaces: &[Namespace], prune: bool) -> FetchRequest {
    FetchRequest {
        prune,
        also: namespace_refspecs(remote, namespaces),
    }
}

/// Fetches `job`'s remote with `--prune` and its namespaces, saving every tip the prune removed: afterwards
/// its tracking refs say what it has now (what `conflicts` shows and `resolve` leases against).
pub fn refresh(
    job: &Job,
    git: &Git,
    namespaces: &[Namespace],
    backups: &Backups,
) -> Result<u32, GitError> {
    let patterns = tracking_patterns(job.name());
    let before = Snapshot::take(git, &patterns)?;
    let retries = fetch(job, git, &with_namespaces(job.name(), namespaces, true))?;
    let after = Snapshot::take(git, &patterns)?;
    let (_, pruned) = changes(job.name(), &before, &after);
    save_pruned(git, backups, job.name(), &pruned)?;
    Ok(retries)
}

/// Moves `old`'s copies of namespace refs (`refs/multi/remotes/<old>/…`) to `new`, as `git remote rename` moves
/// its tracking refs: afterwards they are what `new` last had.
pub fn rename_copies(git: &Git, old: &str, new: &str, reason: &str) -> Result<(), GitError> {
    let (from, to) = (refname::copies_prefix(old), refname::copies_prefix(new));
    let copies = Snapshot::take(git, std::slice::from_ref(&from))?;
    let mut writes = Vec::new();
    for (name, oid) in copies.under(&from) {
        let rest = &name[from.len()..];
        writes.push(RefWrite::Update {
            name: format!("{to}{rest}"),
            oid: oid.to_string(),
            old: None,
        });
        writes.push(RefWrite::Delete {
            name: name.to_string(),
        });
    }
    git.update_refs(&writes, reason)
}

/// Deletes `remote`'s copies of namespace refs, as `git remote remove` deletes its tracking refs. A copy may be
/// the only ref here to some namespace commits (events only that remote had), so each is saved under
/// `refs/multi/backup/<remote>/…` first, like every other tip git-multi deletes.
pub fn drop_copies(git: &Git, remote: &str, reason: &str) -> Result<(), GitError> {
    let prefix = refname::copies_prefix(remote);
    let copies = Snapshot::take(git, std::slice::from_ref(&prefix))?;
    let tips: Vec<(String, String)> = copies
        .under(&prefix)
        .filter_map(|(name, oid)| Some((refname::remote_name_of(remote, name)?, oid.to_string())))
        .collect();
    Backups::new().save(git, remote, &tips, reason)?;
    let writes: Vec<RefWrite> = copies
        .under(&prefix)
        .map(|(name, _)| RefWrite::Delete {
            name: name.to_string(),
        })
        .collect();
    git.update_refs(&writes, reason)
}

/// The `for-each-ref` patterns covering everything fetches from `remote` write.
pub fn tracking_patterns(remote: &str) -> [String; 2] {
    [
        refname::tracking_prefix(remote),
        refname::copies_prefix(remote),
    ]
}

/// What changed for `remote` between two snapshots of its tracking refs, and the pruned tips as
/// `(remote ref, oid)` for saving.
pub fn changes(
    remote: &str,
    before: &Snapshot,
    after: &Snapshot,
) -> (Changes, Vec<(String, String)>) {
    let mut changes = Changes::default();
    let mut pruned = Vec::new();
    for pattern in tracking_patterns(remote) {
        for (name, oid) in after.under(&pattern) {
            let Some(remote_ref) = refname::remote_name_of(remote, name) else {
                continue;
            };
            match before.get(name) {
                None => changes.new.push(refname::short(&remote_ref).to_string()),
                Some(old) if old != oid => changes
                    .updated
                    .push(refname::short(&remote_ref).to_string()),
                Some(_) => {}
            }
        }
        for (name, oid) in before.under(&pattern) {
            if after.get(name).is_none() {
                if let Some(remote_ref) = refname::remote_name_of(remote, name) {
                    changes.pruned.push(refname::short(&remote_ref).to_string());
                    pruned.push((remote_ref, oid.to_string()));
                }
            }
        }
    }
    (changes, pruned)
}

/// Saves the pruned tips of `remote` (still in the object database right after the fetch).
pub fn save_pruned(
    git: &Git,
    backups: &Backups,
    remote: &str,
    pruned: &[(String, String)],
) -> Result<(), GitError> {
    if pruned.is_empty() {
        return Ok(());
    }
    backups
        .save(git, remote, pruned, "git multi fetch --prune")
        .map(drop)
}

/// Completes a fetched remote's outcome from the snapshots taken before and after the run: what changed,
/// pruned tips saved, `ok` or `up-to-date`.
pub fn settle(
    git: &Git,
    mut outcome: Outcome<FetchDetail>,
    before: &Snapshot,
    after: &Snapshot,
    backups: &Backups,
) -> Outcome<FetchDetail> {
    if outcome.status.is_failure() {
        return outcome;
    }
    let (changes, pruned) = changes(&outcome.name, before, after);
    if let Err(err) = save_pruned(git, backups, &outcome.name, &pruned) {
        outcome.status = Status::Failed;
        outcome.error = Some(format!("could not save the pruned tips: {err}"));
    }
    outcome.detail.backups = backups.of(&outcome.name);
    if outcome.status == Status::Ok && changes.is_empty() {
        outcome.status = Status::UpToDate;
    }
    outcome.detail.changes = changes;
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(pairs: &[(&str, &str)]) -> Snapshot {
        Snapshot::from_map(
            pairs
                .iter()
                .map(|(n, o)| (n.to_string(), o.to_string()))
                .collect(),
        )
    }

    #[test]
    fn tells_new_moved_and_pruned_refs_apart() {
        let before = snapshot(&[
            ("refs/remotes/gh/main", "1"),
            ("refs/remotes/gh/gone", "2"),
            ("refs/remotes/gh/HEAD", "1"),
            ("refs/remotes/ghx/main", "9"),
            ("refs/multi/remotes/gh/git-mile/tasks/T1", "5"),
        ]);
        let after = snapshot(&[
            ("refs/remotes/gh/main", "3"),
            ("refs/remotes/gh/new", "4"),
            ("refs/remotes/gh/HEAD", "1"),
            ("refs/multi/remotes/gh/git-mile/tasks/T1", "5"),
        ]);
        let (changes, pruned) = changes("gh", &before, &after);
        assert_eq!(changes.new, ["new"]);
        assert_eq!(changes.updated, ["main"]);
        assert_eq!(changes.pruned, ["gone"]);
        assert_eq!(pruned, [("refs/heads/gone".to_string(), "2".to_string())]);
    }
}
