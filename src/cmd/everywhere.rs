//! What `branch` and `tag` share (not a command itself): listing one kind of ref on every remote with one
//! parallel ls-remote each, publishing one ref everywhere without moving anything a remote already has, and
//! deleting one everywhere under a lease on the tip just read, saved first.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use clap::Args;

use crate::cmd::common::ParallelArgs;
use crate::config;
use crate::error::{exit_code, Error, Exit, ExitFacts, Result};
use crate::git::{refname, GitError};
use crate::model::{Outcome, Report, Status};
use crate::ops::publish::{self, Guard};
use crate::ops::push::{self, Force, Outgoing, PushRequest};
use crate::ops::{relate, Backups, Relater, Snapshot};
use crate::remote_set::{Member, RemoteSet};
use crate::report;
use crate::report::publish::{Kind, ListView, Listed, LocalAction, LocalStep};
use crate::runner::FanOut;
use crate::session::{Parallel, Session, Watch};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Remotes to read (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    #[command(flatten)]
    pub parallel: ParallelArgs,
    /// Print one JSON document instead of a matrix
    #[arg(long)]
    pub json: bool,
}

/// How a create or delete runs on the remotes, checked before anything is changed.
pub struct Run {
    pub jobs: Option<usize>,
    pub budget: Duration,
    pub json: bool,
}

impl Run {
    /// `-j`, `--timeout` (a bad value is a usage error before any change) and `--json`.
    pub fn new(set: &RemoteSet, parallel: &ParallelArgs, json: bool) -> Result<Run> {
        Ok(Run {
            jobs: parallel.jobs,
            budget: parallel.timeout(&set.settings, config::DEFAULT_TIMEOUT)?,
            json,
        })
    }

    /// A fan-out over `members` with this run's `-j` and budget (probes and single-ref pushes: the probe
    /// default when nothing is configured).
    fn fan_out(
        &self,
        ctx: &Session,
        set: &RemoteSet,
        members: &[&Member],
        watch: Watch,
    ) -> FanOut<'static> {
        let parallel = Parallel {
            jobs: self.jobs,
            timeout: Some(self.budget),
        };
        ctx.fan_out(set, parallel, members, config::DEFAULT_PROBE_TIMEOUT, watch)
    }
}

/// The set, then `-j`/`--timeout`, then `name` checked against git's rules for `kind`: everything a create or
/// delete refuses is refused before anything changes (a set without enabled members first).
pub fn prepare(
    ctx: &Session,
    kind: Kind,
    name: &str,
    parallel: &ParallelArgs,
    json: bool,
) -> Result<(RemoteSet, Run)> {
    let set = ctx.remote_set()?;
    set.select(&[])?;
    let run = Run::new(&set, parallel, json)?;
    let valid = match kind {
        Kind::Branch => ctx.git.is_valid_branch_name(name)?,
        Kind::Tag => ctx.git.is_valid_tag_name(name)?,
    };
    if !valid {
        return Err(match kind {
            Kind::Branch => Error::usage(format!("`{name}` is not a valid branch name")).hint(
                "branch names follow git's rules; `git check-ref-format --branch <name>` checks one",
            ),
            Kind::Tag => Error::usage(format!("`{name}` is not a valid tag name")).hint(
                "tag names follow git's rules; `git check-ref-format refs/tags/<name>` checks one",
            ),
        });
    }
    Ok((set, run))
}

/// The commit `spec` names (a branch, tag or commit), `None` without one; `hint` says what to give instead.
pub fn commit_of(ctx: &Session, spec: Option<&str>, hint: &str) -> Result<Option<String>> {
    let Some(spec) = spec else {
        return Ok(None);
    };
    let oid = ctx.git.rev_parse(&format!("{spec}^{{commit}}"))?;
    oid.map(Some).ok_or_else(|| {
        Error::usage(format!("`{spec}` does not name a commit")).hint(hint.to_string())
    })
}

/// The local step of a create: the ref was there (at `oid`), or was just made (`note` says how).
pub fn local_step(
    ctx: &Session,
    name: &str,
    existed: Option<String>,
    note: Option<String>,
) -> Result<LocalStep> {
    Ok(match existed {
        Some(oid) => LocalStep {
            action: LocalAction::Existed,
            oid: Some(oid),
            note: None,
        },
        None => LocalStep {
            action: LocalAction::Created,
            oid: ctx.git.rev_parse(name)?,
            note,
        },
    })
}

fn prefix(kind: Kind) -> &'static str {
    match kind {
        Kind::Branch => refname::HEADS,
        Kind::Tag => refname::TAGS,
    }
}

/// Every local ref of `kind`, `name -> oid`.
pub fn local_refs(ctx: &Session, kind: Kind) -> Result<BTreeMap<String, String>> {
    let prefix = prefix(kind);
    Ok(Snapshot::take(&ctx.git, &[prefix.to_string()])?
        .under(prefix)
        .map(|(n, o)| (n.to_string(), o.to_string()))
        .collect())
}

/// The ref × remote matrix of `kind`, each remote's copy compared with the local one.
pub fn list(ctx: &Session, kind: Kind, args: &ListArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.remotes)?;
    let _budget = args
        .parallel
        .timeout(&set.settings, config::DEFAULT_PROBE_TIMEOUT)?;
    let local = local_refs(ctx, kind)?;
    let fanout = ctx.fan_out(
        &set,
        args.parallel.get(),
        &members,
        config::DEFAULT_PROBE_TIMEOUT,
        Watch::Nobody,
    );
    let answered: Mutex<BTreeMap<String, BTreeMap<String, String>>> = Mutex::new(BTreeMap::new());
    let outcomes = fanout.run(&members, |job| {
        match publish::read(job, &ctx.git, prefix(kind)) {
            Ok((refs, retries)) => {
                let outcome = Outcome::new(
                    job.name(),
                    Status::Ok,
                    job.elapsed(),
                    Listed {
                        refs: refs.len(),
                        retries,
                    },
                );
                answered
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(job.name().to_string(), refs);
                outcome
            }
            Err(err) => job.failure(&err, Listed::default()),
        }
    });
    let answered = answered.into_inner().unwrap_or_else(|e| e.into_inner());
    let relater = Relater::new(&ctx.git);
    let mut entries = Vec::new();
    for member in &members {
        let Some(theirs) = answered.get(&member.name) else {
            continue;
        };
        match kind {
            Kind::Branch => entries.extend(relate::compare(
                &relater,
                &member.name,
                &local,
                theirs,
                |_| false,
            )?),
            Kind::Tag => entries.extend(publish::compare_tips(&member.name, &local, theirs)),
        }
    }
    let reached = Report::new(outcomes);
    let view = ListView {
        kind,
        reached: &reached,
        local: &local,
        entries: &entries,
    };
    if args.json {
        report::publish::list_json(&view);
    } else {
        report::publish::list_table(&view);
    }
    Ok(reached.exit())
}

/// Before `name` is made here: the remotes that already have it with another target than `oid` (`None`: any
/// copy is another target, as for an annotated tag not written yet), `(remote, their tip)` in the configured
/// order. One ls-remote each; a remote that does not answer is left for the push to report.
pub fn taken_elsewhere(
    ctx: &Session,
    set: &RemoteSet,
    name: &str,
    oid: Option<&str>,
    run: &Run,
) -> Result<Vec<(String, String)>> {
    let members = set.select(&[])?;
    let fanout = run.fan_out(ctx, set, &members, Watch::Nobody);
    let found: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());
    fanout.run(&members, |job| {
        let read = job
            .git(|left, _| ctx.git.ls_remote_refs(job.name(), &[name], Some(left)))
            .result;
        if let Some(theirs) = read.ok().and_then(|refs| refs.get(name).cloned()) {
            if Some(theirs.as_str()) != oid {
                found
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(job.name().to_string(), theirs);
            }
        }
        Outcome::new(job.name(), Status::Ok, job.elapsed(), ())
    });
    let mut found = found.into_inner().unwrap_or_else(|e| e.into_inner());
    Ok(members
        .iter()
        .filter_map(|m| found.remove_entry(&m.name))
        .collect())
}

/// Pushes the local ref `name` (at `local`'s tip) to every enabled member, creating it where it is missing and
/// refusing (as already existing) wherever a copy with another target is there.
pub fn publish(
    ctx: &Session,
    set: &RemoteSet,
    kind: Kind,
    name: &str,
    local: &LocalStep,
    run: &Run,
) -> Result<Exit> {
    let oid = local.oid.as_deref().unwrap_or_default();
    let report = push_everywhere(
        ctx,
        set,
        &format!("{} create", kind.word()),
        Outgoing::same(name, oid),
        Force::CreateOnly,
        run,
        |job, request| report::publish::created(job, kind, push::push(job, &ctx.git, request)),
    )?;
    report::publish::step(kind, name, local, &report, report.ok, run.json);
    Ok(report.exit())
}

/// One push of `outgoing` (forced as `force` says) to every enabled member with progress, `each` doing one
/// member's part; recorded in the audit log as `command` (`tag create`).
fn push_everywhere(
    ctx: &Session,
    set: &RemoteSet,
    command: &str,
    outgoing: Outgoing,
    force: Force,
    run: &Run,
    each: impl Fn(&crate::runner::Job, &PushRequest) -> Outcome<crate::model::PushDetail> + Sync,
) -> Result<Report<crate::model::PushDetail>> {
    let members = set.select(&[])?;
    let outgoing = [outgoing];
    let tracking = Snapshot::take(
        &ctx.git,
        &push::tracking_patterns(members.iter().map(|m| m.name.as_str()), &outgoing),
    )?;
    let backups = Backups::new();
    let relater = Relater::new(&ctx.git);
    let reason = format!("git multi {command}");
    let request = PushRequest {
        refs: &outgoing,
        force,
        dry_run: false,
        atomic: false,
        tracking: &tracking,
        backups: &backups,
        relater: &relater,
        reason: &reason,
    };
    let fanout = run.fan_out(ctx, set, &members, Watch::Live);
    let outcomes = fanout.run(&members, |job| each(job, &request));
    fanout.finish();
    let report = Report::new(outcomes);
    crate::audit::record(&ctx.git, command, &report);
    Ok(report)
}

/// The local copy of a ref being deleted everywhere, and how to delete it.
pub struct Local<D: FnOnce() -> std::result::Result<(), GitError>> {
    pub oid: Option<String>,
    /// `--keep-local`: only the remotes lose it.
    pub keep: bool,
    pub delete: D,
}

/// Deletes `name` on every enabled member where `guard` allows (each tip saved, the push leased on it), then
/// here, but only once no remote has it any more: a remote that failed keeps the local ref as the reference for
/// running the command again. A local delete that failed counts as a failure for the exit code.
pub fn remove<D: FnOnce() -> std::result::Result<(), GitError>>(
    ctx: &Session,
    set: &RemoteSet,
    kind: Kind,
    name: &str,
    guard: Guard,
    run: &Run,
    local: Local<D>,
) -> Result<Exit> {
    let flags = if local.keep { " --keep-local" } else { "" };
    let report = push_everywhere(
        ctx,
        set,
        &format!("{} delete", kind.word()),
        Outgoing::delete(name),
        Force::Yes,
        run,
        |job, base| {
            let result = publish::delete(job, &ctx.git, name, guard, base);
            report::publish::deleted(job, kind, name, flags, result)
        },
    )?;
    let (local, local_ok) = settle_local(local, report.ok);
    report::publish::step(kind, name, &local, &report, report.ok && local_ok, run.json);
    let facts = report.facts();
    Ok(exit_code(ExitFacts {
        failed: facts.failed + usize::from(!local_ok),
        ..facts
    }))
}

/// The local side of a delete, once the remotes are done; `false` when deleting it failed.
fn settle_local<D: FnOnce() -> std::result::Result<(), GitError>>(
    local: Local<D>,
    remotes_ok: bool,
) -> (LocalStep, bool) {
    let Some(oid) = local.oid else {
        return (
            LocalStep {
                action: LocalAction::Absent,
                oid: None,
                note: None,
            },
            true,
        );
    };
    let step = |action, note: Option<String>| LocalStep {
        action,
        oid: Some(oid.clone()),
        note,
    };
    if local.keep {
        return (step(LocalAction::Kept, Some("--keep-local".into())), true);
    }
    if !remotes_ok {
        let note = "not every remote lost its copy; run the command again once that is fixed";
        return (step(LocalAction::Kept, Some(note.into())), true);
    }
    match (local.delete)() {
        Ok(()) => (step(LocalAction::Deleted, None), true),
        Err(err) => (step(LocalAction::Kept, Some(err.to_string())), false),
    }
}

/// `a, b` for the remotes in `taken`.
pub fn names(taken: &[(String, String)]) -> String {
    taken
        .iter()
        .map(|(remote, _)| remote.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `a 1a2b3c4, b 5d6e7f8` for the remotes' tips in `taken`.
pub fn tips(taken: &[(String, String)]) -> String {
    taken
        .iter()
        .map(|(remote, tip)| format!("{remote} {}", &tip[..tip.len().min(7)]))
        .collect::<Vec<_>>()
        .join(", ")
}
