//! Creating one repository on one member's host, or adopting the one there after checking it can be read and
//! pushed to, then its default branch, topics and homepage; the config changes wait until every host is done.

use std::time::Instant;

use serde::Serialize;

use crate::config::member;
use crate::error::Result;
use crate::model::repo_meta::{EditDetail, MetaChange};
use crate::model::{Outcome, Status};
use crate::provider::{self, ApiError, Created, NewRepo, Provider, RepoInfo};
use crate::remote_set::Member;
use crate::runner::Job;
use crate::session::Session;

#[derive(Debug, Default, Serialize)]
pub struct CreateDetail {
    pub provider: String,
    /// `true` when this run created it, `false` when an existing repository was adopted.
    pub created: Option<bool>,
    /// The remote's URL afterwards.
    pub url: Option<String>,
    pub web_url: Option<String>,
    pub default_branch: Option<String>,
    /// Settings `--topics`/`--homepage` changed on the host (`repo edit`'s names).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<&'static str>,
    /// Something worth knowing that did not make the remote fail.
    pub note: Option<String>,
    /// What to write to .git/config once every host is done.
    #[serde(skip)]
    write: Option<Write>,
}

impl crate::audit::Audited for CreateDetail {
    fn changed_refs(&self) -> Vec<crate::model::log::RefEntry> {
        Vec::new()
    }

    /// A repository made on the host is a change, and so are settings changed; adopting one that was there is not (its URL change, if
    /// any, is logged as a change of the set).
    fn changed(&self) -> bool {
        self.created == Some(true) || !self.settings.is_empty()
    }
}

/// A config change to make after the parallel part: writes to .git/config must not race for its lock.
#[derive(Debug)]
struct Write {
    remote: String,
    url: Option<String>,
    owner: Option<String>,
    repo: Option<String>,
}

/// Where the repository goes, from the command line: an owner (organisation, group, workspace) when one was
/// named, and the name.
pub struct Target {
    pub owner: Option<String>,
    pub name: Option<String>,
}

/// What `create` asks of every host.
pub struct Request {
    pub target: Target,
    /// The name when neither the command line nor the member's config gives one.
    pub fallback_name: String,
    /// The branch to make the default.
    pub branch: Option<String>,
    pub private: bool,
    pub description: Option<String>,
    /// `--topics`/`--homepage`.
    pub wanted: MetaChange,
}

/// Writes each ready repository's URL, owner and name to .git/config, one remote after another (writes must
/// not race for the config's lock); a remote whose write fails fails.
pub fn write_config(
    ctx: &Session,
    results: Vec<Outcome<CreateDetail>>,
) -> Vec<Outcome<CreateDetail>> {
    let mut outcomes = Vec::new();
    for mut outcome in results {
        if let Some(write) = outcome.detail.write.take() {
            if let Err(err) = apply(ctx, &write) {
                outcome = Outcome::failed(
                    &outcome.name,
                    format!("the repository is ready but updating .git/config failed: {err}"),
                    std::time::Duration::from_millis(outcome.duration_ms),
                    outcome.detail,
                );
            }
        }
        outcomes.push(outcome);
    }
    outcomes
}

fn apply(ctx: &Session, write: &Write) -> Result<()> {
    if let Some(url) = &write.url {
        ctx.git.remote_set_url(&write.remote, url)?;
    }
    if let Some(owner) = &write.owner {
        ctx.git
            .config_set(&member::key(&write.remote, member::OWNER), owner)?;
    }
    if let Some(repo) = &write.repo {
        ctx.git
            .config_set(&member::key(&write.remote, member::REPO), repo)?;
    }
    Ok(())
}

/// Creates (or adopts) the repository on the job's member's host and sets what was asked; the config change
/// it needs is kept in the detail for [`write_config`].
pub fn create_one(ctx: &Session, job: &Job, request: &Request) -> Outcome<CreateDetail> {
    let Request {
        target,
        fallback_name,
        branch,
        wanted,
        ..
    } = request;
    let branch = branch.as_deref();
    let m = job.member;
    let started = Instant::now();
    let mut detail = CreateDetail {
        provider: m.provider().0.to_string(),
        ..CreateDetail::default()
    };
    let host = match provider::for_member(&ctx.git, m, job.deadline) {
        Ok(host) => host,
        Err(why) => {
            let mut outcome = Outcome::new(&m.name, Status::Skipped, started.elapsed(), detail);
            outcome.error = Some(why);
            return outcome.with_hint(format!(
                "set the provider with `git config multi.{}.provider <kind>`",
                m.name
            ));
        }
    };
    let fail =
        |err: &ApiError, detail| Outcome::from_api_error(&m.name, err, started.elapsed(), detail);
    if let Err(err) = host.require_token() {
        return fail(&err, detail);
    }
    job.say("checking token");
    let me = match host.api.repositories().whoami() {
        Ok(me) => me,
        Err(err) => return fail(&err, detail),
    };
    let name = target
        .name
        .clone()
        .or_else(|| host.repo.clone())
        .unwrap_or_else(|| fallback_name.to_string());
    let owner = target
        .owner
        .clone()
        .or_else(|| host.owner.clone())
        .unwrap_or_else(|| me.login.clone());
    let new = NewRepo {
        owner: Some(owner.clone()),
        name: name.clone(),
        private: request.private,
        description: request.description.clone(),
        default_branch: branch.map(str::to_string),
        project: m.project.clone(),
    };
    job.say("creating");
    let (created, info) = match host.api.repositories().create_repo(&new, &me.login) {
        Ok(Created::New(info)) if info.https_url.is_some() || info.ssh_url.is_some() => {
            (true, Some(info))
        }
        Ok(Created::New(_)) => (true, None),
        Ok(Created::AlreadyExists) => (false, None),
        Err(err) => return fail(&err, detail),
    };
    // Adopting: make sure the repository really is there and reachable with this token.
    let info = match info {
        Some(info) => Ok(info),
        None => adopted(job, host.api.as_ref(), (&owner, &name), created),
    };
    let info = match info {
        Ok(info) => info,
        Err(Refusal::Api(err)) => return fail(&err, detail),
        Err(Refusal::Said(why, hint)) => {
            return Outcome::failed(&m.name, why, started.elapsed(), detail).with_hint(hint)
        }
    };
    detail.created = Some(created);
    detail.web_url = info.web_url.clone();
    detail.default_branch = info.default_branch.clone();

    let url = clone_url(m, &info);
    detail.url = url.clone().or_else(|| m.url.clone());

    if let Some(branch) = branch {
        if info.default_branch.as_deref() != Some(branch) {
            job.say("setting the default branch");
            default_branch(
                host.api.as_ref(),
                (&owner, &name),
                branch,
                &info,
                &mut detail,
            );
        }
    }
    let settings_failed = if wanted.is_empty() {
        None
    } else {
        job.say("setting topics and homepage");
        settings(host.api.as_ref(), (&owner, &name), wanted, &mut detail).err()
    };
    detail.write = Some(Write {
        remote: m.name.clone(),
        url: url.filter(|u| m.url.as_deref() != Some(u.as_str())),
        owner: (m.owner.as_deref() != Some(owner.as_str())).then(|| owner.clone()),
        repo: (m.repo.as_deref() != Some(name.as_str())).then(|| name.clone()),
    });
    if let Some(err) = settings_failed {
        let why = format!("the repository is ready but setting its topics/homepage failed: {err}");
        return Outcome::failed(&m.name, why, started.elapsed(), detail)
            .with_hint("run the same command again to finish");
    }
    let status = if created || !detail.settings.is_empty() {
        Status::Ok
    } else {
        Status::UpToDate
    };
    Outcome::new(&m.name, status, started.elapsed(), detail)
}

/// Why a repository the host says exists cannot be adopted.
enum Refusal {
    Api(ApiError),
    /// What is wrong, and what to do.
    Said(String, &'static str),
}

/// The repository the host said exists, read back: it must be readable, and pushable with this token unless
/// this run `created` it.
fn adopted(
    job: &Job,
    api: &dyn Provider,
    (owner, name): (&str, &str),
    created: bool,
) -> std::result::Result<RepoInfo, Refusal> {
    job.say("checking the repository");
    let info = match api.repositories().repo(owner, name) {
        Ok(Some(info)) => info,
        Ok(None) => {
            let why = format!(
                "{}: the host says {owner}/{name} exists but it cannot be read with this token",
                api.host()
            );
            let hint = "check the token's access to that owner (`git multi auth status`)";
            return Err(Refusal::Said(why, hint));
        }
        Err(err) => return Err(Refusal::Api(err)),
    };
    if !created && info.can_push == Some(false) {
        let why = format!(
            "{owner}/{name} already exists on {} and this token may not push to it",
            api.host()
        );
        let hint = "pick another name, or ask the owner for write access";
        return Err(Refusal::Said(why, hint));
    }
    Ok(info)
}

/// Sets `--topics`/`--homepage` where the host keeps them (read first, only what differs); what a host has no
/// place for is a note.
fn settings(
    api: &dyn Provider,
    (owner, name): (&str, &str),
    wanted: &MetaChange,
    detail: &mut CreateDetail,
) -> std::result::Result<(), ApiError> {
    let Some(api) = api.metadata() else {
        detail.note = Some(format!(
            "{} has no API for topics or homepage",
            detail.provider
        ));
        return Ok(());
    };
    let mut edit = EditDetail::default();
    crate::ops::repo::converge(api, owner, name, wanted, &mut edit)?;
    detail.settings = edit.changed;
    if !edit.unsupported.is_empty() {
        detail.note = Some(format!(
            "{} has no {}",
            detail.provider,
            edit.unsupported.join(" or ")
        ));
    }
    Ok(())
}

/// Makes `branch` the repository's default where the host has an API for it; what could not be done is a note,
/// not a failure. On a fresh empty repository most hosts refuse a default branch that does not exist yet: the
/// next run after the first push sets it.
fn default_branch(
    api: &dyn Provider,
    (owner, name): (&str, &str),
    branch: &str,
    info: &RepoInfo,
    detail: &mut CreateDetail,
) {
    match api
        .default_branch()
        .map(|api| api.set_default_branch(owner, name, branch))
    {
        Some(Ok(())) => detail.default_branch = Some(branch.to_string()),
        None => detail.note = Some(format!("{} cannot set the default branch", detail.provider)),
        Some(Err(_)) => {
            detail.note = Some(format!(
                "default branch stays {}; run again after the first push",
                info.default_branch.as_deref().unwrap_or("unset")
            ))
        }
    }
}

/// The host's clone URL in the member's transport: ssh stays ssh, everything else gets the https URL.
fn clone_url(m: &Member, info: &RepoInfo) -> Option<String> {
    let wants_ssh = m
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("ssh://") || (u.contains('@') && !u.contains("://")));
    if wants_ssh {
        info.ssh_url.clone().or(info.https_url.clone())
    } else {
        info.https_url.clone().or(info.ssh_url.clone())
    }
}
