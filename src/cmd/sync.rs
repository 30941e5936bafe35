//! `git multi sync`: fetch every remote, integrate the primary into the current branch, push the result to
//! every remote. Remotes that have diverged are reported, never overwritten; `--dry-run` only prints the plan.

use std::time::Instant;

use clap::Args;
use serde::Serialize;

use crate::cmd::common::{self, Integration, ParallelArgs, Strategy};
use crate::cmd::fetch::{fetch_one, FetchDetail};
use crate::cmd::push::{push_one, LocalBranch, Plan, PushDetail, PushFlags};
use crate::cmd::status::{relation, RefState};
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Exit, Result};
use crate::outcome::{Detail, Outcome, Report, Status};
use crate::progress::Board;
use crate::remote_set::Member;
use crate::report;
use crate::runner::{self, Pool};

/// Fetch all, integrate the primary into the current branch, push to every remote
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// How to bring the primary's commits into the current branch
    #[arg(long, value_enum, default_value = "ff-only")]
    pub strategy: Strategy,
    /// The remote to integrate from (default: multi.primary, else the branch's upstream remote)
    #[arg(long, value_name = "REMOTE")]
    pub primary: Option<String>,
    /// Print what would happen on each remote and change nothing (no fetch, no merge, no push)
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct SyncDocument<'a, D: Serialize> {
    ok: bool,
    branch: &'a str,
    primary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    integrated: Option<&'a Integration>,
    remotes: &'a [Outcome<D>],
}

/// The plan for one remote under `--dry-run`.
#[derive(Debug, Serialize)]
pub struct PlanDetail {
    state: RefState,
    ahead: Option<u64>,
    behind: Option<u64>,
    plan: String,
}

impl Detail for PlanDetail {
    fn human(&self) -> String {
        self.plan.clone()
    }
}

pub fn run(ctx: &Ctx, args: &SyncArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&[])?;
    let branch = common::current_branch(ctx)?;
    let primary = common::primary(ctx, &set, args.primary.as_deref(), &branch)?;
    let timeout = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let pool = Pool::new(&set.settings, args.parallel.jobs, members.len());
    if args.dry_run {
        return dry_run(ctx, args, &members, &pool, &branch, &primary.name, timeout);
    }

    // 1. Fetch everything, so every remote's tracking ref is current for the lease-free push below.
    let board = Board::for_terminal(members.iter().map(|m| m.name.clone()), args.json);
    let fetched = board.run(&pool, &members, |m| {
        fetch_one(ctx, m, false, timeout, &board)
    });
    let primary_fetch = members
        .iter()
        .zip(&fetched)
        .find(|(m, _)| m.name == primary.name)
        .map(|(_, o)| o);
    if let Some(failed) = primary_fetch.filter(|o| o.status.is_failure()) {
        return Err(common::primary_fetch_failed(&primary.name, failed)
            .hint("nothing was integrated or pushed"));
    }
    // 2. Integrate the primary (stops everything on conflict: nothing is pushed).
    let integrated = common::integrate(ctx, &primary.name, &branch, args.strategy)?;
    // 3. Push the branch to every remote that could be fetched; never forced.
    let local = LocalBranch {
        name: format!("refs/heads/{branch}"),
        oid: integrated.after.clone(),
    };
    let plan = Plan {
        branches: vec![local],
        flags: PushFlags::default(),
        timeout,
    };
    let board = Board::for_terminal(members.iter().map(|m| m.name.clone()), args.json);
    let outcomes = board.run(&pool, &members, |m| {
        let index = members.iter().position(|x| x.name == m.name);
        match index.map(|i| &fetched[i]) {
            Some(fetch) if fetch.status.is_failure() => not_pushed(&m.name, fetch),
            _ => push_one(ctx, m, &plan, &board),
        }
    });
    let report = Report::new(outcomes);
    if args.json {
        report::json(&SyncDocument {
            ok: report.ok,
            branch: &branch,
            primary: &primary.name,
            integrated: Some(&integrated),
            remotes: &report.remotes,
        });
    } else {
        if integrated.incoming > 0 {
            report::out(&format!(
                "{branch}: integrated {} commit(s) from {}/{branch} ({})\n",
                integrated.incoming,
                primary.name,
                args.strategy.as_str()
            ));
        }
        report::outcomes(&report);
    }
    Ok(report.exit())
}

/// A remote that could not be fetched is not pushed to either: its state is unknown.
fn not_pushed(name: &str, fetch: &Outcome<FetchDetail>) -> Outcome<PushDetail> {
    let elapsed = std::time::Duration::from_millis(fetch.duration_ms);
    let mut outcome = Outcome::new(name, fetch.status, elapsed, PushDetail::default());
    outcome.error = fetch
        .error
        .as_ref()
        .map(|e| format!("fetch failed, not pushed: {e}"));
    outcome.reason = fetch.reason;
    outcome.hint = fetch.hint.clone();
    outcome
}

/// Reads each remote's branch with ls-remote and says what sync would do; writes nothing.
fn dry_run(
    ctx: &Ctx,
    args: &SyncArgs,
    members: &[&Member],
    pool: &Pool,
    branch: &str,
    primary: &str,
    timeout: std::time::Duration,
) -> Result<Exit> {
    let local = ctx
        .git
        .rev_parse(&format!("refs/heads/{branch}"))?
        .unwrap_or_default();
    let full = format!("refs/heads/{branch}");
    let outcomes = pool.run(members, |m| m.host(), |m| {
        let started = Instant::now();
        let refs = match runner::retrying(timeout, |left| ctx.git.ls_remote_refs(&m.name, false, Some(left))) {
            Ok(refs) => refs,
            Err(err) => {
                let detail = PlanDetail { state: RefState::Unknown, ahead: None, behind: None, plan: "unreachable".into() };
                return Outcome::from_git_error(&m.name, &err, started.elapsed(), detail);
            }
        };
        let (state, ahead, behind) = match refs.get(&full) {
            None => (RefState::MissingRemote, None, None),
            Some(remote) => relation(ctx, &local, remote).unwrap_or((RefState::Unknown, None, None)),
        };
        let is_primary = m.name == primary;
        let plan = match (state, is_primary) {
            (RefState::InSync, _) => "nothing to do".to_string(),
            (RefState::MissingRemote, _) => format!("would create {branch}"),
            (RefState::Ahead, _) => format!("would push {} commit(s)", ahead.unwrap_or(0)),
            (RefState::Behind, true) => format!("would integrate {} commit(s) ({})", behind.unwrap_or(0), args.strategy.as_str()),
            (RefState::Diverged, true) if args.strategy == Strategy::FfOnly => "diverged: ff-only would stop here; use --strategy merge|rebase".to_string(),
            (RefState::Diverged, true) => format!("would integrate {} commit(s) ({}), then push", behind.unwrap_or(0), args.strategy.as_str()),
            (RefState::Unknown, true) => "would fetch and integrate its new commits".to_string(),
            (RefState::Behind, false) => "has commits the primary may not: would be rejected unless they arrive through the primary".to_string(),
            (RefState::Diverged, false) | (RefState::Unknown, false) => "diverged or unknown commits: would be reported, not overwritten".to_string(),
            (RefState::MissingLocal, _) => "nothing to push".to_string(),
        };
        Outcome::new(&m.name, Status::DryRun, started.elapsed(), PlanDetail { state, ahead, behind, plan })
    });
    let report = Report::new(outcomes);
    if args.json {
        report::json(&SyncDocument {
            ok: report.ok,
            branch,
            primary,
            integrated: None,
            remotes: &report.remotes,
        });
    } else {
        report::outcomes(&report);
    }
    Ok(report.exit())
}
