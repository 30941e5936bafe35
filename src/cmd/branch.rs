//! `git multi branch protect <branch>`: the same protection rule on every host that has an API for it; hosts
//! without one (Gogs) are reported as skipped, with the provider's reason.

use std::time::Instant;

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::cmd::common::{self, HostSelection};
use crate::cmd::hosted::{self, HostedRepo};
use crate::error::{Exit, Result};
use crate::model::{Outcome, Report, Status};
use crate::provider::{Capability, ProtectionRule};
use crate::report;
use crate::report::Detail;
use crate::runner::Job;
use crate::session::Session;

/// Repository settings for branches, on every host
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum BranchCommand {
    Protect(ProtectArgs),
}

/// Protect a branch on every host that supports it
#[derive(Debug, Args)]
#[command(mut_args(common::on_help(
    "Only these remotes (repeatable; default: every enabled member with a host API)"
)))]
pub struct ProtectArgs {
    /// The branch to protect
    pub branch: String,
    /// Changes must come through a reviewed pull/merge request
    #[arg(long)]
    pub require_review: bool,
    /// Approvals needed with --require-review (default 1)
    #[arg(long, value_name = "N", requires = "require_review")]
    pub min_approvals: Option<u32>,
    /// Refuse force pushes to the branch
    #[arg(long)]
    pub no_force_push: bool,
    /// Say what would be set, change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub hosts: HostSelection,
}

#[derive(Debug, Default, Serialize)]
pub struct ProtectDetail {
    provider: String,
    branch: String,
    #[serde(skip)]
    summary: String,
}

impl Detail for ProtectDetail {
    fn human(&self) -> String {
        self.summary.clone()
    }
}

pub fn run(ctx: &Session, command: &BranchCommand) -> Result<Exit> {
    let BranchCommand::Protect(args) = command;
    let rule = ProtectionRule {
        branch: args.branch.clone(),
        require_review: args.require_review,
        min_approvals: args.min_approvals.unwrap_or(1),
        no_force_push: args.no_force_push,
    };
    let outcomes = hosted::each(ctx, &args.hosts.on, &args.hosts.parallel, |job| {
        protect(ctx, job, &rule, args.dry_run)
    })?;
    let report = Report::new(outcomes);
    report::show(&report, args.hosts.json);
    Ok(report.api_exit())
}

fn describe(rule: &ProtectionRule) -> String {
    let mut parts = vec![format!("protect {}", rule.branch)];
    if rule.require_review {
        parts.push(format!("{} approval(s) required", rule.min_approvals));
    }
    if rule.no_force_push {
        parts.push("no force push".into());
    }
    parts.join(", ")
}

fn protect(
    ctx: &Session,
    job: &Job,
    rule: &ProtectionRule,
    dry_run: bool,
) -> Outcome<ProtectDetail> {
    let m = job.member;
    let started = Instant::now();
    let mut detail = ProtectDetail {
        provider: m.provider().0.to_string(),
        branch: rule.branch.clone(),
        summary: describe(rule),
    };
    let hosted = match hosted::locate(ctx, job) {
        Ok(hosted) => hosted,
        Err(why) => return why.outcome(m, started, detail),
    };
    let HostedRepo { host, owner, repo } = &hosted;
    let Some(api) = host.api.protection() else {
        detail.summary = host.api.lacks(Capability::Protection).to_string();
        return Outcome::new(&m.name, Status::Skipped, started.elapsed(), detail);
    };
    if dry_run {
        detail.summary = format!("would {} on {owner}/{repo}", describe(rule));
        return Outcome::new(&m.name, Status::DryRun, started.elapsed(), detail);
    }
    if let Err(why) = hosted.require_token() {
        return why.outcome(m, started, detail);
    }
    job.say("protecting");
    match api.protect_branch(owner, repo, rule) {
        Ok(()) => Outcome::new(&m.name, Status::Ok, started.elapsed(), detail),
        Err(err) if err.is_unsupported() => {
            detail.summary = err.to_string();
            Outcome::new(&m.name, Status::Skipped, started.elapsed(), detail)
        }
        Err(err) => Outcome::from_api_error(&m.name, &err, started.elapsed(), detail),
    }
}
