//! `git multi backup [<remote>...] --to <dir>`: a git bundle per remote with every branch, tag and configured
//! namespace ref it has, fetched fresh and in parallel, plus `manifest.json` (URLs without secrets, refs and
//! tips, SHA-256 of each bundle). A backup directory is never overwritten.

use std::path::PathBuf;

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::config;
use crate::error::{Error, Exit, Result};
use crate::model::{Outcome, Report, Status};
use crate::ops::archive::{self, Failure, Manifest};
use crate::report;
use crate::report::archive::BackupDetail;
use crate::session::{Session, Watch};

/// Save every ref of each remote as a git bundle, with a manifest (restore with `git multi restore`)
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Remotes to back up (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Directory for the bundles and manifest.json (created; must not hold a backup already)
    #[arg(long, value_name = "DIR")]
    pub to: PathBuf,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &BackupArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let _budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    if args.to.join(archive::MANIFEST).exists() {
        return Err(Error::usage(format!(
            "{} already holds a backup",
            args.to.display()
        ))
        .hint("backups are never overwritten: give a new directory, e.g. --to backups/$(date +%F)"));
    }
    std::fs::create_dir_all(&args.to).map_err(|e| {
        Error::usage(format!("cannot create {}: {e}", args.to.display()))
            .hint("give a directory you can write to with --to <dir>")
    })?;
    let dir = std::fs::canonicalize(&args.to).unwrap_or_else(|_| args.to.clone());
    let patterns = archive::patterns(&set.settings.namespaces);
    let fanout = ctx.fan_out(
        &set,
        args.parallel.get(),
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Live,
    );
    let outcomes = fanout.run(&members, |job| {
        match archive::back_up(job, &ctx.git, &patterns, &dir) {
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
        }
    });
    fanout.finish();
    let manifest = Manifest {
        format: archive::FORMAT,
        created: crate::clock::rfc3339(crate::clock::now_secs()),
        remotes: outcomes
            .iter()
            .filter_map(|o| o.detail.archived.clone())
            .collect(),
    };
    if !manifest.remotes.is_empty() {
        archive::write_manifest(&dir, &manifest).map_err(|e| {
            Error::failed(format!(
                "the bundles are written but {} is not: {e}",
                dir.join(archive::MANIFEST).display()
            ))
        })?;
    }
    Ok(report::finish(&Report::new(outcomes), args.json))
}
