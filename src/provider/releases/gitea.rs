//! Gitea and Forgejo releases: GitHub's shape, attachments as a multipart form. Gogs lists releases but has no
//! API to make, change or delete them.

use super::{find_in, github_asset, github_create, github_release, github_update, list, Releases};
use super::{Asset, NewRelease, Release};
use crate::provider::gitea::Gitea;
use crate::provider::github::repo_path;
use crate::provider::gogs::Gogs;
use crate::provider::http::encode;
use crate::provider::{multipart, ApiError, Base};

const GOGS: &str = "has no API to create, change or delete releases";

impl Releases for Gitea {
    fn release_list(&self, owner: &str, name: &str) -> Result<Vec<Release>, ApiError> {
        let path = format!("{}/releases?limit=50", repo_path(owner, name));
        list(self.rest(), &path, github_release)
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
        github_create(self.rest(), &repo_path(owner, name), new)
    }

    fn release_update(
        &self,
        owner: &str,
        name: &str,
        old: &Release,
        new: &NewRelease,
    ) -> Result<Release, ApiError> {
        github_update(self.rest(), &repo_path(owner, name), old, new)
    }

    fn release_delete(&self, owner: &str, name: &str, release: &Release) -> Result<(), ApiError> {
        let path = format!(
            "{}/releases/{}",
            repo_path(owner, name),
            encode(&release.id)
        );
        self.rest().delete(&path)
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
        Ok(github_asset(&api.expect_ok(&reply)?, file))
    }

    fn asset_delete(
        &self,
        owner: &str,
        name: &str,
        release: &Release,
        asset: &Asset,
    ) -> Result<(), ApiError> {
        let (repo, release) = (repo_path(owner, name), encode(&release.id));
        self.rest().delete(&format!(
            "{repo}/releases/{release}/assets/{}",
            encode(&asset.id)
        ))
    }
}

/// Gogs lists releases (in GitHub's shape) and has no API for anything else about them.
impl Releases for Gogs {
    fn refuses(&self, _new: &NewRelease) -> Option<&'static str> {
        Some("Gogs has no API to create, change or delete releases")
    }

    fn release_list(&self, owner: &str, name: &str) -> Result<Vec<Release>, ApiError> {
        let path = format!("{}/releases", repo_path(owner, name));
        list(self.rest(), &path, github_release)
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
