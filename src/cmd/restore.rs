//! `git multi restore <dir|bundle> --to <remote>`: push a backup bundle's refs to a remote. The bundle is
//! checked first (its SHA-256 against the manifest, then `git bundle verify`); refs that diverged on the
//! remote are refused unless `--force`, and anything overwritten is saved under `refs/multi/backup/` first.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::config;
use crate::error::{Error, Exit, Result};
use crate::git::{refname, RefWrite, Refspec};
use crate::model::Report;
use crate::ops::archive::{self, Archived};
use crate::ops::push::{self, Force, Outgoing, PushRequest};
use crate::ops::{Backups, Relater, Snapshot};
use crate::report;
use crate::session::{Parallel, Session, Watch};

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
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &RestoreArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(std::slice::from_ref(&args.to)).map_err(|err| {
        match holds_set(&args.source) {
            // A fresh clone has no remotes yet: the backup can bring them.
            true => err.hint(format!(
                "this backup holds the remote set: `git multi import {}` recreates it",
                crate::quote::shown(args.source.display())
            )),
            false => err,
        }
    })?;
    let budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_TIMEOUT)?;
    let (bundle, entry) = locate(&args.source, &args.to)?;
    let Some(bundle) = bundle else {
        report::note(&format!(
            "the backup of `{}` has no refs: nothing to restore",
            entry.map(|e| e.remote).unwrap_or_default()
        ));
        return Ok(Exit::Success);
    };
    check(ctx, &bundle, entry.as_ref())?;
    let heads = ctx.git.bundle_heads(&bundle)?;

    // The bundle's refs come in under a private namespace, are pushed from there, and go again.
    let backups = Backups::new();
    let event = backups.event().to_string();
    let bundle_text = bundle.to_string_lossy().into_owned();
    ctx.git
        .fetch_exact(
            &bundle_text,
            &[Refspec::map(
                "refs/*",
                &format!("{}*", refname::restore_prefix(&event)),
                true,
            )],
            Some(budget),
        )
        .map_err(|err| {
            Error::failed(format!(
                "{} cannot be restored: reading it failed: {}",
                bundle.display(),
                err.stderr()
                    .map(crate::git::failure_summary)
                    .unwrap_or_else(|| err.to_string())
            ))
            .hint("nothing was pushed; restore from another backup")
        })?;
    let outgoing: Vec<Outgoing> = heads
        .iter()
        .map(|(name, oid)| Outgoing {
            name: name.clone(),
            src: Some(refname::restore(&event, name)),
            oid: Some(oid.clone()),
        })
        .collect();
    let tracking = Snapshot::take(
        &ctx.git,
        &push::tracking_patterns(members.iter().map(|m| m.name.as_str()), &outgoing),
    )?;
    let relater = Relater::new(&ctx.git);
    let request = PushRequest {
        refs: &outgoing,
        force: if args.force { Force::Yes } else { Force::No },
        dry_run: args.dry_run,
        atomic: false,
        tracking: &tracking,
        backups: &backups,
        relater: &relater,
        reason: "git multi restore: tip before the restore",
    };
    let fanout = ctx.fan_out(
        &set,
        Parallel {
            jobs: Some(1),
            timeout: args.parallel.timeout,
        },
        &members,
        config::DEFAULT_TIMEOUT,
        Watch::Nobody,
    );
    let outcomes = fanout.run(&members, |job| {
        let mut outcome =
            crate::ops::pushed::outcome(job, push::push(job, &ctx.git, &request), args.dry_run);
        if outcome.status.is_failure() && !args.force {
            outcome.hint = Some(format!(
                "refs that moved on since the backup are left alone; `git multi restore {} --to {} --force` overwrites them (their tips are saved under refs/multi/backup/ first)",
                crate::quote::shown(args.source.display()),
                crate::quote::word(job.name())
            ));
        }
        outcome
    });
    let private = ctx.git.refs(&[&refname::restore_prefix(&event)])?;
    ctx.git.update_refs(
        &private
            .into_keys()
            .map(|name| RefWrite::Delete { name })
            .collect::<Vec<_>>(),
        "git multi restore: done",
    )?;
    let report = Report::new(outcomes);
    crate::audit::record(&ctx.git, "restore", &report);
    Ok(report::finish(&report, args.json))
}

/// The bundle to restore and its manifest entry (when there is a manifest): `source` is a backup directory
/// (the entry for `remote`, or its only entry) or a bundle file (its directory's manifest, if any, vouches
/// for it).
fn locate(source: &Path, remote: &str) -> Result<(Option<PathBuf>, Option<Archived>)> {
    if source.is_dir() {
        let manifest = archive::read_manifest(source).map_err(|e| {
            Error::usage(e)
                .hint("give a directory `git multi backup --to <dir>` wrote, or one .bundle file")
        })?;
        let entry = match manifest.remotes.iter().find(|e| e.remote == remote) {
            Some(entry) => entry.clone(),
            None if manifest.remotes.len() == 1 => manifest.remotes[0].clone(),
            None => {
                let names: Vec<&str> = manifest.remotes.iter().map(|e| e.remote.as_str()).collect();
                return Err(Error::usage(format!(
                    "{} has no backup of `{remote}` (it has {})",
                    source.display(),
                    names.join(", ")
                ))
                .hint(format!(
                    "name the bundle to restore: `git multi restore {}/<remote>.bundle --to {}`",
                    crate::quote::shown(source.display()),
                    crate::quote::word(remote)
                )));
            }
        };
        let bundle = entry.bundle.as_ref().map(|b| source.join(b));
        return Ok((bundle, Some(entry)));
    }
    if !source.is_file() {
        return Err(
            Error::usage(format!("no backup at {}", source.display())).hint(
                "give a directory `git multi backup --to <dir>` wrote, or one of its .bundle files",
            ),
        );
    }
    let file_name = source.file_name().map(|n| n.to_string_lossy().into_owned());
    let entry = source
        .parent()
        .filter(|dir| dir.join(archive::MANIFEST).is_file())
        .and_then(|dir| archive::read_manifest(dir).ok())
        .and_then(|m| {
            m.remotes
                .into_iter()
                .find(|e| e.bundle.is_some() && e.bundle == file_name)
        });
    Ok((Some(source.to_path_buf()), entry))
}

/// The bundle is the one the manifest describes (checksum, refs) and git can read it whole.
fn check(ctx: &Session, bundle: &Path, entry: Option<&Archived>) -> Result<()> {
    let damaged = |why: String| {
        Error::failed(format!("{} cannot be restored: {why}", bundle.display())).hint(
            "nothing was pushed; restore from another backup, or make a new one with `git multi backup`",
        )
    };
    if let Some(expected) = entry.and_then(|e| e.sha256.as_deref()) {
        let actual = archive::sha256_file(bundle).map_err(|e| damaged(e.to_string()))?;
        if actual != expected {
            return Err(damaged(format!(
                "its SHA-256 is {actual}, the manifest says {expected}"
            )));
        }
    }
    ctx.git.bundle_verify(bundle).map_err(|err| {
        damaged(
            err.stderr()
                .map(crate::git::failure_summary)
                .unwrap_or_else(|| err.to_string()),
        )
    })?;
    if let Some(entry) = entry {
        let heads = ctx.git.bundle_heads(bundle)?;
        if heads != entry.refs {
            return Err(damaged(
                "its refs are not the ones the manifest lists".into(),
            ));
        }
    }
    Ok(())
}

/// Whether `source` is a backup directory written with `--include-config`.
fn holds_set(source: &std::path::Path) -> bool {
    source.is_dir() && archive::read_manifest(source).is_ok_and(|m| m.config.is_some())
}
