//! `git multi status`: every branch (tag, configured namespace ref) on every remote — in sync, ahead, behind, diverged, missing —
//! read with parallel `git ls-remote` (no fetch) or, with `--offline`, from the tracking refs.

use crate::model::Reached;
use clap::Args;

use crate::cmd::common::FanOutArgs;
use crate::config;
use crate::error::{Exit, Result};
use crate::git::refname;
use crate::model::{Outcome, Report};
use crate::ops::run::StatusRun;
use crate::report;
use crate::report::status::StatusView;
use crate::session::{Session, Watch};

/// Show how every branch compares on every remote
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Remotes to compare (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Use the tracking refs from the last fetch instead of asking the remotes
    #[arg(long)]
    pub offline: bool,
    /// Compare tags too
    #[arg(long)]
    pub tags: bool,
    /// One row per remote: state, commits ahead and behind, last fetch and push, host
    #[arg(long)]
    pub detailed: bool,
    /// Show only what is not in sync or could not be reached
    #[arg(long)]
    pub failed_only: bool,
    /// Exit with 1 when anything is out of sync
    #[arg(long)]
    pub exit_code: bool,
    #[command(flatten)]
    pub fan_out: FanOutArgs,
    /// Print one JSON document instead of a matrix
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &StatusArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select_only(&args.remotes, args.fan_out.only.as_deref())?;
    if args.tags && args.offline {
        report::status::tags_need_the_remotes();
    }
    let run = StatusRun::prepare(
        &ctx.git,
        &members,
        &set.settings.namespaces,
        args.tags,
        args.offline,
    )?;
    let reached: Vec<Outcome<Reached>> = if args.offline {
        members.iter().map(|m| run.last_fetched(m)).collect()
    } else {
        let fanout = ctx.fan_out(
            &set,
            args.fan_out.parallel.get(),
            &members,
            config::DEFAULT_PROBE_TIMEOUT,
            Watch::Nobody,
        );
        fanout.run(&members, |job| run.probe(job))
    };
    let comparison = run.finish(&members, &reached)?;
    let reachable = Report::new(reached);
    if args.detailed || args.failed_only {
        return views(ctx, args, &members, &comparison, reachable);
    }
    let view = StatusView {
        members: &members,
        comparison: &comparison,
        reachable: &reachable,
    };
    if args.json {
        report::status::json(&view);
    } else {
        report::status::matrix(&view);
        let (remotes_behind, local_behind) = crate::ops::standing::behind(&comparison);
        report::advice::out_of_sync(&remotes_behind, &local_behind);
        // "everything in sync" is true of a repository where nothing exists yet, and says too little.
        if comparison.local.is_empty() && ctx.git.refs(&[refname::HEADS, refname::TAGS])?.is_empty()
        {
            report::status::no_commits_yet(!comparison.entries.is_empty());
        }
    }
    // Branches (and tags) not checked out here that every remote has alike are shown, not out of sync.
    let out_of_sync = comparison.out_of_sync().next().is_some();
    Ok(crate::error::exit_code(crate::error::ExitFacts {
        out_of_sync: args.exit_code && out_of_sync,
        ..reachable.facts()
    }))
}

/// `--detailed` and `--failed-only`: the same comparison, shown per remote or narrowed to what is wrong.
fn views(
    ctx: &Session,
    args: &StatusArgs,
    members: &[&crate::remote_set::Member],
    comparison: &crate::model::Comparison,
    reachable: Report<Reached>,
) -> Result<Exit> {
    use crate::ops::standing;
    let out_of_sync = comparison.out_of_sync().next().is_some();
    let facts = crate::error::ExitFacts {
        out_of_sync: args.exit_code && out_of_sync,
        ..reachable.facts()
    };
    let (keep, narrowed) = if args.failed_only {
        standing::failed_only(members, comparison, &reachable)
    } else {
        ((0..members.len()).collect(), comparison.clone())
    };
    let shown: Vec<&crate::remote_set::Member> = keep.iter().map(|&i| members[i]).collect();
    let shown_reached = Report::new(keep.iter().map(|&i| reachable.remotes[i].clone()).collect());
    let view = StatusView {
        members: &shown,
        comparison: &narrowed,
        reachable: &shown_reached,
    };
    if args.detailed {
        let details = standing::details(&ctx.git, &shown, &narrowed, &shown_reached);
        if args.json {
            report::status::json_detailed(&view, &details);
        } else {
            report::status::detailed(&details);
        }
    } else if args.json {
        report::status::json(&view);
    } else if shown.is_empty() {
        report::status::nothing_failed(members.len());
    } else {
        report::status::matrix(&view);
    }
    Ok(crate::error::exit_code(facts))
}
