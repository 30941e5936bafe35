//! GitHub releases: JSON under `/repos/…/releases`, assets as raw bytes to the upload origin the API names in
//! `upload_url` (`uploads.github.com`; `/api/uploads` on Enterprise Server).

use serde_json::Value;

use super::github_shape::GithubShape;
use super::{Asset, Release};
use crate::provider::github::GitHub;
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

impl GithubShape for GitHub {
    const PAGE: &'static str = "per_page=100";

    fn send_file(&self, path: &str, _file: &str, bytes: &[u8]) -> Result<Value, ApiError> {
        let api = uploads(&self.rest().api);
        let reply = api.send_bytes("POST", path, "application/octet-stream", bytes)?;
        api.expect_ok(&reply)
    }

    fn asset_route(&self, _release: &Release, asset: &Asset) -> String {
        format!("assets/{}", encode(&asset.id))
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
