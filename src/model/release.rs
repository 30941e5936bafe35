//! Releases as the hosts keep them, and what `release create|list|delete` did on each remote.

use serde::Serialize;

/// A file attached to a release (GitHub assets, GitLab release links, Gitea attachments, Bitbucket downloads).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Asset {
    /// The host's id for it (GitLab: the link's id; Bitbucket: the file name).
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Where users download it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One release on one host.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Release {
    /// The host's id (GitHub/Gitea: a number; GitLab and Bitbucket: the tag).
    #[serde(skip)]
    pub id: String,
    pub tag: String,
    pub title: Option<String>,
    pub notes: Option<String>,
    pub draft: bool,
    pub prerelease: bool,
    pub web_url: Option<String>,
    pub assets: Vec<Asset>,
}

/// What `release create` asks for.
#[derive(Debug, Clone, Default)]
pub struct NewRelease {
    pub tag: String,
    pub title: Option<String>,
    pub notes: Option<String>,
    pub draft: bool,
    pub prerelease: bool,
}

impl NewRelease {
    /// What of `self` differs from the release the host has, in the words of `release create`'s output; empty
    /// when nothing does (the release is left alone).
    pub fn differences(&self, old: &Release) -> Vec<&'static str> {
        let mut changed = Vec::new();
        if self.title.is_some() && self.title != old.title {
            changed.push("title");
        }
        if self.notes.is_some() && self.notes != old.notes {
            changed.push("notes");
        }
        if self.draft != old.draft {
            changed.push("draft");
        }
        if self.prerelease != old.prerelease {
            changed.push("prerelease");
        }
        changed
    }
}

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
