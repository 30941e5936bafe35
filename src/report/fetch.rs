//! A fetch's result on one remote: which tracking refs it created, moved and pruned (and where pruned tips were
//! saved), in words and as JSON. Working it out (and saving the pruned tips) is `ops::fetch::settle`.

use serde::Serialize;

use crate::ops::fetch::Changes;
use crate::ops::Saved;
use crate::outcome::Detail;

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
