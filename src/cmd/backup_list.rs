//! `git multi backup list [<dir>...] [--json]`: what git-multi keeps to undo damage — the tips saved under
//! refs/multi/backup/ (by remote, then event, newest first) and the backup directories `backup --to` wrote
//! from this clone (or named here), as their manifests say now.

use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Exit, Result};
use crate::ops::saved;
use crate::report;
use crate::session::Session;

/// Show the saved tips (refs/multi/backup/, by remote and event, newest first) and the backup directories
/// written by `backup --to`
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Also describe these backup directories (those `backup --to` wrote from this clone are listed anyway)
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Print one JSON document instead of text
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &ListArgs) -> Result<Exit> {
    let tips = saved::saved_tips(&ctx.git)?;
    for dir in &args.dirs {
        if !dir.is_dir() {
            return Err(
                Error::usage(format!("{} is not a directory", dir.display()))
                    .hint("name a directory `git multi backup --to <dir>` wrote"),
            );
        }
    }
    let archives = saved::archives(&ctx.git, &args.dirs)?;
    report::backups::show(&tips, &archives, args.json);
    Ok(Exit::Success)
}
