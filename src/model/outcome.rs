//! Per-remote results as data: every command that touches remotes produces one [`Outcome`] per remote.

use std::time::Duration;

use serde::Serialize;

use crate::error::Exit;
use crate::git::{self, FailureKind, GitError};
use crate::redact::redact;

/// What happened on one remote (the `status` field of the JSON contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Ok,
    UpToDate,
    Rejected,
    Failed,
    Timeout,
    Skipped,
    DryRun,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::UpToDate => "up-to-date",
            Status::Rejected => "rejected",
            Status::Failed => "failed",
            Status::Timeout => "timeout",
            Status::Skipped => "skipped",
            Status::DryRun => "dry-run",
        }
    }

    pub fn is_failure(self) -> bool {
        matches!(self, Status::Rejected | Status::Failed | Status::Timeout)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome<D> {
    pub name: String,
    pub status: Status,
    pub error: Option<String>,
    pub duration_ms: u64,
    /// Why it failed, when git's message told us.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<FailureKind>,
    #[serde(skip)]
    pub hint: Option<String>,
    #[serde(flatten)]
    pub detail: D,
}

impl<D> Outcome<D> {
    pub fn new(name: &str, status: Status, elapsed: Duration, detail: D) -> Self {
        Outcome {
            name: name.to_string(),
            status,
            error: None,
            duration_ms: elapsed.as_millis().try_into().unwrap_or(u64::MAX),
            reason: None,
            hint: None,
            detail,
        }
    }

    pub fn failed(name: &str, message: impl Into<String>, elapsed: Duration, detail: D) -> Self {
        let mut outcome = Outcome::new(name, Status::Failed, elapsed, detail);
        outcome.error = Some(redact(&message.into()).into_owned());
        outcome
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Turns a git failure into data: timeout (reported with the remote's whole time budget), interrupted, or
    /// failed with the reason git gave.
    pub fn from_git_error(
        name: &str,
        err: &GitError,
        budget: Duration,
        elapsed: Duration,
        detail: D,
    ) -> Self {
        match err {
            GitError::TimedOut { .. } => {
                let mut outcome = Outcome::new(name, Status::Timeout, elapsed, detail);
                outcome.error = Some(format!(
                    "no answer within {}; stopped",
                    crate::clock::span(budget)
                ));
                outcome
            }
            GitError::Interrupted { .. } => Outcome::failed(name, "interrupted", elapsed, detail),
            GitError::Failed { stderr, .. } => {
                let kind = git::classify(stderr);
                let summary = git::failure_summary(stderr);
                let message = if summary.is_empty() {
                    err.to_string()
                } else {
                    summary
                };
                let mut outcome = Outcome::failed(name, message, elapsed, detail);
                outcome.reason = Some(kind);
                outcome
            }
            other => Outcome::failed(name, other.to_string(), elapsed, detail),
        }
    }
}

impl<D: Default> Outcome<D> {
    /// The outcome for a member whose git remote does not exist (a `[multi "<name>"]` section left behind):
    /// git would only say the name is not a repository.
    pub fn missing_remote(name: &str) -> Self {
        Outcome::failed(
            name,
            format!("no git remote `{name}`: .git/config has a [multi \"{name}\"] section but no [remote \"{name}\"]"),
            Duration::ZERO,
            D::default(),
        )
        .with_hint(format!(
            "give it a URL with `git remote add {q_name} <url>`, or drop it with `git multi remote remove {q_name}`", q_name = crate::quote::word(name)))
    }
}

impl<D> Outcome<D> {
    /// Turns a host API failure into data, with the API's own hint (`git multi auth login …` for tokens).
    pub fn from_api_error(
        name: &str,
        err: &crate::provider::ApiError,
        elapsed: Duration,
        detail: D,
    ) -> Self {
        use crate::provider::ApiError;
        // A host that did not answer within the remote's budget is a timeout, as git's would be.
        if let ApiError::Timeout { .. } = err {
            let mut outcome = Outcome::new(name, Status::Timeout, elapsed, detail);
            outcome.error = Some(err.to_string());
            return outcome;
        }
        let mut outcome = Outcome::failed(name, err.to_string(), elapsed, detail);
        outcome.reason = Some(match err {
            ApiError::Auth { missing: true, .. } => FailureKind::AuthRequired,
            ApiError::Auth { .. } => FailureKind::AuthFailed,
            ApiError::Forbidden { .. } => FailureKind::Forbidden,
            ApiError::NotFound { .. } => FailureKind::NotFound,
            ApiError::RateLimited { .. } => FailureKind::ServerError,
            ApiError::Network { .. } => FailureKind::Unreachable,
            ApiError::Other { status, .. } if *status >= 500 => FailureKind::ServerError,
            _ => FailureKind::Other,
        });
        outcome.hint = err.hint();
        outcome
    }

    /// An API failure caused by a missing or rejected token.
    pub fn is_auth_failure(&self) -> bool {
        matches!(
            self.reason,
            Some(FailureKind::AuthRequired | FailureKind::AuthFailed)
        ) && self.status.is_failure()
    }
}

/// All outcomes of one command, in the configured order of the remotes.
#[derive(Debug, Serialize)]
pub struct Report<D> {
    pub ok: bool,
    pub remotes: Vec<Outcome<D>>,
    /// Whether failures caused only by missing or rejected credentials make the run exit 4 rather than 1
    /// (design §3: "4 authentication required/failed", for git transports and host APIs alike).
    #[serde(skip)]
    pub auth_exit: bool,
}

impl<D> Report<D> {
    pub fn new(remotes: Vec<Outcome<D>>) -> Self {
        Report {
            ok: remotes.iter().all(|o| !o.status.is_failure()) && !all_skipped(&remotes),
            remotes,
            auth_exit: true,
        }
    }

    /// [`Report::exit`]: kept for the host API commands' readers.
    pub fn api_exit(&self) -> Exit {
        self.exit()
    }

    /// Every remote was skipped: the command did nothing anywhere.
    pub fn nothing_done(&self) -> bool {
        all_skipped(&self.remotes)
    }

    /// The exit code this report stands for (see [`crate::error::exit_code`]).
    pub fn exit(&self) -> Exit {
        crate::error::exit_code(self.facts())
    }

    /// What [`Report::exit`] decides from, for commands that add facts of their own (`--exit-code`).
    pub fn facts(&self) -> crate::error::ExitFacts {
        let failures: Vec<&Outcome<D>> = self
            .remotes
            .iter()
            .filter(|o| o.status.is_failure())
            .collect();
        crate::error::ExitFacts {
            interrupted: crate::interrupt::requested(),
            failed: failures.len(),
            failed_on_auth: failures.iter().filter(|o| o.is_auth_failure()).count(),
            auth_exit: self.auth_exit,
            nothing_done: self.nothing_done(),
            out_of_sync: false,
        }
    }
}

fn all_skipped<D>(remotes: &[Outcome<D>]) -> bool {
    !remotes.is_empty() && remotes.iter().all(|o| o.status == Status::Skipped)
}

/// What to do about a remote whose repository is not there: create it where it lives (a local path with
/// `git init --bare`, a hosting service with `git multi create`), or point the remote elsewhere.
pub fn not_found_hint(member: &crate::remote_set::Member) -> String {
    let name = crate::quote::word(&member.name);
    let set_url = format!("or fix the URL with `git multi remote set-url {name} <url>`");
    let parsed = member
        .url
        .as_deref()
        .and_then(|u| crate::url::parse(u, |_| true).ok());
    match parsed {
        Some(url)
            if matches!(
                url.transport,
                crate::url::Transport::Local | crate::url::Transport::File
            ) =>
        {
            format!(
                "create it with `git init --bare {}`, {set_url}",
                crate::quote::word(&url.path)
            )
        }
        _ if member.provider().0.has_api() => {
            format!("create it on the host with `git multi create --on {name}`, {set_url}")
        }
        _ => format!("create the repository on its server, {set_url}"),
    }
}
