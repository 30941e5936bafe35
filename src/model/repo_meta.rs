//! What `repo edit` (and `create --topics --homepage`) did to a repository's metadata on each remote.

use serde::Serialize;

pub use crate::provider::metadata::{MetaChange, RepoMeta, HOMEPAGE, TOPICS};

/// What `repo edit` did on one remote.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EditDetail {
    pub provider: String,
    /// The fields changed (empty: everything was as asked, `unchanged`).
    pub changed: Vec<&'static str>,
    /// Fields this host has no place for, left out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unsupported: Vec<&'static str>,
    /// The metadata afterwards, as far as known.
    pub meta: Option<RepoMeta>,
}
