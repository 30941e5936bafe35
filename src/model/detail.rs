//! `status --detailed`: one remote at a glance — how it stands, how many commits each side lacks, when it was
//! last fetched and pushed, and where it lives.

use serde::Serialize;

/// How a remote stands as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    InSync,
    OutOfSync,
    /// `--offline` and never fetched: nothing to compare.
    NotFetched,
    Unreachable,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::InSync => "in-sync",
            Standing::OutOfSync => "out-of-sync",
            Standing::NotFetched => "not-fetched",
            Standing::Unreachable => "unreachable",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RemoteDetail {
    pub name: String,
    pub state: Standing,
    /// Commits here the remote lacks, summed over the compared refs; `None` where a count is not known.
    pub ahead: Option<u64>,
    /// Commits on the remote not here, summed likewise.
    pub behind: Option<u64>,
    /// RFC 3339, UTC: the last fetch and push seen (tracking-ref reflogs, the audit log); `None`: never seen.
    pub last_fetch: Option<String>,
    pub last_push: Option<String>,
    pub provider: String,
    pub host: Option<String>,
    pub error: Option<String>,
}
