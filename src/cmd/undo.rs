//! `git multi undo [<entry>]`: put back every remote tip an audit log entry overwrote, deleted or created —
//! each under a lease on the tip that entry wrote, so work pushed since is never clobbered. The planning is
//! `ops::undo`; this parses, calls and renders.

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::error::{Exit, Result};
use crate::ops::undo::{self as ops, UndoRequest};
use crate::report;
use crate::session::Session;

/// Put back what a logged command changed on the remotes (default: the newest change not undone yet, so each
/// further `undo` steps one command further back)
#[derive(Debug, Args)]
pub struct UndoArgs {
    /// The entry to undo, as `git multi log` shows it (a unique prefix is enough)
    #[arg(value_name = "ENTRY")]
    pub entry: Option<String>,
    /// Show what would be put back and change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &UndoArgs) -> Result<Exit> {
    let request = UndoRequest {
        entry: args.entry.as_deref(),
        dry_run: args.dry_run,
        parallel: args.parallel.get(),
    };
    let (entry, report) = ops::undo(ctx, &request)?;
    report::undo::show(&entry, &report, args.json);
    Ok(report.exit())
}
