//! A tip git-multi saved before something overwrote or deleted it, and what a restore of saved tips did.

use serde::Serialize;

/// One saved tip: `remote` had `oid` at its ref `name`; it is kept at the local ref `backup`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Saved {
    pub remote: String,
    #[serde(rename = "ref")]
    pub name: String,
    pub oid: String,
    pub backup: String,
}

/// What a restore did: nothing (the backup of that remote holds no refs), or its push.
#[derive(Debug)]
pub enum Restored {
    Empty { remote: String },
    Pushed(super::Report<super::PushDetail>),
}
