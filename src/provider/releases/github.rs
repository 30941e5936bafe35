//! GitHub releases: JSON under `/repos/…/releases`, assets as raw bytes to the upload origin the API names in
//! `upload_url` (`uploads.github.com`; `/api/uploads` on Enterprise Server).

use super::{github_asset, github_create, github_release, github_update, list, Releases};
use super::{Asset, NewRelease, Release};
use crate::provider::github::{repo_path, GitHub};
use crate::provider::http::{encode, Client};
use crate::provider::{ApiError, Base};

/// Where assets go for the API at `api`: GitHub.com has an upload host of its own, Enterprise Server a path
/// beside `/api/v3`; anything else (a proxy, a test server) takes them at the API root itself. Computed, not
/// taken from `upload_url`, so the token only ever goes where the user's API URL says.
fn uploads(api: &Client) -> Client {
    if api.base.eq_ignore_ascii_case("https://api.github.com") {
        api.at("https://uploads.github.com")
    } else if let Some(root) = api.base.strip_suffix("/api/v3") {
        api.at(&format!("{root}/api/uploads"))
    } else {
        api.clone()
    }
}

impl Releases for GitHub {
    fn release_list(&self, owner: &str, name: &str) -> Result<Vec<Release>, ApiError> {
        let path = format!("{}/releases?per_page=100", repo_path(owner, name));
        list(self.rest(), &path, github_release)
    }

    fn release_find(
        &self,
        owner: &str,
        name: &str,
        tag: &str,
    ) -> Result<Option<Release>, ApiError> {
        // The by-tag route never shows drafts; the list does.
        super::find_in(self.release_list(owner, name)?, tag)
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
        let api = uploads(&self.rest().api);
        let path = format!(
            "{}/releases/{}/assets?name={}",
            repo_path(owner, name),
            encode(&release.id),
            encode(file)
        );
        let reply = api.send_bytes("POST", &path, "application/octet-stream", bytes)?;
        Ok(github_asset(&api.expect_ok(&reply)?, file))
    }

    fn asset_delete(
        &self,
        owner: &str,
        name: &str,
        _release: &Release,
        asset: &Asset,
    ) -> Result<(), ApiError> {
        let path = format!(
            "{}/releases/assets/{}",
            repo_path(owner, name),
            encode(&asset.id)
        );
        self.rest().delete(&path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::http::{AuthStyle, Paging};

    #[test]
    fn assets_go_to_the_upload_origin_of_the_api() {
        let client = |base: &str| Client::new(base, None, AuthStyle::Bearer, Paging::Link);
        assert_eq!(
            uploads(&client("https://api.github.com")).base,
            "https://uploads.github.com"
        );
        assert_eq!(
            uploads(&client("https://ghe.example.com/api/v3/")).base,
            "https://ghe.example.com/api/uploads"
        );
        assert_eq!(
            uploads(&client("http://127.0.0.1:9")).base,
            "http://127.0.0.1:9"
        );
    }
}
