//! The releases GitHub, Gitea and Forgejo keep alike: the same routes under the repository and the same
//! objects. What differs (the list's page size, how a file is sent, the route of one asset) is
//! [`GithubShape`]'s to say.

use serde_json::Value;

use super::{github_body, github_release, list, release_route, releases_route, write, Releases};
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
    fn release_list(&self, owner: &str, name: &str) -> Result<Vec<Release>, ApiError> {
        let path = format!("{}?{}", releases_route(self, owner, name), T::PAGE);
        list(self.rest(), &path, github_release)
    }

    fn release_create(
        &self,
        owner: &str,
        name: &str,
        new: &NewRelease,
    ) -> Result<Release, ApiError> {
        let path = releases_route(self, owner, name);
        write(
            self.rest(),
            "POST",
            &path,
            &github_body(new, true),
            github_release,
        )
    }

    fn release_update(
        &self,
        owner: &str,
        name: &str,
        old: &Release,
        new: &NewRelease,
    ) -> Result<Release, ApiError> {
        let path = release_route(self, owner, name, &old.id);
        write(
            self.rest(),
            "PATCH",
            &path,
            &github_body(new, false),
            github_release,
        )
    }

    fn release_delete(&self, owner: &str, name: &str, release: &Release) -> Result<(), ApiError> {
        self.rest()
            .delete(&release_route(self, owner, name, &release.id))
    }

    fn asset_upload(
        &self,
        owner: &str,
        name: &str,
        release: &Release,
        file: &str,
        bytes: &[u8],
    ) -> Result<Asset, ApiError> {
        let release = release_route(self, owner, name, &release.id);
        let path = format!("{release}/assets?name={}", encode(file));
        Ok(super::github_asset(
            &self.send_file(&path, file, bytes)?,
            file,
        ))
    }

    fn asset_delete(
        &self,
        owner: &str,
        name: &str,
        release: &Release,
        asset: &Asset,
    ) -> Result<(), ApiError> {
        let route = self.asset_route(release, asset);
        let path = format!("{}/{route}", releases_route(self, owner, name));
        self.rest().delete(&path)
    }
}
