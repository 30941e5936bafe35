//! Bitbucket Cloud has no releases: what it has is the repository's Downloads, one flat list of files. A
//! release there is its files only; tag, title and notes are not kept, and deleting one is refused rather than
//! guessing which downloads belonged to it.

use serde_json::Value;

use super::Releases;
use super::{Asset, NewRelease, Release};
use crate::provider::bitbucket::Bitbucket;
use crate::provider::http::encode;
use crate::provider::{multipart, text, ApiError, Base};

impl Bitbucket {
    /// The Downloads as the assets of a release of `tag`.
    fn downloads(&self, owner: &str, name: &str, tag: &str) -> Result<Release, ApiError> {
        let path = format!("{}/downloads", self.repo_path(owner, name));
        let files = self.rest().api.get_all(&path)?;
        Ok(Release {
            id: tag.to_string(),
            tag: tag.to_string(),
            web_url: None,
            assets: files
                .iter()
                .map(|f| Asset {
                    id: text(f, "/name").unwrap_or_default(),
                    name: text(f, "/name").unwrap_or_default(),
                    size: f.get("size").and_then(Value::as_u64),
                    url: text(f, "/links/self/href"),
                })
                .collect(),
            ..Release::default()
        })
    }
}

const NO_RELEASES: &str = "has no releases, only Downloads (files without a tag, title or notes)";

impl Releases for Bitbucket {
    fn downloads_only(&self) -> bool {
        true
    }

    fn drops(&self, new: &NewRelease) -> Vec<String> {
        let _ = new;
        vec!["Bitbucket keeps the files in Downloads only, without tag, title or notes".to_string()]
    }

    fn release_list(&self, _owner: &str, _name: &str) -> Result<Vec<Release>, ApiError> {
        Err(self.rest().unsupported(NO_RELEASES))
    }

    fn release_find(
        &self,
        owner: &str,
        name: &str,
        tag: &str,
    ) -> Result<Option<Release>, ApiError> {
        self.downloads(owner, name, tag).map(Some)
    }

    fn release_create(
        &self,
        owner: &str,
        name: &str,
        new: &NewRelease,
    ) -> Result<Release, ApiError> {
        self.downloads(owner, name, &new.tag)
    }

    fn release_update(
        &self,
        _owner: &str,
        _name: &str,
        old: &Release,
        _new: &NewRelease,
    ) -> Result<Release, ApiError> {
        Ok(old.clone())
    }

    fn release_delete(&self, _owner: &str, _name: &str, _old: &Release) -> Result<(), ApiError> {
        Err(self.rest().unsupported(NO_RELEASES))
    }

    fn asset_upload(
        &self,
        owner: &str,
        name: &str,
        _release: &Release,
        file: &str,
        bytes: &[u8],
    ) -> Result<Asset, ApiError> {
        let rest = self.rest();
        let path = format!("{}/downloads", self.repo_path(owner, name));
        let (content_type, body) = multipart::form("files", file, bytes);
        rest.done(&rest.api.send_bytes("POST", &path, &content_type, &body)?)?;
        Ok(Asset {
            id: file.to_string(),
            name: file.to_string(),
            size: Some(bytes.len() as u64),
            url: None,
        })
    }

    fn asset_delete(
        &self,
        owner: &str,
        name: &str,
        _release: &Release,
        asset: &Asset,
    ) -> Result<(), ApiError> {
        let path = format!(
            "{}/downloads/{}",
            self.repo_path(owner, name),
            encode(&asset.name)
        );
        self.rest().delete(&path)
    }
}
