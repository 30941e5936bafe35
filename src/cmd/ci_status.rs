//! `git multi ci status [<commit>] [--wait]`: the CI state of one commit on every host, asked in parallel;
//! with `--wait`, each host is asked again with backoff until its state is final or its time is up.
//!
//! Exit codes (like `gh pr checks`): 0 when every host that was asked reports success; 1 when any reports
//! failure or error, has no CI for the commit (`none`), or could not be asked; 8 when nothing failed but
//! something is still pending or running; 4 when only tokens were missing or rejected.

use std::time::Duration;

use clap::Args;

use crate::cmd::common::{self, HostSelection};
use crate::error::{Error, Exit, Result};
use crate::model::ci::{CiDetail, CiState};
use crate::model::Report;
use crate::ops::ci_status;
use crate::report;
use crate::session::Session;

/// `--wait`'s default time per host: CI runs take longer than pushes.
const DEFAULT_WAIT: Duration = Duration::from_secs(1800);

/// Show the CI state of a commit on every host (GitHub checks and statuses, GitLab pipelines, Gitea/Forgejo
/// and Bitbucket commit statuses)
///
/// Exit status: 0 when every host reports success; 1 when any reports failure or error, has no CI for the
/// commit, or could not be asked; 8 when nothing failed but something is still pending or running (also
/// after --wait ran out of time); 4 when only tokens were missing or rejected.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The commit (default: HEAD); resolved in this repository, a full commit id is taken as given
    pub commit: Option<String>,
    /// Ask again with backoff until every host's state is final, or --timeout (default: multi.timeout, else
    /// 30 minutes; without --wait 60 s) runs out
    #[arg(long)]
    pub wait: bool,
    #[command(flatten)]
    pub hosts: HostSelection,
}

pub fn run(ctx: &Session, args: &StatusArgs) -> Result<Exit> {
    let given = args.commit.as_deref().unwrap_or("HEAD");
    let sha = resolve(ctx, given)?;
    let set = ctx.remote_set()?;
    let members = set.select(&args.hosts.on)?;
    let default = if args.wait {
        DEFAULT_WAIT
    } else {
        crate::config::DEFAULT_API_TIMEOUT
    };
    let outcomes = common::each(ctx, &set, &members, &args.hosts.parallel, default, |job| {
        ci_status::one(ctx, job, &sha, args.wait)
    });
    let report = Report::new(outcomes);
    report::ci_status::show(&report, &sha, args.hosts.json);
    Ok(exit(&report))
}

/// A full commit id names itself (the commit may exist only on the hosts); anything else must resolve here.
fn resolve(ctx: &Session, given: &str) -> Result<String> {
    if given.len() == 40 && given.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(given.to_ascii_lowercase());
    }
    ctx.git
        .rev_parse(&format!("{given}^{{commit}}"))?
        .ok_or_else(|| {
            Error::usage(format!("`{given}` does not name a commit here"))
                .hint("give a branch, tag or commit id of this repository (`git log` lists them), or a full commit id")
        })
}

/// See the module's documentation: failures of the hosts first (1, or 4 for tokens), then the CI's states.
fn exit(report: &Report<CiDetail>) -> Exit {
    let asked = report.exit();
    if asked != Exit::Success {
        return asked;
    }
    let states: Vec<CiState> = report
        .remotes
        .iter()
        .filter_map(|o| o.detail.state)
        .collect();
    if states
        .iter()
        .any(|s| matches!(s, CiState::Failure | CiState::Error | CiState::None))
    {
        Exit::Failure
    } else if states.iter().any(|s| !s.is_final()) {
        Exit::Pending
    } else {
        Exit::Success
    }
}
