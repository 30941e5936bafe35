//! A fetch's result on one remote: which tracking refs it created, moved and pruned (and where pruned tips were
//! saved), in words and as JSON. Working it out (and saving the pruned tips) is `ops::fetch::settle`.

use crate::model::FetchDetail;
use crate::report::Detail;

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
