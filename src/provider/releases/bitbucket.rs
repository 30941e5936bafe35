//! Bitbucket Cloud has no releases: what it has is the repository's Downloads, one flat list of files. A
//! release there is its files only; tag, title and notes are not kept, and deleting one is refused rather than
//! guessing which downloads belonged to it.

use serde_json::Value;

use super::{Asset, NewRelease, Release};
use super::{At, Releases, RepoReleases};
use crate::provider::bitbucket::Bitbucket;
use crate::provider::http::encode;
use crate::provider::{multipart, text, ApiError};

impl At<'_, Bitbucket> {
    /// The route of the repository's Downloads.
    fn downloads(&self) -> String {
        format!("{}/downloads", self.repo())
    }

    /// The Downloads as the assets of a release of `tag`.
    fn as_release(&self, tag: &str) -> Result<Release, ApiError> {
        let files = self.rest().api.get_all(&self.downloads())?;
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

    fn of<'a>(&'a self, owner: &'a str, name: &'a str) -> Box<dyn RepoReleases + 'a> {
        At::boxed(self, owner, name)
    }
}

impl RepoReleases for At<'_, Bitbucket> {
    fn list(&self) -> Result<Vec<Release>, ApiError> {
        Err(self.rest().unsupported(NO_RELEASES))
    }

    fn find(&self, tag: &str) -> Result<Option<Release>, ApiError> {
        self.as_release(tag).map(Some)
    }

    fn create(&self, new: &NewRelease) -> Result<Release, ApiError> {
        self.as_release(&new.tag)
    }

    fn update(&self, old: &Release, _new: &NewRelease) -> Result<Release, ApiError> {
        Ok(old.clone())
    }

    fn delete(&self, _old: &Release) -> Result<(), ApiError> {
        Err(self.rest().unsupported(NO_RELEASES))
    }

    fn upload(&self, _release: &Release, file: &str, bytes: &[u8]) -> Result<Asset, ApiError> {
        let rest = self.rest();
        let (content_type, body) = multipart::form("files", file, bytes);
        rest.done(
            &rest
                .api
                .send_bytes("POST", &self.downloads(), &content_type, &body)?,
        )?;
        Ok(Asset {
            id: file.to_string(),
            name: file.to_string(),
            size: Some(bytes.len() as u64),
            url: None,
        })
    }

    fn remove(&self, _release: &Release, asset: &Asset) -> Result<(), ApiError> {
        let path = format!("{}/{}", self.downloads(), encode(&asset.name));
        self.rest().delete(&path)
    }
}
