//! `git multi undo [<entry>]`: put back every remote tip an audit log entry overwrote, deleted or created —
//! each under a lease on the tip that entry wrote, so work pushed since is never clobbered. The planning is
//! `ops::undo`; this parses, calls and renders.

use clap::Args;

use crate::cmd::common::RunArgs;
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
    pub how: RunArgs,
}

pub fn run(ctx: &Session, args: &UndoArgs) -> Result<Exit> {
    let request = UndoRequest {
        entry: args.entry.as_deref(),
        dry_run: args.dry_run,
        parallel: args.how.parallel.get(),
    };
    let (entry, report) = ops::undo(ctx, &request)?;
    report::undo::show(&entry, &report, args.how.json);
    Ok(report.exit())
}
