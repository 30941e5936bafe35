//! The CI state of a commit on each host (`ci status`): GitHub check runs plus commit statuses, GitLab
//! pipelines for the sha, Gitea/Forgejo commit statuses, Bitbucket commit statuses; every host's words mapped
//! to one [`CiState`]. Gogs has no commit status API.

use serde::Serialize;
use serde_json::Value;

use super::bitbucket::Bitbucket;
use super::gitea::Gitea;
use super::github::GitHub;
use super::gitlab::GitLab;
use super::http::encode;
use super::{text, ApiError, Base};

/// One normalised CI state, the same words on every host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CiState {
    /// Waiting to start (queued, created, scheduled, waiting for a manual step).
    Pending,
    Running,
    Success,
    Failure,
    /// Cancelled, stopped or broken on the CI's side rather than failed by the code.
    Error,
    /// The host has nothing for this commit.
    None,
}

impl CiState {
    pub fn as_str(self) -> &'static str {
        match self {
            CiState::Pending => "pending",
            CiState::Running => "running",
            CiState::Success => "success",
            CiState::Failure => "failure",
            CiState::Error => "error",
            CiState::None => "none",
        }
    }

    /// Nothing more will change without a new run: success, failure, error (and `none`, which only a new run
    /// can change too).
    pub fn is_final(self) -> bool {
        !matches!(self, CiState::Pending | CiState::Running)
    }

    /// The host's state from its checks: any failure, else any error, else anything running, else anything
    /// pending, else success; no checks at all is `none`.
    pub fn combine(states: impl IntoIterator<Item = CiState>) -> CiState {
        let states: Vec<CiState> = states.into_iter().collect();
        if states.is_empty() {
            return CiState::None;
        }
        [
            CiState::Failure,
            CiState::Error,
            CiState::Running,
            CiState::Pending,
        ]
        .into_iter()
        .find(|s| states.contains(s))
        .unwrap_or(CiState::Success)
    }
}

/// One check of a commit as the host names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CiCheck {
    pub name: String,
    pub state: CiState,
    pub url: Option<String>,
}

/// What a host can say about the CI runs of a commit.
pub trait CiStatus: Base {
    /// Every check of `sha` in the repository `owner`/`name`; empty when the host has none.
    fn checks(&self, owner: &str, name: &str, sha: &str) -> Result<Vec<CiCheck>, ApiError>;
}

/// GitHub has two systems side by side: commit statuses (older integrations) and check runs (Actions, apps).
impl CiStatus for GitHub {
    fn checks(&self, owner: &str, name: &str, sha: &str) -> Result<Vec<CiCheck>, ApiError> {
        let api = &self.rest().api;
        let base = format!("{}/commits/{}", self.repo_path(owner, name), encode(sha));
        let reply = api.get(&format!("{base}/status?per_page=100"))?;
        let combined = api.expect_ok(&reply)?;
        let mut checks: Vec<CiCheck> = list(&combined, "statuses")
            .iter()
            .map(|s| status_check(s, "/context", "/state", "/target_url"))
            .collect();
        let reply = api.get(&format!("{base}/check-runs?per_page=100"))?;
        let runs = api.expect_ok(&reply)?;
        checks.extend(list(&runs, "check_runs").iter().map(check_run));
        Ok(checks)
    }
}

fn list<'v>(value: &'v Value, key: &str) -> &'v [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A commit status (GitHub, Gitea): `pending`, `success`, `failure`, `error`; Gitea adds `warning`, which does
/// not block a merge there and counts as success here.
fn status_check(value: &Value, name: &str, state: &str, url: &str) -> CiCheck {
    let state = match text(value, state).as_deref() {
        Some("success" | "warning") => CiState::Success,
        Some("failure") => CiState::Failure,
        Some("error") => CiState::Error,
        _ => CiState::Pending,
    };
    CiCheck {
        name: text(value, name).unwrap_or_default(),
        state,
        url: text(value, url),
    }
}

/// A GitHub check run: `status` until completed, then its `conclusion`.
pub(crate) fn check_run(value: &Value) -> CiCheck {
    let state = match text(value, "/status").as_deref() {
        Some("completed") => match text(value, "/conclusion").as_deref() {
            Some("success" | "neutral" | "skipped") => CiState::Success,
            Some("failure" | "timed_out" | "action_required") => CiState::Failure,
            _ => CiState::Error,
        },
        Some("in_progress") => CiState::Running,
        _ => CiState::Pending,
    };
    CiCheck {
        name: text(value, "/name").unwrap_or_default(),
        state,
        url: text(value, "/html_url").or_else(|| text(value, "/details_url")),
    }
}

/// Gitea and Forgejo: the combined status of the commit, whose entries say `status` (older servers `state`).
impl CiStatus for Gitea {
    fn checks(&self, owner: &str, name: &str, sha: &str) -> Result<Vec<CiCheck>, ApiError> {
        let api = &self.rest().api;
        let path = format!(
            "{}/commits/{}/status?limit=50",
            self.repo_path(owner, name),
            encode(sha)
        );
        let reply = api.get(&path)?;
        // A commit the host has never seen has no statuses rather than an error.
        if reply.status == 404 {
            return Ok(Vec::new());
        }
        let combined = api.expect_ok(&reply)?;
        Ok(list(&combined, "statuses")
            .iter()
            .map(|s| {
                let field = if s.get("status").is_some() {
                    "/status"
                } else {
                    "/state"
                };
                status_check(s, "/context", field, "/target_url")
            })
            .collect())
    }
}

/// GitLab: the pipelines run for the sha, newest first; only the newest per ref counts (a retried pipeline
/// replaces the one before it).
impl CiStatus for GitLab {
    fn checks(&self, owner: &str, name: &str, sha: &str) -> Result<Vec<CiCheck>, ApiError> {
        let path = format!(
            "{}/pipelines?sha={}&order_by=id&sort=desc&per_page=100",
            self.repo_path(owner, name),
            encode(sha)
        );
        let pipelines = self.rest().api.get_all(&path)?;
        let mut seen_refs: Vec<String> = Vec::new();
        let mut checks = Vec::new();
        for pipeline in &pipelines {
            let reference = text(pipeline, "/ref").unwrap_or_default();
            if seen_refs.contains(&reference) {
                continue;
            }
            seen_refs.push(reference.clone());
            checks.push(pipeline_check(pipeline, &reference));
        }
        Ok(checks)
    }
}

pub(crate) fn pipeline_check(value: &Value, reference: &str) -> CiCheck {
    let state = match text(value, "/status").as_deref() {
        Some("success" | "skipped") => CiState::Success,
        Some("failed") => CiState::Failure,
        Some("canceled" | "canceling") => CiState::Error,
        Some("running") => CiState::Running,
        // created, waiting_for_resource, preparing, pending, scheduled, manual
        _ => CiState::Pending,
    };
    let id = value
        .get("id")
        .map(|v| v.to_string())
        .unwrap_or_else(|| "?".into());
    CiCheck {
        name: format!("pipeline {id} ({reference})"),
        state,
        url: text(value, "/web_url"),
    }
}

/// Bitbucket: the commit's build statuses, `{"values", "next"}` paged.
impl CiStatus for Bitbucket {
    fn checks(&self, owner: &str, name: &str, sha: &str) -> Result<Vec<CiCheck>, ApiError> {
        let path = format!(
            "{}/commit/{}/statuses?pagelen=100",
            self.repo_path(owner, name),
            encode(sha)
        );
        let statuses = self.rest().api.get_all(&path)?;
        Ok(statuses.iter().map(bitbucket_status).collect())
    }
}

pub(crate) fn bitbucket_status(value: &Value) -> CiCheck {
    let state = match text(value, "/state").as_deref() {
        Some("SUCCESSFUL") => CiState::Success,
        Some("FAILED") => CiState::Failure,
        Some("STOPPED") => CiState::Error,
        _ => CiState::Running,
    };
    CiCheck {
        name: text(value, "/name")
            .or_else(|| text(value, "/key"))
            .unwrap_or_default(),
        state,
        url: text(value, "/url"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_hosts_words_become_one_state() {
        let run = |status: &str, conclusion: Value| {
            check_run(&json!({"name": "build", "status": status, "conclusion": conclusion})).state
        };
        assert_eq!(run("queued", Value::Null), CiState::Pending);
        assert_eq!(run("in_progress", Value::Null), CiState::Running);
        assert_eq!(run("completed", json!("success")), CiState::Success);
        assert_eq!(run("completed", json!("skipped")), CiState::Success);
        assert_eq!(run("completed", json!("timed_out")), CiState::Failure);
        assert_eq!(run("completed", json!("cancelled")), CiState::Error);
        let status = |s: &str| {
            status_check(
                &json!({"context": "ci", "state": s}),
                "/context",
                "/state",
                "/x",
            )
            .state
        };
        assert_eq!(status("pending"), CiState::Pending);
        assert_eq!(status("warning"), CiState::Success);
        assert_eq!(status("error"), CiState::Error);
        let pipeline = |s: &str| pipeline_check(&json!({"id": 7, "status": s}), "main");
        assert_eq!(pipeline("manual").state, CiState::Pending);
        assert_eq!(pipeline("failed").state, CiState::Failure);
        assert_eq!(pipeline("canceled").state, CiState::Error);
        assert_eq!(pipeline("running").name, "pipeline 7 (main)");
        let bb = |s: &str| bitbucket_status(&json!({"key": "k", "state": s})).state;
        assert_eq!(bb("INPROGRESS"), CiState::Running);
        assert_eq!(bb("STOPPED"), CiState::Error);
        assert_eq!(bb("SUCCESSFUL"), CiState::Success);
    }

    #[test]
    fn the_worst_check_decides() {
        use CiState::{Error, Failure, Pending, Running, Success};
        assert_eq!(CiState::combine([]), CiState::None);
        assert_eq!(CiState::combine([Success, Success]), Success);
        assert_eq!(CiState::combine([Success, Pending]), Pending);
        assert_eq!(CiState::combine([Pending, Running, Success]), Running);
        assert_eq!(CiState::combine([Running, Error]), Error);
        assert_eq!(CiState::combine([Error, Failure, Running]), Failure);
        assert!(!Running.is_final() && !Pending.is_final());
        assert!(CiState::None.is_final() && Failure.is_final());
    }
}
