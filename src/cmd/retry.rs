//! `git multi retry [--last]`: what to run again. Without `--last` it is the last operation that was not a
//! retry, on the remotes where it still fails (each retry takes the remotes that then worked off its list);
//! with `--last` it is the last run of all, a retry included, on the remotes where that one failed. The
//! command line is run again by `crate::dispatch`, narrowed to those remotes. Only remotes are retried: a run
//! that failed on none (a pull that could not fast-forward) is not run again.

use clap::Args;

use crate::error::{Error, Result};
use crate::last_run::{self, Run};
use crate::report;
use crate::session::Session;

/// Run the last operation again, only on the remotes where it failed
#[derive(Debug, Args)]
pub struct RetryArgs {
    /// Retry the last run even if it was itself a retry (default: the last operation that was not one, on the
    /// remotes where it still fails)
    #[arg(long)]
    pub last: bool,
}

/// The command line to run again and the remotes to narrow it to (none: all it worked on).
#[derive(Debug)]
pub struct Plan {
    pub verb: String,
    pub args: Vec<String>,
    pub remotes: Vec<String>,
}

/// What `retry` runs, or `None` (said on stderr) when nothing needs it.
pub fn plan(ctx: &Session, args: &RetryArgs) -> Result<Option<Plan>> {
    let runs = last_run::read(&ctx.git).map_err(|err| {
        Error::failed(format!(
            "could not read the last run (.git/multi/last): {err}"
        ))
    })?;
    let chosen: Option<Run> = if args.last { runs.last } else { runs.operation };
    let Some(run) = chosen else {
        report::note("nothing to retry: no git multi operation has run in this repository yet");
        return Ok(None);
    };
    // Only remotes are retried: a run that stopped for another reason (a pull that could not fast-forward)
    // would stop the same way again.
    if run.failed.is_empty() {
        let text = if run.run_failed {
            format!(
                "nothing to retry: no remote failed in the last {} (it stopped for the reason it gave then)",
                run.verb
            )
        } else {
            format!(
                "nothing to retry: the last {} succeeded on every remote",
                run.verb
            )
        };
        report::note(&text);
        return Ok(None);
    }
    if run.args.iter().any(|a| a.contains(last_run::MASK)) {
        return Err(Error::usage(format!(
            "the last {} had a secret on its command line, which was not kept",
            run.verb
        ))
        .hint("run the command again yourself"));
    }
    let on = run.failed.join(", ");
    let line: Vec<String> = run
        .args
        .iter()
        .map(|a| crate::quote::word(a).into_owned())
        .collect();
    report::note(&format!("retrying `git multi {}` on {on}", line.join(" ")));
    Ok(Some(Plan {
        verb: run.verb,
        args: run.args,
        remotes: run.failed,
    }))
}
