//! What `backup list` finds: the tips saved under `refs/multi/backup/`, grouped by remote and event, and the
//! backup directories `backup --to` wrote.

use std::path::PathBuf;

use serde::Serialize;

/// Every saved tip of one remote (`local` for this repository's own branches), newest event first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemoteBackups {
    pub remote: String,
    pub events: Vec<Event>,
}

/// The tips one command run saved: its event (`<UTC time>-<pid>`), that time as RFC 3339, and the refs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub event: String,
    pub time: Option<String>,
    pub refs: Vec<SavedRef>,
}

/// One saved tip: the ref it was (`refs/heads/main`), its commit, and the ref that keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedRef {
    #[serde(rename = "ref")]
    pub name: String,
    pub oid: String,
    pub backup: String,
}

/// A directory `backup --to` wrote, as its manifest describes it now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Archive {
    pub dir: PathBuf,
    /// When it was written (from the record, or the manifest when that can be read).
    pub created: String,
    /// `ok`, `missing` (the directory or its manifest is gone) or `unreadable` (with `error`).
    pub state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Remote → how many refs its bundle holds.
    pub remotes: Vec<ArchivedRemote>,
    /// The remote-set file inside it (`--include-config`), when there is one.
    pub config: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchivedRemote {
    pub name: String,
    pub refs: usize,
}
