//! Gitea and Forgejo releases: GitHub's shape, attachments as a multipart form. Gogs lists releases but has no
//! API to make, change or delete them.

use super::{github_body, github_release, id, Releases};
use crate::model::release::{Asset, NewRelease, Release};
use crate::provider::gitea::Gitea;
use crate::provider::github::repo_path;
use crate::provider::http::encode;
use crate::provider::{multipart, text, ApiError, Provider, ProviderKind};

impl Gitea {
    /// Gogs has the list only.
    fn writable(&self) -> Result<(), ApiError> {
        if self.rest().kind == ProviderKind::Gogs {
            Err(self.rest().unsupported(GOGS))
        } else {
            Ok(())
        }
    }
}

const GOGS: &str = "Gogs has no API to create, change or delete releases";

impl Releases for Gitea {
    fn refuses(&self, _new: &NewRelease) -> Option<&'static str> {
        (self.rest().kind == ProviderKind::Gogs).then_some(GOGS)
    }

    fn release_list(&self, owner: &str, name: &str) -> Result<Vec<Release>, ApiError> {
        let query = if self.rest().kind == ProviderKind::Gogs {
            ""
        } else {
            "?limit=50"
        };
        let path = format!("{}/releases{query}", repo_path(owner, name));
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
        Ok(self
            .release_list(owner, name)?
            .into_iter()
            .find(|r| r.tag == tag))
    }

    fn release_create(
        &self,
        owner: &str,
        name: &str,
        new: &NewRelease,
    ) -> Result<Release, ApiError> {
        self.writable()?;
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
        self.writable()?;
        let api = &self.rest().api;
        let path = format!("{}/releases/{}", repo_path(owner, name), encode(&old.id));
        let reply = api.patch(&path, &github_body(new, false))?;
        Ok(github_release(&api.expect_ok(&reply)?))
    }

    fn release_delete(&self, owner: &str, name: &str, release: &Release) -> Result<(), ApiError> {
        self.writable()?;
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
        self.writable()?;
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
        self.writable()?;
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
