//! `git multi backup [<remote>...] --to <dir>`: a git bundle per remote with every branch, tag and configured
//! namespace ref it has, fetched fresh and in parallel, plus `manifest.json` (URLs without secrets, refs and
//! tips, SHA-256 of each bundle). A backup directory is never overwritten. `--include-config` adds the remote
//! set and multi settings (`remote-set.toml`, what `export` writes) so that `import <dir>` recreates them;
//! `backup list` shows the saved tips and the directories written.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::cmd::common::{self, RunArgs};
use crate::config;
use crate::error::{Error, Exit, Result};
use crate::model::{Outcome, Report, Status};
use crate::ops::archive::{self, Failure, Manifest};
use crate::ops::saved;
use crate::report;
use crate::report::archive::BackupDetail;
use crate::session::Session;
use crate::setfile::{Format, SetFile};

/// Save every ref of each remote as a git bundle, with a manifest (restore with `git multi restore`)
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub command: Option<BackupCommand>,
    /// Remotes to back up (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Directory for the bundles and manifest.json (created; must not hold a backup already)
    #[arg(long, value_name = "DIR", required = true)]
    pub to: Option<PathBuf>,
    /// Also store the remote set and multi settings (remote-set.toml, as `export` writes it); `git multi
    /// import <dir>` recreates them
    #[arg(long)]
    pub include_config: bool,
    #[command(flatten)]
    pub how: RunArgs,
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    #[command(visible_alias = "ls")]
    List(crate::cmd::backup_list::ListArgs),
}

pub fn run(ctx: &Session, args: &BackupArgs) -> Result<Exit> {
    if let Some(BackupCommand::List(list)) = &args.command {
        return crate::cmd::backup_list::run(ctx, list);
    }
    let Some(to) = &args.to else {
        return Err(Error::usage("backup needs --to <dir>").hint(
            "`git multi backup --to <dir>` writes a backup; `git multi backup list` shows them",
        ));
    };
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    if to.join(archive::MANIFEST).exists() {
        return Err(Error::usage(format!(
            "{} already holds a backup",
            to.display()
        ))
        .hint("backups are never overwritten: give a new directory, e.g. --to backups/$(date +%F)"));
    }
    std::fs::create_dir_all(to).map_err(|e| {
        Error::usage(format!("cannot create {}: {e}", to.display()))
            .hint("give a directory you can write to with --to <dir>")
    })?;
    let dir = std::fs::canonicalize(to).unwrap_or_else(|_| to.clone());
    let patterns = archive::patterns(&set.settings.namespaces);
    let outcomes = common::each(
        ctx,
        &set,
        &members,
        &args.how.parallel,
        config::DEFAULT_TIMEOUT,
        |job| match archive::back_up(job, &ctx.git, &patterns, &dir) {
            Ok(archived) => Outcome::new(
                job.name(),
                Status::Ok,
                job.elapsed(),
                BackupDetail::of(archived),
            ),
            Err(Failure::Git(err)) => job.failure(&err, BackupDetail::default()),
            Err(Failure::Io(message)) => {
                Outcome::failed(job.name(), message, job.elapsed(), BackupDetail::default())
            }
        },
    );
    let created = crate::clock::rfc3339(crate::clock::now_secs());
    let config = if args.include_config {
        Some(write_config(&set, &dir, &created)?)
    } else {
        None
    };
    let manifest = Manifest {
        format: archive::FORMAT,
        created: created.clone(),
        remotes: outcomes
            .iter()
            .filter_map(|o| o.detail.archived.clone())
            .collect(),
        config,
    };
    if !manifest.remotes.is_empty() || manifest.config.is_some() {
        archive::write_manifest(&dir, &manifest).map_err(|e| {
            Error::failed(format!(
                "the bundles are written but {} is not: {e}",
                dir.join(archive::MANIFEST).display()
            ))
        })?;
        if let Err(e) = saved::record(&ctx.git, &dir, &created) {
            report::warning(&format!(
                "the backup is written, but `git multi backup list` will not know it ({e})"
            ));
        }
    }
    Ok(report::finish(&Report::new(outcomes), args.how.json))
}

/// The remote set and settings as `export` writes them, into the backup directory; its file name.
fn write_config(
    set: &crate::remote_set::RemoteSet,
    dir: &std::path::Path,
    created: &str,
) -> Result<String> {
    let path = dir.join(archive::CONFIG_FILE);
    let text = SetFile::from_set(set)
        .to_text(Format::Toml, created)
        .map_err(|e| Error::failed(format!("could not write the remote set: {e}")))?;
    std::fs::write(&path, text)
        .map_err(|e| Error::failed(format!("cannot write {}: {e}", path.display())))?;
    Ok(archive::CONFIG_FILE.to_string())
}
