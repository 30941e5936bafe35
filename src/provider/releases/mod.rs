//! The [`Releases`] capability: a release per tag with its notes and files, per host. Each host keeps the files
//! its own way (GitHub's upload origin, GitLab generic packages plus release links, Gitea/Forgejo attachments,
//! Bitbucket Downloads); Bitbucket has Downloads only, and Gogs can list releases but not make them.

mod bitbucket;
mod data;
mod gitea;
mod github;
mod github_shape;
mod gitlab;

use serde_json::Value;

use super::http::encode;
use super::{text, ApiError, Base, Rest};
pub use data::{Asset, NewRelease, Release};

/// Releases on one host.
pub trait Releases: Send + Sync {
    /// Whether a "release" here is only the repository's Downloads: no tag, title or notes are kept.
    fn downloads_only(&self) -> bool {
        false
    }

    /// Why this host cannot make `new` at all (a draft on GitLab), before anything is sent.
    fn refuses(&self, new: &NewRelease) -> Option<&'static str> {
        let _ = new;
        None
    }

    /// What of `new` this host leaves out, said to the user but not a failure.
    fn drops(&self, new: &NewRelease) -> Vec<String> {
        let _ = new;
        Vec::new()
    }

    /// The releases of the repository `owner/name` here.
    fn of<'a>(&'a self, owner: &'a str, name: &'a str) -> Box<dyn RepoReleases + 'a>;
}

/// One repository's releases on its host.
pub trait RepoReleases {
    /// Every release, newest first as the host lists them.
    fn list(&self) -> Result<Vec<Release>, ApiError>;

    /// The release of `tag`, drafts included; `None` when there is none. By default it is looked for in the
    /// list, as GitHub's and Gitea's by-tag routes leave drafts out.
    fn find(&self, tag: &str) -> Result<Option<Release>, ApiError> {
        Ok(self.list()?.into_iter().find(|r| r.tag == tag))
    }

    fn create(&self, new: &NewRelease) -> Result<Release, ApiError>;

    /// Changes `old` to say what `new` says.
    fn update(&self, old: &Release, new: &NewRelease) -> Result<Release, ApiError>;

    /// Deletes the release (never the tag).
    fn delete(&self, release: &Release) -> Result<(), ApiError>;

    /// Attaches `bytes` as `file` to `release`.
    fn upload(&self, release: &Release, file: &str, bytes: &[u8]) -> Result<Asset, ApiError>;

    /// Deletes `asset` of `release`.
    fn remove(&self, release: &Release, asset: &Asset) -> Result<(), ApiError>;
}

/// A repository on a host: what each host's [`RepoReleases`] works on.
struct At<'a, H> {
    host: &'a H,
    owner: &'a str,
    name: &'a str,
}

impl<'a, H: Base> At<'a, H>
where
    At<'a, H>: RepoReleases,
{
    /// The repository `owner/name` on `host`, as its releases.
    fn boxed(host: &'a H, owner: &'a str, name: &'a str) -> Box<dyn RepoReleases + 'a> {
        Box::new(At { host, owner, name })
    }
}

impl<H: Base> At<'_, H> {
    fn rest(&self) -> &Rest {
        self.host.rest()
    }

    /// The route of the repository.
    fn repo(&self) -> String {
        self.host.repo_path(self.owner, self.name)
    }

    /// The route of the repository's releases.
    fn releases(&self) -> String {
        format!("{}/releases", self.repo())
    }

    /// The route of one release, by the key the host addresses it with (GitHub's id, GitLab's tag).
    fn release(&self, key: &str) -> String {
        format!("{}/{}", self.releases(), encode(key))
    }
}

/// The releases `path` lists, each read by `read` (the host's release object).
fn list(rest: &Rest, path: &str, read: fn(&Value) -> Release) -> Result<Vec<Release>, ApiError> {
    Ok(rest.api.get_all(path)?.iter().map(read).collect())
}

/// Sends `body` to `path` and reads the release the host answers with.
fn write(
    rest: &Rest,
    method: &str,
    path: &str,
    body: &Value,
    read: fn(&Value) -> Release,
) -> Result<Release, ApiError> {
    let reply = rest.api.send(method, path, Some(body))?;
    Ok(read(&rest.api.expect_ok(&reply)?))
}

/// An asset in GitHub's shape; `file` names it when the host does not.
fn github_asset(value: &Value, file: &str) -> Asset {
    Asset {
        id: id(value, "id"),
        name: text(value, "/name").unwrap_or_else(|| file.to_string()),
        size: value.get("size").and_then(Value::as_u64),
        url: text(value, "/browser_download_url"),
    }
}

/// An id that hosts send as a number or as text.
fn id(value: &Value, key: &str) -> String {
    match value.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The assets in the list at `pointer` in a release object, each read by `read` (with no name to fall back on).
fn assets(value: &Value, pointer: &str, read: fn(&Value, &str) -> Asset) -> Vec<Asset> {
    let list = value.pointer(pointer).and_then(Value::as_array);
    list.map(|list| list.iter().map(|a| read(a, "")).collect())
        .unwrap_or_default()
}

/// A release in GitHub's shape, which Gitea, Forgejo and Gogs copy.
fn github_release(value: &Value) -> Release {
    let assets = assets(value, "/assets", github_asset);
    Release {
        id: id(value, "id"),
        tag: text(value, "/tag_name").unwrap_or_default(),
        title: text(value, "/name").filter(|n| !n.is_empty()),
        notes: text(value, "/body").filter(|b| !b.is_empty()),
        draft: value.get("draft").and_then(Value::as_bool).unwrap_or(false),
        prerelease: value
            .get("prerelease")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        web_url: text(value, "/html_url"),
        assets,
    }
}

/// The create/update body GitHub and Gitea share.
fn github_body(new: &NewRelease, with_tag: bool) -> Value {
    let flags = serde_json::json!({ "draft": new.draft, "prerelease": new.prerelease });
    body(flags, new, with_tag, "body")
}

/// `body` with what `new` says of the tag (on create: `with_tag`), title and notes (under `notes_key`) added
/// after what it holds; what `new` leaves out is not sent, so an update keeps it.
fn body(mut body: Value, new: &NewRelease, with_tag: bool, notes_key: &str) -> Value {
    if with_tag {
        body["tag_name"] = serde_json::json!(new.tag);
    }
    if let Some(title) = &new.title {
        body["name"] = serde_json::json!(title);
    }
    if let Some(notes) = &new.notes {
        body[notes_key] = serde_json::json!(notes);
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_github_release_object_reads_with_its_assets() {
        // As api.github.com answers it (trimmed).
        let value: Value = serde_json::from_str(
            r#"{"id": 1, "tag_name": "v1.0.0", "name": "v1.0.0", "body": "", "draft": false, "prerelease": true,
                "html_url": "https://github.com/octocat/Hello-World/releases/v1.0.0",
                "assets": [{"id": 7, "name": "example.zip", "size": 1024,
                            "browser_download_url": "https://github.com/octocat/Hello-World/releases/download/v1.0.0/example.zip"}]}"#,
        )
        .unwrap();
        let release = github_release(&value);
        assert_eq!(release.id, "1");
        assert_eq!(release.title.as_deref(), Some("v1.0.0"));
        assert_eq!(release.notes, None);
        assert!(release.prerelease && !release.draft);
        assert_eq!(release.assets[0].id, "7");
        assert_eq!(release.assets[0].size, Some(1024));
    }
}
