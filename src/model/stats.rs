//! `stats`: the numbers each host keeps about the repository, and the local history's own.

use serde::Serialize;

pub use crate::provider::stats::HostStats;

/// A commit and its committer date (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    pub commit: String,
    pub date: String,
}

/// The local history of HEAD and the local refs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LocalStats {
    pub commits: u64,
    /// Distinct authors (after .mailmap).
    pub contributors: u64,
    pub branches: u64,
    pub tags: u64,
    pub first_commit: Option<Stamp>,
    pub last_commit: Option<Stamp>,
}

impl From<crate::git::HistoryCounts> for LocalStats {
    fn from(counts: crate::git::HistoryCounts) -> LocalStats {
        let stamp = |s: Option<(String, String)>| s.map(|(commit, date)| Stamp { commit, date });
        LocalStats {
            commits: counts.commits,
            contributors: counts.contributors,
            branches: counts.branches,
            tags: counts.tags,
            first_commit: stamp(counts.first),
            last_commit: stamp(counts.last),
        }
    }
}
