//! A member's repository reached through its host API, or the reason it cannot be, turned into that
//! member's outcome: what the repository-settings commands and operations (`release`, `repo`, `webhook`,
//! `branch protect`) start from.

use std::time::Instant;

use crate::model::{Outcome, Status};
use crate::provider::{self, ApiError, MemberApi};
use crate::remote_set::Member;
use crate::runner::Job;
use crate::session::Session;

/// A member's repository on its host: the API client and the repository's owner and name.
pub struct HostedRepo {
    pub host: MemberApi,
    pub owner: String,
    pub repo: String,
}

/// Why a member's repository cannot be worked on through an API; each variant names what is missing.
pub enum Unavailable {
    /// None for this provider (sourcehut, generic): not a failure of the host.
    Api(String),
    /// The URL does not say `<owner>/<repo>` and the config does not either.
    Repository,
    /// The host needs a token and none was found.
    Token(ApiError),
}

impl Unavailable {
    /// The outcome that reports this for `member`.
    pub fn outcome<D>(self, member: &Member, started: Instant, detail: D) -> Outcome<D> {
        let elapsed = started.elapsed();
        match self {
            Unavailable::Api(why) => {
                let mut outcome = Outcome::new(&member.name, Status::Skipped, elapsed, detail);
                outcome.error = Some(why);
                outcome
            }
            Unavailable::Repository => Outcome::failed(
                &member.name,
                "cannot tell the repository's owner and name",
                elapsed,
                detail,
            )
            .with_hint(format!(
                "set them with `git config multi.{0}.owner <owner>` and `git config multi.{0}.repo <name>`",
                member.name
            )),
            Unavailable::Token(err) => Outcome::from_api_error(&member.name, &err, elapsed, detail),
        }
    }
}

/// Connects the job's member to its host API (its requests spending from the job's deadline) and works out
/// which repository it stands for.
pub fn locate(ctx: &Session, job: &Job) -> Result<HostedRepo, Unavailable> {
    let host =
        provider::for_member(&ctx.git, job.member, job.deadline).map_err(Unavailable::Api)?;
    let (Some(owner), Some(repo)) = (host.owner.clone(), host.repo.clone()) else {
        return Err(Unavailable::Repository);
    };
    Ok(HostedRepo { host, owner, repo })
}

impl HostedRepo {
    /// See [`MemberApi::require_token`].
    pub fn require_token(&self) -> Result<(), Unavailable> {
        self.host.require_token().map_err(Unavailable::Token)
    }
}
