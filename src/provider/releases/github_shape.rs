//! The releases GitHub, Gitea and Forgejo keep alike: the same routes under the repository and the same
//! objects. What differs (the list's page size, how a file is sent, the route of one asset) is
//! [`GithubShape`]'s to say.

use serde_json::Value;

use super::{github_asset, github_body, github_release, list, write, At, Releases, RepoReleases};
use super::{Asset, NewRelease, Release};
use crate::provider::http::encode;
use crate::provider::{ApiError, Base};

/// A host whose releases are GitHub's; it has [`Releases`] by saying only where it differs.
pub(super) trait GithubShape: Base {
    /// The query that asks for the largest page of releases the host gives.
    const PAGE: &'static str;

    /// Sends `bytes` as `file` to `path` (the release's assets, named) and answers the asset object.
    fn send_file(&self, path: &str, file: &str, bytes: &[u8]) -> Result<Value, ApiError>;

    /// The route of `asset` below the repository's `releases/`.
    fn asset_route(&self, release: &Release, asset: &Asset) -> String;
}

impl<T: GithubShape> Releases for T {
    fn of<'a>(&'a self, owner: &'a str, name: &'a str) -> Box<dyn RepoReleases + 'a> {
        At::boxed(self, owner, name)
    }
}

impl<T: GithubShape> RepoReleases for At<'_, T> {
    fn list(&self) -> Result<Vec<Release>, ApiError> {
        let path = format!("{}?{}", self.releases(), T::PAGE);
        list(self.rest(), &path, github_release)
    }

    fn create(&self, new: &NewRelease) -> Result<Release, ApiError> {
        let body = github_body(new, true);
        write(self.rest(), "POST", &self.releases(), &body, github_release)
    }

    fn update(&self, old: &Release, new: &NewRelease) -> Result<Release, ApiError> {
        let body = github_body(new, false);
        write(
            self.rest(),
            "PATCH",
            &self.release(&old.id),
            &body,
            github_release,
        )
    }

    fn delete(&self, release: &Release) -> Result<(), ApiError> {
        self.rest().delete(&self.release(&release.id))
    }

    fn upload(&self, release: &Release, file: &str, bytes: &[u8]) -> Result<Asset, ApiError> {
        let path = format!("{}/assets?name={}", self.release(&release.id), encode(file));
        Ok(github_asset(
            &self.host.send_file(&path, file, bytes)?,
            file,
        ))
    }

    fn remove(&self, release: &Release, asset: &Asset) -> Result<(), ApiError> {
        let route = self.host.asset_route(release, asset);
        self.rest().delete(&format!("{}/{route}", self.releases()))
    }
}
