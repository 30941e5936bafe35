//! A tip git-multi saved before something overwrote or deleted it.

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
