//! `git multi conflicts`: every ref whose copies differ between the local repository and the remotes, with
//! what `git multi resolve` would do about it. The operation is `ops::conflicts`; this parses, calls, renders.

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::error::{Exit, ExitFacts, Result};
use crate::ops::conflicts as ops;
use crate::report;
use crate::session::Session;

/// List every ref whose copies differ between local and the remotes
#[derive(Debug, Args)]
pub struct ConflictsArgs {
    /// Remotes to compare (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Exit with 1 when any ref differs
    #[arg(long)]
    pub exit_code: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document: {"conflicts":[{"ref","kind","tips","action"}]}
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &ConflictsArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let found = ops::conflicts(ctx, &set, &members, args.parallel.get())?;
    report::conflicts::show(
        &found.conflicts,
        found.remote_only,
        &found.reached,
        args.json,
    );
    if !found.pruned.is_empty() {
        // The JSON document has one key; where the pruned tips went is said on stderr.
        report::note(&report::resolve::pruned_note(&found.pruned));
    }
    Ok(crate::error::exit_code(ExitFacts {
        out_of_sync: args.exit_code && !found.conflicts.is_empty(),
        ..found.reached.facts()
    }))
}
