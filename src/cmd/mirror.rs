//! `git multi mirror`: make every other remote an exact copy of one (branches, tags and the configured ref
//! namespaces). The source is read and fetched first; then each target, in parallel and within its own
//! deadline, is read and gets one push of what differs, forced only under a lease on the tip just read, with
//! every replaced or (`--prune`) deleted tip saved under refs/multi/backup/ first. A `--prune` from a source
//! without a single branch (an empty or wrong repository) would empty every target: it is refused, saying what
//! it would delete, unless `--force` says that is meant.

use std::collections::BTreeMap;
use std::sync::Mutex;

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::config;
use crate::error::{Error, Exit, Result};
use crate::events::Event;
use crate::model::{Outcome, PushDetail, Report, Status};
use crate::ops::mirror::{self, Scope};
use crate::ops::push::Pushed;
use crate::ops::{Backups, Relater};
use crate::remote_set::Member;
use crate::report;
use crate::report::mirror::MirrorView;
use crate::runner::Job;
use crate::session::{Session, Watch};

/// Make the other remotes exact copies of one (branches, tags, configured ref namespaces)
#[derive(Debug, Args)]
pub struct MirrorArgs {
    /// Remotes to make copies of the source (default: every other enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// The remote to copy (default: multi.primary)
    #[arg(long, value_name = "REMOTE")]
    pub from: Option<String>,
    /// Also delete branches, tags and namespace refs the source does not have (each saved first)
    #[arg(long)]
    pub prune: bool,
    /// With --prune: mirror even a source that has no branch at all, deleting every branch on the targets
    /// (each saved first); without it such a prune is refused
    #[arg(long)]
    pub force: bool,
    /// Say per remote what would be created, updated, forced and deleted; change nothing (nothing is fetched)
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Work only on the members of this remote group (git's remotes.<group>; see `git multi group list`)
    #[arg(long, value_name = "GROUP")]
    pub only: Option<String>,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// List every ref pushed to a remote (beyond 10 they are counted: "1,000 refs updated")
    #[arg(short, long)]
    pub verbose: bool,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &MirrorArgs) -> Result<Exit> {
    crate::report::set_verbose(args.verbose);
    let set = ctx.remote_set()?;
    let Some(source_name) = args.from.clone().or_else(|| set.settings.primary.clone()) else {
        return Err(Error::usage("no remote to mirror from").hint(format!(
            "name one with `--from <remote>`, or set the primary once with `git multi primary <remote>` ({})",
            config::PRIMARY
        )));
    };
    let source = set
        .member(&source_name)
        .ok_or_else(|| set.unknown_error(&[&source_name]))?;
    if args.remotes.contains(&source.name) {
        return Err(
            Error::usage(format!("`{}` is the source of the mirror", source.name)).hint(
                "name only the remotes to overwrite, or pick another source with `--from <remote>`",
            ),
        );
    }
    let targets: Vec<&Member> = set
        .select_only(&args.remotes, args.only.as_deref())?
        .into_iter()
        .filter(|m| m.name != source.name)
        .collect();
    if targets.is_empty() {
        return Err(Error::usage(format!(
            "nothing to mirror to: `{}` is the only enabled member",
            source.name
        ))
        .hint("add another with `git multi remote add <name> <url>`"));
    }
    let scope = Scope::new(&set.settings.namespaces);
    let everyone: Vec<&Member> = std::iter::once(source)
        .chain(targets.iter().copied())
        .collect();
    let fanout = ctx.fan_out(
        &set,
        args.parallel.get(),
        &everyone,
        config::DEFAULT_TIMEOUT,
        Watch::Live,
    );

    // 1. The source: read (and fetched, unless this is a dry run) before any target is touched.
    let job = Job::new(source, fanout.budget, fanout.sink.as_ref());
    let read = if args.dry_run {
        mirror::look_at_source(&job, &ctx.git, &scope)
    } else {
        mirror::fetch_source(&job, &ctx.git, &scope)
    };
    let source_state = match read {
        Ok(state) => state,
        Err(err) => {
            fanout.finish();
            let failed = job.failure(&err, ());
            let error = Error::failed(format!(
                "could not read the mirror source `{}`: {}",
                source.name,
                failed.error.as_deref().unwrap_or_default()
            ));
            let error = match report::hint_for(&failed) {
                Some(hint) => error.hint(hint),
                None => error,
            };
            return Err(error.hint("nothing was mirrored"));
        }
    };
    fanout.sink.event(&Event::Finished {
        remote: source.name.clone(),
        status: Status::Ok,
    });
    let relater = Relater::new(&ctx.git);
    let empties_targets = args.prune && source_state.branches() == 0;
    if empties_targets && !args.force && !args.dry_run {
        // Every target is read and planned first; nothing is changed anywhere unless no target would lose a ref.
        let doomed: Mutex<BTreeMap<String, Vec<String>>> = Mutex::new(BTreeMap::new());
        let read = fanout.run(&targets, |job| match mirror::read(job, &ctx.git, &scope) {
            Ok((there, _)) => {
                let plan = mirror::plan(&relater, &source_state.refs, &there, true);
                let deleted = plan.deleted();
                if !deleted.is_empty() {
                    doomed
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(job.name().to_string(), deleted);
                }
                Outcome::new(job.name(), Status::Ok, job.elapsed(), ())
            }
            Err(err) => job.failure(&err, ()),
        });
        fanout.finish();
        let doomed = doomed.into_inner().unwrap_or_else(|e| e.into_inner());
        let unread: Vec<&str> = read
            .iter()
            .filter(|o| o.status.is_failure())
            .map(|o| o.name.as_str())
            .collect();
        if !doomed.is_empty() {
            return Err(report::mirror::refused_empty_source(
                &source_state,
                &targets.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(),
                &args.remotes,
                &doomed,
                &unread,
            ));
        }
    } else if empties_targets && args.dry_run && !args.force {
        report::mirror::warn_empty_source(&source_state);
    }

    // 2. Every target at once, each within its own deadline.
    let backups = Backups::new();
    let kept: Mutex<BTreeMap<String, Vec<String>>> = Mutex::new(BTreeMap::new());
    let spared: Mutex<BTreeMap<String, Vec<String>>> = Mutex::new(BTreeMap::new());
    let outcomes = fanout.run(&targets, |job| {
        let (there, retries) = match mirror::read(job, &ctx.git, &scope) {
            Ok(read) => read,
            Err(err) => return job.failure(&err, PushDetail::default()),
        };
        let plan = mirror::plan(&relater, &source_state.refs, &there, args.prune);
        if empties_targets && !args.force && !args.dry_run && !plan.deleted().is_empty() {
            // Read after the check above found nothing to delete here (it could not be read then, or gained
            // refs since): still never emptied without `--force`.
            return report::mirror::refused_target(job, &plan.deleted());
        }
        if !plan.kept.is_empty() {
            kept.lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(job.name().to_string(), plan.kept.clone());
        }
        let result = if plan.changes.is_empty() {
            Ok(Pushed::default())
        } else if args.dry_run {
            Ok(mirror::preview(&plan))
        } else {
            mirror::apply(
                job,
                &ctx.git,
                &source_state,
                &plan,
                &there,
                &backups,
                &relater,
            )
            .map(|mut pushed| {
                let current = mirror::spare_current_branch(&mut pushed);
                if !current.is_empty() {
                    spared
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(job.name().to_string(), current);
                }
                pushed
            })
        };
        let mut outcome =
            crate::ops::pushed::outcome(job, result, args.dry_run && !plan.changes.is_empty());
        outcome.detail.retries += retries;
        outcome
    });
    fanout.finish();
    let report = Report::new(outcomes);
    crate::audit::record(&ctx.git, "mirror", &report);
    let kept = kept.into_inner().unwrap_or_else(|e| e.into_inner());
    let spared = spared.into_inner().unwrap_or_else(|e| e.into_inner());
    report::mirror::show(
        &MirrorView {
            source: &source_state,
            fetched: !args.dry_run,
            dry_run: args.dry_run,
            prune: args.prune,
            report: &report,
            kept: &kept,
            spared: &spared,
        },
        args.json,
    );
    Ok(report.exit())
}
