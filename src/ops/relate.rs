//! How a local tip relates to a remote's copy: in sync, ahead, behind or diverged (with commit counts), missing
//! on one side, or unknown when the remote's commit has never been fetched.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

use crate::git::{Git, GitError};
use crate::model::{Compared, Relation, State};

/// Relates many (local, remote) pairs for one run: which remote commits exist here is asked in one batch, and
/// the same pair is counted once however many remotes share it (remotes usually lag in step).
pub struct Relater<'g> {
    git: &'g Git,
    present: Mutex<HashMap<String, bool>>,
    counted: Mutex<HashMap<(String, String), (u64, u64)>>,
}

impl<'g> Relater<'g> {
    pub fn new(git: &'g Git) -> Relater<'g> {
        Relater {
            git,
            present: Mutex::new(HashMap::new()),
            counted: Mutex::new(HashMap::new()),
        }
    }

    /// Learns in one `cat-file` which of `oids` are here, so later [`Relater::relate`] calls need no lookup.
    pub fn learn(&self, oids: &[&str]) -> Result<(), GitError> {
        let unknown: Vec<&str> = {
            let present = self.present.lock().unwrap_or_else(|e| e.into_inner());
            oids.iter()
                .copied()
                .filter(|o| !present.contains_key(*o))
                .collect()
        };
        if unknown.is_empty() {
            return Ok(());
        }
        let found = self.git.object_types(&unknown)?;
        let mut present = self.present.lock().unwrap_or_else(|e| e.into_inner());
        for oid in unknown {
            present.insert(oid.to_string(), found.contains_key(oid));
        }
        Ok(())
    }

    /// The relation of `local` to `remote` (either may be absent).
    pub fn relate(&self, local: Option<&str>, remote: Option<&str>) -> Result<Relation, GitError> {
        let (local, remote) = match (local, remote) {
            (None, None) => return Ok(Relation::of(State::Unknown)),
            (Some(_), None) => return Ok(Relation::of(State::MissingRemote)),
            (None, Some(_)) => return Ok(Relation::of(State::MissingLocal)),
            (Some(l), Some(r)) => (l, r),
        };
        if local == remote {
            return Ok(Relation {
                state: State::InSync,
                ahead: Some(0),
                behind: Some(0),
            });
        }
        self.learn(&[remote])?;
        let here = self
            .present
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(remote)
            .copied()
            .unwrap_or(false);
        if !here {
            // The remote has a commit we never fetched: it is behind or diverged, we cannot tell which.
            return Ok(Relation::of(State::Unknown));
        }
        let key = (local.to_string(), remote.to_string());
        let cached = self
            .counted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .copied();
        let (ahead, behind) = match cached {
            Some(counts) => counts,
            None => {
                let counts = self.git.ahead_behind(local, remote)?;
                self.counted
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(key, counts);
                counts
            }
        };
        Ok(Relation {
            state: State::from_counts(ahead, behind),
            ahead: Some(ahead),
            behind: Some(behind),
        })
    }
}

/// Compares every ref in `local` or `theirs` (both `name -> oid`). `unknown_when_absent` names refs whose
/// absence on the remote side proves nothing (tags read from tracking refs: git keeps none per remote).
pub fn compare(
    relater: &Relater,
    remote: &str,
    local: &BTreeMap<String, String>,
    theirs: &BTreeMap<String, String>,
    unknown_when_absent: impl Fn(&str) -> bool,
) -> Result<Vec<Compared>, GitError> {
    let names: BTreeSet<&String> = local.keys().chain(theirs.keys()).collect();
    // Which differing remote commits exist here is asked once for the whole remote.
    let differing: Vec<&str> = names
        .iter()
        .filter_map(|n| match (local.get(*n), theirs.get(*n)) {
            (Some(l), Some(r)) if l != r => Some(r.as_str()),
            _ => None,
        })
        .collect();
    relater.learn(&differing)?;
    let mut compared = Vec::with_capacity(names.len());
    for name in names {
        let (l, r) = (local.get(name), theirs.get(name));
        let relation = match (l, r) {
            (Some(_), None) if unknown_when_absent(name) => Relation::of(State::Unknown),
            _ => relater.relate(l.map(String::as_str), r.map(String::as_str))?,
        };
        compared.push(Compared {
            remote: remote.to_string(),
            name: name.clone(),
            local: l.cloned(),
            remote_oid: r.cloned(),
            relation,
        });
    }
    Ok(compared)
}
