//! What `release create|list|delete` did on each remote (the releases themselves are the provider's data).

use serde::Serialize;

pub use crate::provider::releases::{NewRelease, Release};

/// What happened to one asset on one remote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssetStatus {
    Uploaded,
    /// An asset of that name was there and `--clobber` replaced it.
    Replaced,
    /// An asset of that name was there; without `--clobber` it is left alone.
    Skipped,
    Failed,
}

#[derive(Debug, Clone, Serialize)]
pub struct AssetResult {
    pub name: String,
    pub status: AssetStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// What `release create|delete` did on one remote.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReleaseDetail {
    pub provider: String,
    pub tag: String,
    /// `created`, `updated`, `unchanged`, `deleted`, `absent`, or `null` when nothing was reached.
    pub action: Option<&'static str>,
    /// The fields an update changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<&'static str>,
    /// The tag was pushed to this remote first (`--push`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pushed_tag: bool,
    pub web_url: Option<String>,
    pub assets: Vec<AssetResult>,
    /// Something worth knowing that did not make the remote fail (what this host cannot keep).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What `release list` found on one remote.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReleaseList {
    pub provider: String,
    pub releases: Vec<Release>,
}
