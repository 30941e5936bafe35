//! `git multi import <file> [--dry-run] [--json]`: apply a set written by `git multi export` (TOML, JSON or
//! YAML) to this clone. Every
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
use crate::setfile::{Format, SetFile};

/// Apply a remote set exported by `git multi export` (validated first; nothing is changed on any error)
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file, TOML, JSON or YAML (`-` reads standard input), or a backup directory written with
    /// `backup --include-config`
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The file's format (default: its extension, .toml/.json/.yaml/.yml, else what its content looks like)
    #[arg(long, value_name = "FORMAT", value_enum)]
    pub format: Option<Format>,
    /// Show what would change and change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Print one JSON document (the changes, made or not) instead of text
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &ImportArgs) -> Result<Exit> {
    let path = in_backup(&args.file)?;
    let text = read(&path)?;
    let format = args.format.or_else(|| Format::from_path(&path));
    let (file, format) = SetFile::parse_as(&text, format).map_err(|e| {
        Error::usage(format!(
            "{} is not a remote set file: {e}",
            args.file.display()
        ))
        .hint("`git multi export` writes this format (TOML, or --format json|yaml); nothing was changed")
    })?;
    let before = ctx.remote_set()?;
    let steps = ops::plan(&ctx.git, &before, &file)?;
    let changes: Vec<&str> = steps.iter().map(|s| s.what.as_str()).collect();
    let made = !args.dry_run && !steps.is_empty();
    if made {
        ops::apply(&ctx.git, &before, &steps)?;
        audit::record_set(&ctx.git, "import", &before);
    }
    if args.json {
        report::export::imported(&report::export::Imported {
            file: &path,
            format,
            dry_run: args.dry_run,
            changed: made,
            changes: &changes,
        });
    } else {
        report::import::plan(&changes, args.dry_run);
    }
    Ok(Exit::Success)
}

/// A backup directory (`backup --include-config`) stands for the remote-set file it holds.
fn in_backup(path: &std::path::Path) -> Result<PathBuf> {
    if !path.is_dir() {
        return Ok(path.to_path_buf());
    }
    let manifest = crate::ops::archive::read_manifest(path).map_err(|e| {
        Error::usage(format!("{} is a directory but not a backup: {e}", path.display()))
            .hint("give the file `git multi export --output <file>` wrote, or a directory `git multi backup --include-config` wrote")
    })?;
    let Some(file) = manifest.config else {
        return Err(Error::usage(format!(
            "the backup in {} holds no remote set",
            path.display()
        ))
        .hint("only a backup written with `git multi backup --include-config` carries the set; nothing was changed"));
    };
    Ok(path.join(file))
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
