//! [`Metadata`] for each host with an API for it: GitHub and Gitea/Forgejo share a shape, GitLab and Bitbucket
//! each have their own.

use serde_json::{json, Map, Value};

use super::{github_like_meta, github_like_set, or_empty, repo_object, string_list, Metadata};
use super::{MetaChange, RepoMeta, HOMEPAGE, TOPICS};
use crate::provider::bitbucket::Bitbucket;
use crate::provider::gitea::Gitea;
use crate::provider::github::GitHub;
use crate::provider::gitlab::GitLab;
use crate::provider::{text, ApiError, Base};

impl Metadata for GitHub {
    fn meta(&self, owner: &str, name: &str) -> Result<RepoMeta, ApiError> {
        github_like_meta(self, owner, name, "homepage", "names")
    }

    fn set_meta(&self, owner: &str, name: &str, change: &MetaChange) -> Result<(), ApiError> {
        github_like_set(self, owner, name, change, "homepage", "names")
    }
}

impl Metadata for Gitea {
    fn meta(&self, owner: &str, name: &str) -> Result<RepoMeta, ApiError> {
        github_like_meta(self, owner, name, "website", "topics")
    }

    fn set_meta(&self, owner: &str, name: &str, change: &MetaChange) -> Result<(), ApiError> {
        github_like_set(self, owner, name, change, "website", "topics")
    }
}

impl Metadata for GitLab {
    fn lacks(&self) -> &'static [&'static str] {
        &[HOMEPAGE]
    }

    fn meta(&self, owner: &str, name: &str) -> Result<RepoMeta, ApiError> {
        let project = repo_object(self, &self.repo_path(owner, name))?;
        // `topics` since GitLab 14.0; `tag_list` before (deprecated, same content).
        let topics = string_list(project.get("topics"))
            .or_else(|| string_list(project.get("tag_list")))
            .unwrap_or_default();
        Ok(RepoMeta {
            description: or_empty(text(&project, "/description")),
            homepage: None,
            topics: Some(topics),
            private: text(&project, "/visibility").map(|v| v != "public"),
        })
    }

    fn set_meta(&self, owner: &str, name: &str, change: &MetaChange) -> Result<(), ApiError> {
        let rest = self.rest();
        let mut body = Map::new();
        if let Some(description) = &change.description {
            body.insert("description".into(), json!(description));
        }
        if let Some(topics) = &change.topics {
            body.insert("topics".into(), json!(topics));
        }
        if let Some(private) = change.private {
            let visibility = if private { "private" } else { "public" };
            body.insert("visibility".into(), json!(visibility));
        }
        if body.is_empty() {
            return Ok(());
        }
        let reply = rest
            .api
            .put(&self.repo_path(owner, name), &Value::Object(body))?;
        rest.done(&reply)
    }
}

impl Metadata for Bitbucket {
    fn lacks(&self) -> &'static [&'static str] {
        &[TOPICS]
    }

    fn meta(&self, owner: &str, name: &str) -> Result<RepoMeta, ApiError> {
        let repo = repo_object(self, &self.repo_path(owner, name))?;
        Ok(RepoMeta {
            description: or_empty(text(&repo, "/description")),
            homepage: or_empty(text(&repo, "/website")),
            topics: None,
            private: repo.get("is_private").and_then(Value::as_bool),
        })
    }

    fn set_meta(&self, owner: &str, name: &str, change: &MetaChange) -> Result<(), ApiError> {
        let rest = self.rest();
        // Every Bitbucket object names its `type`, request bodies too.
        let mut body = json!({ "type": "repository" });
        if let Some(description) = &change.description {
            body["description"] = json!(description);
        }
        if let Some(homepage) = &change.homepage {
            body["website"] = json!(homepage);
        }
        if let Some(private) = change.private {
            body["is_private"] = json!(private);
        }
        let reply = rest.api.put(&self.repo_path(owner, name), &body)?;
        rest.done(&reply)
    }
}
