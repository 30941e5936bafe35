//! Gitea and Forgejo releases: GitHub's shape, attachments as a multipart form. Gogs lists releases but has no
//! API to make, change or delete them.

use super::{find_in, github_body, github_release, id, Releases};
use super::{Asset, NewRelease, Release};
use crate::provider::gitea::Gitea;
use crate::provider::github::repo_path;
use crate::provider::gogs::Gogs;
use crate::provider::http::encode;
use crate::provider::{multipart, text, ApiError, Base};

const GOGS: &str = "has no API to create, change or delete releases";

impl Releases for Gitea {
    fn release_list(&self, owner: &str, name: &str) -> Result<Vec<Release>, ApiError> {
        let path = format!("{}/releases?limit=50", repo_path(owner, name));
        let all = self.rest().api.get_all(&path)?;
        Ok(all.iter().map(github_release).collect())
    }

    fn release_find(
        &self,
        owner: &str,
        name: &str,
        tag: &str,
    ) -> Result<Option<Release>, ApiError> {
        // The by-tag route leaves drafts out; the list has them.
        find_in(self.release_list(owner, name)?, tag)
    }

    fn release_create(
        &self,
        owner: &str,
        name: &str,
        new: &NewRelease,
    ) -> Result<Release, ApiError> {
        let api = &self.rest().api;
        let reply = api.post(
            &format!("{}/releases", repo_path(owner, name)),
            &github_body(new, true),
        )?;
        Ok(github_release(&api.expect_ok(&reply)?))
    }

    fn release_update(
        &self,
        owner: &str,
        name: &str,
        old: &Release,
        new: &NewRelease,
    ) -> Result<Release, ApiError> {
        let api = &self.rest().api;
        let path = format!("{}/releases/{}", repo_path(owner, name), encode(&old.id));
        let reply = api.patch(&path, &github_body(new, false))?;
        Ok(github_release(&api.expect_ok(&reply)?))
    }

    fn release_delete(&self, owner: &str, name: &str, release: &Release) -> Result<(), ApiError> {
        let rest = self.rest();
        let path = format!(
            "{}/releases/{}",
            repo_path(owner, name),
            encode(&release.id)
        );
        rest.done(&rest.api.delete(&path)?)
    }

    fn asset_upload(
        &self,
        owner: &str,
        name: &str,
        release: &Release,
        file: &str,
        bytes: &[u8],
    ) -> Result<Asset, ApiError> {
        let api = &self.rest().api;
        let path = format!(
            "{}/releases/{}/assets?name={}",
            repo_path(owner, name),
            encode(&release.id),
            encode(file)
        );
        let (content_type, body) = multipart::form("attachment", file, bytes);
        let reply = api.send_bytes("POST", &path, &content_type, &body)?;
        let value = api.expect_ok(&reply)?;
        Ok(Asset {
            id: id(&value, "id"),
            name: text(&value, "/name").unwrap_or_else(|| file.to_string()),
            size: value.get("size").and_then(serde_json::Value::as_u64),
            url: text(&value, "/browser_download_url"),
        })
    }

    fn asset_delete(
        &self,
        owner: &str,
        name: &str,
        release: &Release,
        asset: &Asset,
    ) -> Result<(), ApiError> {
        let rest = self.rest();
        let path = format!(
            "{}/releases/{}/assets/{}",
            repo_path(owner, name),
            encode(&release.id),
            encode(&asset.id)
        );
        rest.done(&rest.api.delete(&path)?)
    }
}

/// Gogs lists releases (in GitHub's shape) and has no API for anything else about them.
impl Releases for Gogs {
    fn refuses(&self, _new: &NewRelease) -> Option<&'static str> {
        Some("Gogs has no API to create, change or delete releases")
    }

    fn release_list(&self, owner: &str, name: &str) -> Result<Vec<Release>, ApiError> {
        let all = self
            .rest()
            .api
            .get_all(&format!("{}/releases", repo_path(owner, name)))?;
        Ok(all.iter().map(github_release).collect())
    }

    fn release_find(
        &self,
        owner: &str,
        name: &str,
        tag: &str,
    ) -> Result<Option<Release>, ApiError> {
        find_in(self.release_list(owner, name)?, tag)
    }

    fn release_create(&self, _: &str, _: &str, _: &NewRelease) -> Result<Release, ApiError> {
        Err(self.rest().unsupported(GOGS))
    }

    fn release_update(
        &self,
        _: &str,
        _: &str,
        _: &Release,
        _: &NewRelease,
    ) -> Result<Release, ApiError> {
        Err(self.rest().unsupported(GOGS))
    }

    fn release_delete(&self, _: &str, _: &str, _: &Release) -> Result<(), ApiError> {
        Err(self.rest().unsupported(GOGS))
    }

    fn asset_upload(
        &self,
        _: &str,
        _: &str,
        _: &Release,
        _: &str,
        _: &[u8],
    ) -> Result<Asset, ApiError> {
        Err(self.rest().unsupported(GOGS))
    }

    fn asset_delete(&self, _: &str, _: &str, _: &Release, _: &Asset) -> Result<(), ApiError> {
        Err(self.rest().unsupported(GOGS))
    }
}
