//! `status --detailed` and `--failed-only`: each remote's standing from a comparison already made, with when
//! it was last fetched and pushed (tracking-ref reflogs and the audit log, whichever is newer), and the same
//! comparison narrowed to what is not in sync or not reachable; and, for the advice after the matrix, who is
//! behind whom.

use std::collections::{BTreeMap, BTreeSet};

use crate::git::Git;
use crate::model::{Comparison, Outcome, Reached, RemoteDetail, Report, Standing, State};
use crate::remote_set::Member;

/// Audit-log commands that sent refs to a remote, and those that fetched from it.
const PUSHING: [&str; 8] = [
    "push",
    "sync",
    "mirror",
    "restore",
    "undo",
    "branch create",
    "tag create",
    "resolve",
];
const FETCHING: [&str; 3] = ["fetch", "sync", "pull"];

fn newest(a: Option<String>, b: Option<String>) -> Option<String> {
    // RFC 3339 in UTC sorts as text.
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// One detail per member, in the members' order.
pub fn details(
    git: &Git,
    members: &[&Member],
    comparison: &Comparison,
    reachable: &Report<Reached>,
) -> Vec<RemoteDetail> {
    // The audit log once for every remote: the newest successful push and fetch of each.
    let mut logged: BTreeMap<String, (Option<String>, Option<String>)> = BTreeMap::new();
    for entry in crate::audit::read(git).unwrap_or_default() {
        for remote in entry.remotes.iter().filter(|r| r.status == "ok") {
            let slot = logged.entry(remote.name.clone()).or_default();
            if FETCHING.contains(&entry.command.as_str()) {
                slot.0 = newest(slot.0.take(), Some(entry.time.clone()));
            }
            if PUSHING.contains(&entry.command.as_str()) && !remote.local {
                slot.1 = newest(slot.1.take(), Some(entry.time.clone()));
            }
        }
    }
    members
        .iter()
        .zip(&reachable.remotes)
        .map(|(member, outcome)| {
            let entries = comparison
                .out_of_sync()
                .filter(|e| e.remote == member.name)
                .collect::<Vec<_>>();
            let state = standing(outcome, !entries.is_empty());
            let mut ahead = Some(0u64);
            let mut behind = Some(0u64);
            for e in &entries {
                let r = e.relation;
                let (a, b) = match r.state {
                    State::Ahead => (r.ahead, Some(0)),
                    State::Behind => (Some(0), r.behind),
                    State::Diverged => (r.ahead, r.behind),
                    _ => (None, None),
                };
                ahead = ahead.zip(a).map(|(x, y)| x + y);
                behind = behind.zip(b).map(|(x, y)| x + y);
            }
            if matches!(state, Standing::Unreachable | Standing::NotFetched) {
                ahead = None;
                behind = None;
            }
            let seen = git.last_updates(&member.name).unwrap_or_default();
            let time = |secs: Option<u64>| secs.map(crate::clock::rfc3339);
            let (log_fetch, log_push) = logged.remove(&member.name).unwrap_or_default();
            RemoteDetail {
                name: member.name.clone(),
                state,
                ahead,
                behind,
                last_fetch: newest(time(seen.fetch), log_fetch),
                last_push: newest(time(seen.push), log_push),
                provider: member.provider().0.as_str().to_string(),
                host: member.host(),
                error: outcome.error.clone(),
            }
        })
        .collect()
}

fn standing(outcome: &Outcome<Reached>, out_of_sync: bool) -> Standing {
    if outcome.status.is_failure() {
        Standing::Unreachable
    } else if outcome.detail.fetched == Some(false) {
        Standing::NotFetched
    } else if out_of_sync {
        Standing::OutOfSync
    } else {
        Standing::InSync
    }
}

/// `--failed-only`: the members that are not in sync or could not be reached (their indexes), and the
/// comparison narrowed to the refs out of sync on them.
pub fn failed_only(
    members: &[&Member],
    comparison: &Comparison,
    reachable: &Report<Reached>,
) -> (Vec<usize>, Comparison) {
    let keep: Vec<usize> = members
        .iter()
        .zip(&reachable.remotes)
        .enumerate()
        .filter(|(_, (member, outcome))| {
            let out = comparison.out_of_sync().any(|e| e.remote == member.name);
            standing(outcome, out) != Standing::InSync
        })
        .map(|(i, _)| i)
        .collect();
    let names: BTreeSet<&str> = keep.iter().map(|&i| members[i].name.as_str()).collect();
    let entries: Vec<_> = comparison
        .out_of_sync()
        .filter(|e| names.contains(e.remote.as_str()))
        .cloned()
        .collect();
    let refs: BTreeSet<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    let local = comparison
        .local
        .iter()
        .filter(|(name, _)| refs.contains(name.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let narrowed = Comparison {
        local,
        entries,
        remote_only: comparison.remote_only.clone(),
    };
    (keep, narrowed)
}

/// The remotes that lack local commits, and those that have commits not here (a diverged remote is both),
/// each named once, in the comparison's order.
pub fn behind(comparison: &Comparison) -> (Vec<&str>, Vec<&str>) {
    let mut remotes_behind: Vec<&str> = Vec::new();
    let mut local_behind: Vec<&str> = Vec::new();
    for entry in comparison.out_of_sync() {
        let list = match entry.relation.state {
            State::Ahead | State::MissingRemote => &mut remotes_behind,
            State::Behind => &mut local_behind,
            State::Diverged => {
                if !local_behind.contains(&entry.remote.as_str()) {
                    local_behind.push(&entry.remote);
                }
                &mut remotes_behind
            }
            _ => continue,
        };
        if !list.contains(&entry.remote.as_str()) {
            list.push(&entry.remote);
        }
    }
    (remotes_behind, local_behind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Compared, Relation};

    fn entry(remote: &str, name: &str, state: State) -> Compared {
        Compared {
            remote: remote.into(),
            name: name.into(),
            local: None,
            remote_oid: None,
            relation: Relation::of(state),
        }
    }

    #[test]
    fn behind_names_each_remote_once_and_a_diverged_one_on_both_sides() {
        let comparison = Comparison {
            local: BTreeMap::new(),
            entries: vec![
                entry("gh", "main", State::Ahead),
                entry("gh", "dev", State::MissingRemote),
                entry("gl", "main", State::Behind),
                entry("gl", "dev", State::InSync),
                entry("cb", "main", State::Diverged),
                entry("cb", "dev", State::Behind),
                entry("gt", "main", State::MissingLocal),
            ],
            remote_only: BTreeSet::new(),
        };
        assert_eq!(behind(&comparison), (vec!["gh", "cb"], vec!["gl", "cb"]));
    }
}
