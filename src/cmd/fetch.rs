//! `git multi fetch`: fetch every remote of the set into its own tracking refs, in parallel.

use std::collections::BTreeMap;
use std::time::Instant;

use clap::Args;
use serde::Serialize;

use crate::cmd::common::ParallelArgs;
use crate::cmd::Ctx;
use crate::config;
use crate::error::{Exit, Result};
use crate::git::ProgressSink;
use crate::outcome::{Detail, Outcome, Report, Status};
use crate::progress::Board;
use crate::remote_set::Member;
use crate::report;
use crate::runner::{self, Pool};

/// Fetch from every remote of the set at once
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Remotes to fetch (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Remove tracking refs whose branch is gone on the remote (their tips are kept under refs/multi/backup/)
    #[arg(short, long)]
    pub prune: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Default, Serialize)]
pub struct FetchDetail {
    /// Tracking refs created, moved and removed by this fetch.
    pub new: Vec<String>,
    pub updated: Vec<String>,
    pub pruned: Vec<String>,
}

impl Detail for FetchDetail {
    fn human(&self) -> String {
        let mut parts = Vec::new();
        for (n, word) in [
            (self.new.len(), "new"),
            (self.updated.len(), "updated"),
            (self.pruned.len(), "pruned"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {word}"));
            }
        }
        parts.join(", ")
    }
}

pub fn run(ctx: &Ctx, args: &FetchArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let timeout = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let pool = Pool::new(&set.settings, args.parallel.jobs, members.len());
    let board = Board::for_terminal(members.iter().map(|m| m.name.clone()), args.json);
    let outcomes = board.run(&pool, &members, |m| {
        fetch_one(ctx, m, args.prune, timeout, &board)
    });
    Ok(report::finish(&Report::new(outcomes), args.json))
}

/// Fetches one remote; used by `sync` too.
pub fn fetch_one(
    ctx: &Ctx,
    member: &Member,
    prune: bool,
    timeout: std::time::Duration,
    board: &Board,
) -> Outcome<FetchDetail> {
    let started = Instant::now();
    board.set(&member.name, "fetching");
    let report_progress = |text: &str| board.set(&member.name, text);
    let sink: Option<&ProgressSink<'_>> = board.enabled().then_some(&report_progress);
    let prefix = format!("refs/remotes/{}/", member.name);
    let before = ctx.git.refs(&[&prefix]).unwrap_or_default();
    if let Err(err) = runner::retrying(timeout, |left| {
        ctx.git.fetch(&member.name, &[], prune, Some(left), sink)
    }) {
        return Outcome::from_git_error(
            &member.name,
            &err,
            started.elapsed(),
            FetchDetail::default(),
        );
    }
    let after = match ctx.git.refs(&[&prefix]) {
        Ok(after) => after,
        Err(err) => {
            return Outcome::from_git_error(
                &member.name,
                &err,
                started.elapsed(),
                FetchDetail::default(),
            )
        }
    };
    let detail = compare(&before, &after, &prefix);
    for gone in &detail.pruned {
        // The pruned branch's last known tip stays reachable, so nothing is lost.
        let _ = ctx.git.update_ref(
            &format!("refs/multi/backup/{}/{gone}", member.name),
            &before[&format!("{prefix}{gone}")],
            "git multi fetch --prune",
        );
    }
    let changed = !(detail.new.is_empty() && detail.updated.is_empty() && detail.pruned.is_empty());
    Outcome::new(
        &member.name,
        if changed {
            Status::Ok
        } else {
            Status::UpToDate
        },
        started.elapsed(),
        detail,
    )
}

fn compare(
    before: &BTreeMap<String, String>,
    after: &BTreeMap<String, String>,
    prefix: &str,
) -> FetchDetail {
    let short = |name: &String| name.strip_prefix(prefix).unwrap_or(name).to_string();
    let mut detail = FetchDetail::default();
    for (name, oid) in after {
        match before.get(name) {
            None => detail.new.push(short(name)),
            Some(old) if old != oid => detail.updated.push(short(name)),
            Some(_) => {}
        }
    }
    detail.pruned = before
        .keys()
        .filter(|name| !after.contains_key(*name))
        .map(short)
        .collect();
    detail
}
