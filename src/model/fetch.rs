//! A fetch's result on one remote: which tracking refs it created, moved and pruned, and where pruned tips
//! were saved.

use serde::Serialize;

use super::Saved;

/// Tracking refs created, moved and removed by a fetch, by their short remote names (`main`, `tags/v1`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub new: Vec<String>,
    pub updated: Vec<String>,
    pub pruned: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.updated.is_empty() && self.pruned.is_empty()
    }
}

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
