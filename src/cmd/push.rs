//! `git multi push`: push branches (and tags) to every remote of the set in parallel, one Outcome per remote.

use std::time::{Duration, Instant};

use clap::Args;
use serde::Serialize;

use crate::cmd::common::ParallelArgs;
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Error, Exit, Result};
use crate::git::{remote_messages, GitError, ProgressSink, PushOptions, PushedRef, RefStatus};
use crate::outcome::{Detail, Outcome, Report, Status};
use crate::progress::Board;
use crate::remote_set::Member;
use crate::report;
use crate::runner::{self, Pool};

/// Push to every remote of the set at once
#[derive(Debug, Args)]
pub struct PushArgs {
    /// Remotes to push to (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Branch to push to the branch of the same name (repeatable; default: the current branch)
    #[arg(short, long = "branch", value_name = "BRANCH")]
    pub branches: Vec<String>,
    /// Push every local branch
    #[arg(long, conflicts_with = "branches")]
    pub all: bool,
    /// Push every tag as well
    #[arg(long)]
    pub tags: bool,
    /// Do everything except send the updates
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Overwrite the remote branches even when that loses commits (old tips are saved under refs/multi/backup/)
    #[arg(short, long, conflicts_with = "force_with_lease")]
    pub force: bool,
    /// Overwrite only where each remote still has what its tracking ref (refs/remotes/<remote>/…) says
    #[arg(long)]
    pub force_with_lease: bool,
    /// All refs of a remote are updated, or none (per remote)
    #[arg(long)]
    pub atomic: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

/// One ref of a push, for the JSON contract and the summary.
#[derive(Debug, Clone, Serialize)]
pub struct RefUpdate {
    #[serde(rename = "ref")]
    pub name: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub status: RefStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct PushDetail {
    pub refs: Vec<RefUpdate>,
    /// How many times a transient failure was retried.
    #[serde(skip_serializing_if = "is_zero")]
    pub retries: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Detail for PushDetail {
    fn human(&self) -> String {
        let shown: Vec<String> = self
            .refs
            .iter()
            // Rejections are explained by the outcome's error; up-to-date refs are noise beside real updates.
            .filter(|r| r.status != RefStatus::Rejected)
            .filter(|r| r.status != RefStatus::UpToDate || self.refs.len() == 1)
            .map(|r| {
                let short = r
                    .name
                    .strip_prefix("refs/heads/")
                    .or_else(|| r.name.strip_prefix("refs/"))
                    .unwrap_or(&r.name);
                let what = match r.status {
                    RefStatus::Updated | RefStatus::Forced => {
                        let arrow = if r.status == RefStatus::Forced {
                            "..."
                        } else {
                            ".."
                        };
                        format!(
                            "{}{arrow}{}",
                            abbrev(r.old.as_deref()),
                            abbrev(r.new.as_deref())
                        )
                    }
                    RefStatus::New => "new".to_string(),
                    RefStatus::Deleted => "deleted".to_string(),
                    RefStatus::UpToDate => "up to date".to_string(),
                    RefStatus::Rejected => "rejected".to_string(),
                };
                format!("{short} {what}")
            })
            .collect();
        shown.join(", ")
    }
}

fn abbrev(oid: Option<&str>) -> &str {
    oid.map(|o| &o[..o.len().min(7)]).unwrap_or("?")
}

/// A branch to push: its full local ref and the object it points at now.
#[derive(Debug, Clone)]
pub struct LocalBranch {
    pub name: String,
    pub oid: String,
}

pub fn run(ctx: &Ctx, args: &PushArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let timeout = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let branches = branches_to_push(ctx, &args.branches, args.all)?;
    let flags = PushFlags {
        dry_run: args.dry_run,
        force: args.force,
        force_with_lease: args.force_with_lease,
        atomic: args.atomic,
        tags: args.tags,
    };
    let plan = Plan {
        branches,
        flags,
        timeout,
    };
    let pool = Pool::new(&set.settings, args.parallel.jobs, members.len());
    let board = Board::for_terminal(members.iter().map(|m| m.name.clone()), args.json);
    let outcomes = board.run(&pool, &members, |m| push_one(ctx, m, &plan, &board));
    Ok(report::finish(&Report::new(outcomes), args.json))
}

/// `--branch` names, every branch with `--all`, else the current branch; each must exist locally.
pub fn branches_to_push(ctx: &Ctx, names: &[String], all: bool) -> Result<Vec<LocalBranch>> {
    if all {
        let refs = ctx.git.refs(&["refs/heads/"])?;
        if refs.is_empty() {
            return Err(Error::usage("there are no local branches to push")
                .hint("make a first commit, then push"));
        }
        return Ok(refs
            .into_iter()
            .map(|(name, oid)| LocalBranch { name, oid })
            .collect());
    }
    let names: Vec<String> = if names.is_empty() {
        match ctx.git.current_branch()? {
            Some(branch) => vec![branch],
            None => {
                return Err(
                    Error::usage("HEAD is detached, so there is no current branch to push").hint(
                        "name the branch with `--branch <name>`, or push every branch with `--all`",
                    ),
                )
            }
        }
    } else {
        names.to_vec()
    };
    let mut branches = Vec::new();
    for name in names {
        let full = if name.starts_with("refs/heads/") {
            name.clone()
        } else {
            format!("refs/heads/{name}")
        };
        match ctx.git.rev_parse(&full)? {
            Some(oid) => branches.push(LocalBranch { name: full, oid }),
            None => {
                return Err(Error::usage(format!("no local branch `{name}`"))
                    .hint("`git branch` lists the branches you can push"))
            }
        }
    }
    Ok(branches)
}

/// How to push, independent of where the choice came from (`push` flags, or `sync`).
#[derive(Debug, Clone, Copy, Default)]
pub struct PushFlags {
    pub dry_run: bool,
    pub force: bool,
    pub force_with_lease: bool,
    pub atomic: bool,
    pub tags: bool,
}

/// The same push for every remote; only leases and backups differ per remote.
pub struct Plan {
    pub branches: Vec<LocalBranch>,
    pub flags: PushFlags,
    pub timeout: Duration,
}

fn tracking_ref(remote: &str, branch: &str) -> String {
    format!(
        "refs/remotes/{remote}/{}",
        branch.trim_start_matches("refs/heads/")
    )
}

fn backup_ref(remote: &str, branch: &str) -> String {
    format!(
        "refs/multi/backup/{remote}/{}",
        branch.trim_start_matches("refs/heads/")
    )
}

/// Pushes the plan to one remote; every failure is data in the outcome.
pub fn push_one(ctx: &Ctx, member: &Member, plan: &Plan, board: &Board) -> Outcome<PushDetail> {
    let started = Instant::now();
    board.set(&member.name, "pushing");
    let report_progress = |text: &str| board.set(&member.name, text);
    let sink: Option<&ProgressSink<'_>> = board.enabled().then_some(&report_progress);
    let args = plan.flags;
    let git = &ctx.git;
    let refspecs: Vec<String> = plan
        .branches
        .iter()
        .map(|b| format!("{0}:{0}", b.name))
        .collect();
    let mut options = PushOptions {
        dry_run: args.dry_run,
        force: args.force,
        atomic: args.atomic,
        tags: args.tags,
        leases: Vec::new(),
    };
    if args.force_with_lease {
        for branch in &plan.branches {
            let expected = git
                .rev_parse(&tracking_ref(&member.name, &branch.name))
                .ok()
                .flatten()
                .unwrap_or_default();
            options.leases.push((branch.name.clone(), expected));
        }
    }
    let deadline = started + plan.timeout;
    if args.force && !args.dry_run {
        if let Err(err) = save_remote_tips(ctx, member, &plan.branches, deadline) {
            return Outcome::from_git_error(
                &member.name,
                &err,
                started.elapsed(),
                PushDetail::default(),
            )
            .with_hint("the remote tips could not be saved before forcing, so nothing was pushed");
        }
    }
    let mut attempts: u32 = 0;
    let result = runner::retrying(deadline.saturating_duration_since(Instant::now()), |left| {
        attempts += 1;
        git.push(&member.name, &refspecs, &options, Some(left), sink)
    });
    let retries = attempts.saturating_sub(1);
    let pushed = match result {
        Ok(pushed) => pushed,
        Err(err) => {
            return Outcome::from_git_error(
                &member.name,
                &err,
                started.elapsed(),
                PushDetail {
                    refs: Vec::new(),
                    retries,
                },
            )
        }
    };

    let mut detail = PushDetail {
        refs: Vec::new(),
        retries,
    };
    let mut problems = Vec::new();
    for r in &pushed.refs {
        let local = plan
            .branches
            .iter()
            .find(|b| b.name == r.from)
            .map(|b| b.oid.clone());
        let old = match (r.status, r.old_new()) {
            (RefStatus::UpToDate, _) => local.clone(),
            (_, Some((old, _))) => Some(
                git.rev_parse(old)
                    .ok()
                    .flatten()
                    .unwrap_or_else(|| old.to_string()),
            ),
            (RefStatus::Rejected, None) => git
                .rev_parse(&tracking_ref(&member.name, &r.to))
                .ok()
                .flatten(),
            _ => None,
        };
        if r.status == RefStatus::Rejected {
            problems.push(explain_rejection(ctx, member, r, &pushed.output.stderr));
        }
        if r.status == RefStatus::Forced && args.force_with_lease && !args.dry_run {
            // The lease held, so the remote had exactly what our tracking ref had: that is the old tip to keep.
            if let Some((_, expected)) = options.leases.iter().find(|(name, _)| *name == r.to) {
                if !expected.is_empty() {
                    let _ = git.update_ref(
                        &backup_ref(&member.name, &r.to),
                        expected,
                        "git multi push: tip before forced update",
                    );
                }
            }
        }
        detail.refs.push(RefUpdate {
            name: r.to.clone(),
            old,
            new: local,
            status: r.status,
            reason: r.reason.clone(),
        });
    }
    if args.force && !args.dry_run {
        drop_unneeded_backups(ctx, member, &pushed.refs);
    }
    let status = if !problems.is_empty() {
        Status::Rejected
    } else if args.dry_run {
        Status::DryRun
    } else if pushed.refs.iter().all(|r| r.status == RefStatus::UpToDate) {
        Status::UpToDate
    } else {
        Status::Ok
    };
    let mut outcome = Outcome::new(&member.name, status, started.elapsed(), detail);
    if !problems.is_empty() {
        outcome.error = Some(
            problems
                .iter()
                .map(|(message, _)| message.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        );
        outcome.hint = problems.into_iter().find_map(|(_, hint)| hint);
        outcome.reason = Some(crate::git::FailureKind::Rejected);
    }
    outcome
}

/// What a rejection means for this remote, and what to do about it.
fn explain_rejection(
    ctx: &Ctx,
    member: &Member,
    r: &PushedRef,
    stderr: &str,
) -> (String, Option<String>) {
    let branch = r.to.trim_start_matches("refs/heads/");
    let reason = r.reason.clone().unwrap_or_else(|| "rejected".into());
    if r.remote_rejected() {
        let said = remote_messages(stderr);
        let message = if said.is_empty() {
            format!("{branch}: refused by the remote ({reason})")
        } else {
            format!(
                "{branch}: refused by the remote ({reason}): {}",
                said.join(" / ")
            )
        };
        return (
            message,
            Some(
                "the server's hooks or branch protection refused the update; see its message"
                    .into(),
            ),
        );
    }
    if reason == "stale info" {
        return (
            format!("{branch}: the remote changed since the last fetch (lease not held)"),
            Some(format!(
                "fetch with `git multi fetch {}` and look before forcing again",
                member.name
            )),
        );
    }
    let hint = Some(format!(
        "integrate the remote's commits with `git multi pull --primary {0}` or `git multi sync`, then push again (`--force-with-lease` overwrites them)",
        member.name
    ));
    let tracking = tracking_ref(&member.name, &r.to);
    let counts = match ctx.git.rev_parse(&tracking) {
        Ok(Some(_)) => ctx.git.ahead_behind(&r.from, &tracking).ok(),
        _ => None,
    };
    let message = match counts {
        Some((0, behind)) if behind > 0 => format!("{branch}: rejected (non-fast-forward): the remote is ahead by {behind} commit{}", s(behind)),
        Some((ahead, behind)) if behind > 0 => {
            format!("{branch}: rejected (non-fast-forward): diverged, {ahead} local and {behind} remote commit{} apart", s(behind))
        }
        _ => format!("{branch}: rejected (non-fast-forward): the remote has commits you do not have (fetch to see how many)"),
    };
    (message, hint)
}

fn s(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Before `--force`: fetch the remote's current tips of the pushed branches into refs/multi/backup/<remote>/.
fn save_remote_tips(
    ctx: &Ctx,
    member: &Member,
    branches: &[LocalBranch],
    deadline: Instant,
) -> Result<(), GitError> {
    // One deadline for the whole remote: the backup's time comes out of the push's, not on top of it.
    let left = || deadline.saturating_duration_since(Instant::now());
    let existing = runner::retrying(left(), |left| {
        ctx.git.ls_remote_refs(&member.name, false, Some(left))
    })?;
    let refspecs: Vec<String> = branches
        .iter()
        .filter(|b| existing.get(&b.name).is_some_and(|oid| *oid != b.oid))
        .map(|b| format!("+{}:{}", b.name, backup_ref(&member.name, &b.name)))
        .collect();
    if refspecs.is_empty() {
        return Ok(());
    }
    runner::retrying(left(), |left| {
        ctx.git
            .fetch(&member.name, &refspecs, false, Some(left), None)
    })
    .map(drop)
}

/// A backup taken before `--force` is only worth keeping where the push really overwrote something.
fn drop_unneeded_backups(ctx: &Ctx, member: &Member, refs: &[PushedRef]) {
    for r in refs.iter().filter(|r| r.status != RefStatus::Forced) {
        let backup = backup_ref(&member.name, &r.to);
        if let Ok(Some(_)) = ctx.git.rev_parse(&backup) {
            let _ = ctx.git.command(["update-ref", "-d", &backup]).run();
        }
    }
}
