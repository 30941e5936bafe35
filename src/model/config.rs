//! git-multi's settings as `config list` shows them: each documented key with what is set.

use serde::Serialize;

use crate::config::ValueKind;

/// One key as `list` shows it.
#[derive(Debug, Serialize)]
pub struct KeyState {
    pub key: String,
    /// Every value set (all scopes, in order; the last wins for single-valued keys).
    pub values: Vec<String>,
    #[serde(rename = "type")]
    pub kind: ValueKind,
    pub default: &'static str,
    pub description: &'static str,
}
