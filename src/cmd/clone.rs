//! `git multi clone <url> [<dir>] [--mirror-to <url>]...`: clone, set up the remote set with the origin and the
//! mirrors (checked as `remote add` checks them, before anything is cloned), and see that each can be reached.

use std::path::PathBuf;

use clap::Args;

use crate::error::{Exit, Result};
use crate::git::Git;
use crate::ops::clone as ops;
use crate::report;
use crate::report::clone::Cloned;

/// Clone a repository and make it a remote set: the origin plus mirrors
#[derive(Debug, Args)]
pub struct CloneArgs {
    /// The repository to clone (it becomes the member `origin`)
    pub url: String,
    /// Where to clone it (default: the repository's name, as git picks it)
    pub dir: Option<PathBuf>,
    /// Another host to keep in sync, as `<url>` or `<name>=<url>` (repeatable); the name defaults to the
    /// host's (`github` for github.com), else `mirror`
    #[arg(long = "mirror-to", value_name = "[NAME=]URL")]
    pub mirror_to: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &CloneArgs) -> Result<Exit> {
    let git = Git::locate()?;
    let (dir, report) = ops::clone(
        &git,
        &crate::progress::TerminalFaces,
        &args.url,
        args.dir.as_deref(),
        &args.mirror_to,
    )?;
    report::clone::show(
        &Cloned {
            ok: report.ok,
            directory: &dir,
            remotes: &report.remotes,
        },
        args.json,
    );
    Ok(report.exit())
}
