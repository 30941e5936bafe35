//! `git multi restore <dir|bundle> --to <remote>`: push a backup bundle's refs to a remote. The bundle is
//! checked first (its SHA-256 against the manifest, then `git bundle verify`); refs that diverged on the
//! remote are refused unless `--force`, and anything overwritten is saved under `refs/multi/backup/` first.

use std::path::PathBuf;

use clap::Args;

use crate::cmd::common::RunArgs;
use crate::error::{Exit, Result};
use crate::model::backup::Restored;
use crate::ops::restore::{self as ops, RestoreRequest};
use crate::report;
use crate::session::Session;

/// Push the refs of a `git multi backup` bundle to a remote (diverged refs only with --force)
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A backup directory (its manifest names the bundle) or one bundle file
    #[arg(value_name = "DIR|BUNDLE")]
    pub source: PathBuf,
    /// The remote to restore to
    #[arg(long, value_name = "REMOTE")]
    pub to: String,
    /// Overwrite refs that diverged on the remote (their tips are saved under refs/multi/backup/ first)
    #[arg(short, long)]
    pub force: bool,
    /// Show what would be pushed and change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub how: RunArgs,
}

pub fn run(ctx: &Session, args: &RestoreArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let request = RestoreRequest {
        source: &args.source,
        to: &args.to,
        force: args.force,
        dry_run: args.dry_run,
        parallel: args.how.parallel.get(),
    };
    match ops::restore(ctx, &set, &request)? {
        Restored::Empty { remote } => {
            report::note(&format!(
                "the backup of `{remote}` has no refs: nothing to restore"
            ));
            Ok(Exit::Success)
        }
        Restored::Pushed(report) => Ok(report::finish(&report, args.how.json)),
    }
}
