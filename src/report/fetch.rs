//! A fetch's result on one remote: which tracking refs it created, moved and pruned (and where pruned tips were
//! saved), in words and as JSON.

use serde::Serialize;

use crate::git::Git;
use crate::ops::fetch::{self, Changes};
use crate::ops::{Backups, Saved, Snapshot};
use crate::outcome::{Detail, Outcome, Status};

#[derive(Debug, Default, Serialize)]
pub struct FetchDetail {
    /// Tracking refs created, moved and removed by this fetch.
    #[serde(flatten)]
    pub changes: Changes,
    #[serde(skip_serializing_if = "is_zero")]
    pub retries: u32,
    /// Pruned tips saved under refs/multi/backup/.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub backups: Vec<Saved>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Detail for FetchDetail {
    fn human(&self) -> String {
        let mut parts = Vec::new();
        for (n, word) in [
            (self.changes.new.len(), "new"),
            (self.changes.updated.len(), "updated"),
            (self.changes.pruned.len(), "pruned"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {word}"));
            }
        }
        parts.join(", ")
    }
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
    let (changes, pruned) = fetch::changes(&outcome.name, before, after);
    if let Err(err) = fetch::save_pruned(git, backups, &outcome.name, &pruned) {
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
