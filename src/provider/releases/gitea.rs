//! Gitea and Forgejo releases: GitHub's shape, attachments as a multipart form. Gogs lists releases but has no
//! API to make, change or delete them.

use serde_json::Value;

use super::github_shape::GithubShape;
use super::{github_release, list, At, Releases, RepoReleases};
use super::{Asset, NewRelease, Release};
use crate::provider::gitea::Gitea;
use crate::provider::gogs::Gogs;
use crate::provider::http::encode;
use crate::provider::{multipart, ApiError, Base};

const GOGS: &str = "has no API to create, change or delete releases";

impl GithubShape for Gitea {
    const PAGE: &'static str = "limit=50";

    fn send_file(&self, path: &str, file: &str, bytes: &[u8]) -> Result<Value, ApiError> {
        let api = &self.rest().api;
        let (content_type, body) = multipart::form("attachment", file, bytes);
        api.expect_ok(&api.send_bytes("POST", path, &content_type, &body)?)
    }

    fn asset_route(&self, release: &Release, asset: &Asset) -> String {
        format!("{}/assets/{}", encode(&release.id), encode(&asset.id))
    }
}

/// Gogs lists releases (in GitHub's shape) and has no API for anything else about them.
impl Releases for Gogs {
    fn refuses(&self, _new: &NewRelease) -> Option<&'static str> {
        Some("Gogs has no API to create, change or delete releases")
    }

    fn of<'a>(&'a self, owner: &'a str, name: &'a str) -> Box<dyn RepoReleases + 'a> {
        At::boxed(self, owner, name)
    }
}

impl RepoReleases for At<'_, Gogs> {
    fn list(&self) -> Result<Vec<Release>, ApiError> {
        list(self.rest(), &self.releases(), github_release)
    }

    fn create(&self, _: &NewRelease) -> Result<Release, ApiError> {
        Err(self.rest().unsupported(GOGS))
    }

    fn update(&self, _: &Release, _: &NewRelease) -> Result<Release, ApiError> {
        Err(self.rest().unsupported(GOGS))
    }

    fn delete(&self, _: &Release) -> Result<(), ApiError> {
        Err(self.rest().unsupported(GOGS))
    }

    fn upload(&self, _: &Release, _: &str, _: &[u8]) -> Result<Asset, ApiError> {
        Err(self.rest().unsupported(GOGS))
    }

    fn remove(&self, _: &Release, _: &Asset) -> Result<(), ApiError> {
        Err(self.rest().unsupported(GOGS))
    }
}
