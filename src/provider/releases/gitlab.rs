//! GitLab releases: addressed by tag, notes in `description`, no drafts and no pre-release flag. Files go to the
//! project's generic package registry (package = the project's path, version = the tag) and are attached as
//! release links pointing there.

use serde_json::{json, Value};

use super::{assets, body, id, list, write, At, Releases, RepoReleases};
use super::{Asset, NewRelease, Release};
use crate::provider::gitlab::GitLab;
use crate::provider::http::encode;
use crate::provider::{text, ApiError};

/// A GitLab release object.
fn release(value: &Value) -> Release {
    let assets = assets(value, "/assets/links", link_asset);
    let tag = text(value, "/tag_name").unwrap_or_default();
    Release {
        id: tag.clone(),
        tag,
        title: text(value, "/name").filter(|n| !n.is_empty()),
        notes: text(value, "/description").filter(|d| !d.is_empty()),
        draft: false,
        prerelease: false,
        web_url: text(value, "/_links/self"),
        assets,
    }
}

/// A release link as an asset; `file` names it when the host does not. GitLab keeps no size for a link.
fn link_asset(value: &Value, file: &str) -> Asset {
    Asset {
        id: id(value, "id"),
        name: text(value, "/name").unwrap_or_else(|| file.to_string()),
        size: None,
        url: text(value, "/direct_asset_url").or_else(|| text(value, "/url")),
    }
}

/// A generic package name is letters, digits and `._-`; the project's path is, nearly always.
fn package_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

impl Releases for GitLab {
    fn refuses(&self, new: &NewRelease) -> Option<&'static str> {
        new.draft
            .then_some("GitLab has no draft releases; a release there is published at once")
    }

    fn drops(&self, new: &NewRelease) -> Vec<String> {
        let mut dropped = Vec::new();
        if new.prerelease {
            dropped.push("GitLab has no pre-release flag".to_string());
        }
        dropped
    }

    fn of<'a>(&'a self, owner: &'a str, name: &'a str) -> Box<dyn RepoReleases + 'a> {
        At::boxed(self, owner, name)
    }
}

impl RepoReleases for At<'_, GitLab> {
    fn list(&self) -> Result<Vec<Release>, ApiError> {
        let path = format!("{}?per_page=100", self.releases());
        list(self.rest(), &path, release)
    }

    fn find(&self, tag: &str) -> Result<Option<Release>, ApiError> {
        let found = self.rest().api.get_optional(&self.release(tag))?;
        Ok(found.map(|v| release(&v)))
    }

    fn create(&self, new: &NewRelease) -> Result<Release, ApiError> {
        let body = body(json!({}), new, true, "description");
        write(self.rest(), "POST", &self.releases(), &body, release)
    }

    fn update(&self, old: &Release, new: &NewRelease) -> Result<Release, ApiError> {
        let body = body(json!({}), new, false, "description");
        write(self.rest(), "PUT", &self.release(&old.tag), &body, release)
    }

    fn delete(&self, old: &Release) -> Result<(), ApiError> {
        self.rest().delete(&self.release(&old.tag))
    }

    fn upload(&self, old: &Release, file: &str, bytes: &[u8]) -> Result<Asset, ApiError> {
        let api = &self.rest().api;
        let package = format!(
            "{}/packages/generic/{}/{}/{}",
            self.repo(),
            encode(&package_name(self.name)),
            encode(&old.tag),
            encode(file)
        );
        let stored = api.send_bytes("PUT", &package, "application/octet-stream", bytes)?;
        self.rest().done(&stored)?;
        let link = json!({
            "name": file,
            "url": format!("{}{package}", api.base),
            "link_type": "package",
        });
        let path = format!("{}/assets/links", self.release(&old.tag));
        let reply = api.post(&path, &link)?;
        Ok(Asset {
            size: Some(bytes.len() as u64),
            ..link_asset(&api.expect_ok(&reply)?, file)
        })
    }

    fn remove(&self, old: &Release, asset: &Asset) -> Result<(), ApiError> {
        // The link goes; the package file stays in the registry (a new upload of the same name is a new file).
        let path = format!(
            "{}/assets/links/{}",
            self.release(&old.tag),
            encode(&asset.id)
        );
        self.rest().delete(&path)
    }
}
