//! `git multi import <file> [--dry-run]`: apply a set written by `git multi export` to this clone. Every
//! remote is checked exactly as `remote add` checks it and the whole plan is worked out before the first
//! write; a write that fails puts `.git/config` back as it was. Importing the same file twice changes nothing
//! the second time: only what differs is written. Nothing is removed: members and settings the file does not
//! mention stay as they are, and its namespaces are added to the ones this clone carries.

use std::path::PathBuf;

use clap::Args;

use crate::audit;
use crate::error::{Error, Exit, Result};
use crate::ops::import as ops;
use crate::report;
use crate::session::Session;
use crate::setfile::SetFile;

/// Apply a remote set exported by `git multi export` (validated first; nothing is changed on any error)
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The TOML file (`-` reads standard input)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Show what would change and change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Session, args: &ImportArgs) -> Result<Exit> {
    let text = read(&args.file)?;
    let file = SetFile::parse(&text).map_err(|e| {
        Error::usage(format!(
            "{} is not a remote set file: {e}",
            args.file.display()
        ))
        .hint("`git multi export` writes this format; nothing was changed")
    })?;
    let before = ctx.remote_set()?;
    let steps = ops::plan(&ctx.git, &before, &file)?;
    let changes: Vec<&str> = steps.iter().map(|s| s.what.as_str()).collect();
    if args.dry_run || steps.is_empty() {
        report::import::plan(&changes, args.dry_run);
        return Ok(Exit::Success);
    }
    ops::apply(&ctx.git, &before, &steps)?;
    audit::record_set(&ctx.git, "import", &before);
    report::import::plan(&changes, false);
    Ok(Exit::Success)
}

fn read(path: &std::path::Path) -> Result<String> {
    let result = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    result.map_err(|e| {
        Error::usage(format!("cannot read {}: {e}", path.display()))
            .hint("give the file `git multi export --output <file>` wrote")
    })
}
