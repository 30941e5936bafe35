//! Releases as the hosts keep them, in the terms all hosts share.

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
