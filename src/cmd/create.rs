//! `git multi create [<name>]`: create the repository on every host of the set at once. A repository that is
//! already there is adopted after checking it can be read and pushed to, the host's clone URL becomes the
//! remote's URL, and running the command again finishes whatever a previous run left undone.

use std::time::Instant;

use clap::Args;
use serde::Serialize;

use crate::cmd::common::ParallelArgs;
use crate::config;
use crate::config::member;
use crate::error::{Error, Exit, Result};
use crate::model::{Outcome, Report, Status};
use crate::provider::{self, ApiError, Created, NewRepo, Provider, RepoInfo};
use crate::remote_set::Member;
use crate::report;
use crate::report::Detail;
use crate::runner::Job;
use crate::session::{Session, Watch};

/// Create the repository on every host of the set (or adopt it where it already exists)
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Repository name on the hosts, `<owner>/<name>` to create it under an organisation or group (default:
    /// each remote's `multi.<remote>.owner`/`repo`, else your account and the directory name)
    #[arg(value_name = "[OWNER/]NAME")]
    pub name: Option<String>,
    /// Create it under this organisation (GitHub, Gitea, Forgejo, Gogs), group (GitLab; `group/subgroup` too) or
    /// workspace (Bitbucket) instead of your own account
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Create private repositories (the default)
    #[arg(long, conflicts_with = "public")]
    pub private: bool,
    /// Create public repositories
    #[arg(long)]
    pub public: bool,
    /// Short description shown by the hosts
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// Only these remotes (repeatable; default: every enabled member with a host API)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

#[derive(Debug, Default, Serialize)]
pub struct CreateDetail {
    provider: String,
    /// `true` when this run created it, `false` when an existing repository was adopted.
    created: Option<bool>,
    /// The remote's URL afterwards.
    url: Option<String>,
    web_url: Option<String>,
    default_branch: Option<String>,
    /// Something worth knowing that did not make the remote fail.
    note: Option<String>,
    /// What to write to .git/config once every host is done.
    #[serde(skip)]
    write: Option<Write>,
}

impl Detail for CreateDetail {
    fn human(&self) -> String {
        let mut text = match self.created {
            Some(true) => format!("created {}", self.url.as_deref().unwrap_or("")),
            Some(false) => format!(
                "already there, adopted {}",
                self.url.as_deref().unwrap_or("")
            ),
            None => String::new(),
        };
        if let Some(note) = &self.note {
            text.push_str(&format!(" ({note})"));
        }
        text.trim().to_string()
    }
}

impl crate::audit::Audited for CreateDetail {
    fn changed_refs(&self) -> Vec<crate::model::log::RefEntry> {
        Vec::new()
    }

    /// A repository made on the host is a change; adopting one that was there is not (its URL change, if
    /// any, is logged as a change of the set).
    fn changed(&self) -> bool {
        self.created == Some(true)
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
struct Target {
    owner: Option<String>,
    name: Option<String>,
}

/// `owner/name` (the last `/` splits: a GitLab subgroup is `group/sub/name`) or `--org`; a name never holds a
/// slash, and naming two different owners is a usage error.
fn target(args: &CreateArgs) -> Result<Target> {
    let (owner, name) = match args.name.as_deref().map(|n| n.rsplit_once('/')) {
        Some(Some((owner, name))) => (Some(owner.to_string()), Some(name.to_string())),
        _ => (None, args.name.clone()),
    };
    let bad = |what: &str, value: &str| {
        Error::usage(format!("`{value}` is not a valid {what}"))
            .hint("give `git multi create <name>`, `git multi create <owner>/<name>` or `git multi create --org <org> <name>`")
    };
    if let Some(name) = &name {
        let fine = !name.is_empty()
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || "-_.".contains(c));
        if !fine {
            return Err(bad("repository name", name));
        }
    }
    for owner in owner.iter().chain(&args.org) {
        let fine = !owner.is_empty()
            && owner.split('/').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_alphanumeric() || "-_.".contains(c))
            });
        if !fine {
            return Err(bad("owner", owner));
        }
    }
    let owner = match (owner, &args.org) {
        (Some(a), Some(b)) if a != *b => {
            return Err(Error::usage(format!(
                "two owners named: `{a}` (in `{a}/…`) and `--org {b}`"
            ))
            .hint("name the owner once"))
        }
        (Some(a), _) => Some(a),
        (None, org) => org.clone(),
    };
    Ok(Target { owner, name })
}

pub fn run(ctx: &Session, args: &CreateArgs) -> Result<Exit> {
    let target = target(args)?;
    let set = ctx.remote_set()?;
    let members = set.select(&args.on)?;
    let fallback_name = match &target.name {
        Some(name) => name.clone(),
        None => ctx
            .git
            .toplevel()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .ok_or_else(|| {
                Error::usage("cannot tell the repository name")
                    .hint("give it: `git multi create <name>`")
            })?,
    };
    let branch = ctx.git.current_branch().ok().flatten();
    let fanout = ctx.fan_out(
        &set,
        args.parallel.get(),
        &members,
        config::DEFAULT_API_TIMEOUT,
        Watch::Live,
    );
    let results = fanout.run(&members, |job| {
        create_one(ctx, job, args, &target, &fallback_name, branch.as_deref())
    });
    fanout.finish();

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
    let report = Report::new(outcomes);
    crate::audit::Record::new("create")
        .outcomes(&report)
        .set_since(&ctx.git, &set)
        .write(&ctx.git);
    report::show(&report, args.json);
    Ok(report.api_exit())
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

fn create_one(
    ctx: &Session,
    job: &Job,
    args: &CreateArgs,
    target: &Target,
    fallback_name: &str,
    branch: Option<&str>,
) -> Outcome<CreateDetail> {
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
        private: !args.public,
        description: args.description.clone(),
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
    let info: RepoInfo = match info {
        Some(info) => info,
        None => {
            job.say("checking the repository");
            match host.api.repositories().repo(&owner, &name) {
                Ok(Some(info)) => info,
                Ok(None) => {
                    let why = format!("{}: the host says {owner}/{name} exists but it cannot be read with this token", host.api.host());
                    return Outcome::failed(&m.name, why, started.elapsed(), detail).with_hint(
                        "check the token's access to that owner (`git multi auth status`)",
                    );
                }
                Err(err) => return fail(&err, detail),
            }
        }
    };
    if !created && info.can_push == Some(false) {
        let why = format!(
            "{owner}/{name} already exists on {} and this token may not push to it",
            host.api.host()
        );
        return Outcome::failed(&m.name, why, started.elapsed(), detail)
            .with_hint("pick another name, or ask the owner for write access");
    }
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
    detail.write = Some(Write {
        remote: m.name.clone(),
        url: url.filter(|u| m.url.as_deref() != Some(u.as_str())),
        owner: (m.owner.as_deref() != Some(owner.as_str())).then(|| owner.clone()),
        repo: (m.repo.as_deref() != Some(name.as_str())).then(|| name.clone()),
    });
    let status = if created {
        Status::Ok
    } else {
        Status::UpToDate
    };
    Outcome::new(&m.name, status, started.elapsed(), detail)
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
