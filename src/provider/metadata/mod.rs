//! The [`Metadata`] capability: a repository's description, homepage, topics and visibility, read and changed
//! per host. GitHub and Gitea/Forgejo keep topics behind a route of their own; GitLab has no homepage field and
//! Bitbucket no topics; Gogs has no API to change a repository at all.

mod data;
mod hosts;

use serde_json::{json, Map, Value};

use super::{text, ApiError, Base};
pub use data::{MetaChange, RepoMeta, HOMEPAGE, TOPICS};

/// Reading and changing a repository's metadata on one host.
pub trait Metadata: Send + Sync {
    /// The fields of [`MetaChange`] this host has no place for (`repo_meta::HOMEPAGE`, `TOPICS`).
    fn lacks(&self) -> &'static [&'static str] {
        &[]
    }

    /// The metadata as the host has it now.
    fn meta(&self, owner: &str, name: &str) -> Result<RepoMeta, ApiError>;

    /// Sets what `change` names (only fields this host keeps, only what differs).
    fn set_meta(&self, owner: &str, name: &str, change: &MetaChange) -> Result<(), ApiError>;
}

/// The repository object at `path`; a missing repository is an error here (there is nothing to edit).
fn repo_object(host: &dyn Base, path: &str) -> Result<Value, ApiError> {
    let api = &host.rest().api;
    let reply = api.get(path)?;
    api.expect_ok(&reply)
}

fn string_list(value: Option<&Value>) -> Option<Vec<String>> {
    value.and_then(Value::as_array).map(|items| {
        items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect()
    })
}

/// A missing field reads as empty text, as an empty one does: both mean "none" to the user.
fn or_empty(value: Option<String>) -> Option<String> {
    Some(value.unwrap_or_default())
}

/// GitHub and Gitea share the shape: a PATCH of the repository, then topics replaced whole at `/topics` under
/// `topics_key`.
fn github_like_set(
    host: &dyn Base,
    owner: &str,
    name: &str,
    change: &MetaChange,
    homepage_key: &str,
    topics_key: &str,
) -> Result<(), ApiError> {
    let rest = host.rest();
    let path = host.repo_path(owner, name);
    let mut body = Map::new();
    if let Some(description) = &change.description {
        body.insert("description".into(), json!(description));
    }
    if let Some(homepage) = &change.homepage {
        body.insert(homepage_key.into(), json!(homepage));
    }
    if let Some(private) = change.private {
        body.insert("private".into(), json!(private));
    }
    if !body.is_empty() {
        rest.done(&rest.api.patch(&path, &Value::Object(body))?)?;
    }
    if let Some(topics) = &change.topics {
        let body = json!({ topics_key: topics });
        rest.done(&rest.api.put(&format!("{path}/topics"), &body)?)?;
    }
    Ok(())
}

/// GitHub and Gitea answer the repository with its topics; when one leaves them out, the topics route says.
fn github_like_meta(
    host: &dyn Base,
    owner: &str,
    name: &str,
    homepage_key: &str,
    topics_key: &str,
) -> Result<RepoMeta, ApiError> {
    let path = host.repo_path(owner, name);
    let repo = repo_object(host, &path)?;
    let topics = match string_list(repo.get("topics")) {
        Some(topics) => topics,
        None => {
            let listed = repo_object(host, &format!("{path}/topics"))?;
            string_list(listed.get(topics_key)).unwrap_or_default()
        }
    };
    Ok(RepoMeta {
        description: or_empty(text(&repo, "/description")),
        homepage: or_empty(text(&repo, &format!("/{homepage_key}"))),
        topics: Some(topics),
        private: repo.get("private").and_then(Value::as_bool),
    })
}
