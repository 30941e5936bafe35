//! One branch or tag pushed to every enabled member at once, for `branch` and `tag`: publishing it without
//! moving anything a remote already has, and deleting it everywhere under a lease on each tip just read (saved
//! first), the local copy going last and only once no remote has it any more.

use crate::error::Result;
use crate::git::GitError;
use crate::model::publish::{Kind, LocalAction, LocalStep};
use crate::model::{Outcome, PushDetail, Report};
use crate::ops::everywhere::Run;
use crate::ops::publish::{self, Guard};
use crate::ops::push::{self, Force, Outgoing, PushRequest};
use crate::ops::{published, Backups, Relater, Snapshot};
use crate::remote_set::RemoteSet;
use crate::runner::Job;
use crate::session::{Session, Watch};

/// A run on every enabled member of `set`, as `run` says (`-j`, budget).
pub struct Everywhere<'a> {
    pub ctx: &'a Session,
    pub set: &'a RemoteSet,
    pub run: &'a Run,
}

impl Everywhere<'_> {
    /// Pushes the local ref `name` (at `local`'s tip) to every enabled member, creating it where it is missing
    /// and refusing (as already existing) wherever a copy with another target is there.
    pub fn publish(&self, kind: Kind, name: &str, local: &LocalStep) -> Result<Report<PushDetail>> {
        let oid = local.oid.as_deref().unwrap_or_default();
        let git = &self.ctx.git;
        push_everywhere(
            self,
            &format!("{} create", kind.word()),
            Outgoing::same(name, oid),
            Force::CreateOnly,
            |job, request| published::created(job, kind, push::push(job, git, request)),
        )
    }

    /// Deletes the ref on every enabled member where the guard allows (each tip saved, the push leased on it),
    /// then here, but only once no remote has it any more: a remote that failed keeps the local ref as the
    /// reference for running the command again.
    pub fn remove<D: FnOnce() -> std::result::Result<(), GitError>>(
        &self,
        what: Deleting,
        local: Local<D>,
    ) -> Result<Removed> {
        let Deleting { kind, name, guard } = what;
        let flags = if local.keep { " --keep-local" } else { "" };
        let git = &self.ctx.git;
        let report = push_everywhere(
            self,
            &format!("{} delete", kind.word()),
            Outgoing::delete(name),
            Force::Yes,
            |job, base| {
                let result = publish::delete(job, git, name, guard, base);
                published::deleted(job, kind, name, flags, result)
            },
        )?;
        let (local, local_ok) = settle_local(local, report.ok);
        Ok(Removed {
            report,
            local,
            local_ok,
        })
    }
}

/// Which ref a delete everywhere removes, and where a remote's copy may go.
#[derive(Debug, Clone, Copy)]
pub struct Deleting<'a> {
    pub kind: Kind,
    pub name: &'a str,
    pub guard: Guard<'a>,
}

/// One push of `outgoing` (forced as `force` says) to every enabled member with progress, `each` doing one
/// member's part; recorded in the audit log as `command` (`tag create`).
fn push_everywhere(
    on: &Everywhere,
    command: &str,
    outgoing: Outgoing,
    force: Force,
    each: impl Fn(&Job, &PushRequest) -> Outcome<PushDetail> + Sync,
) -> Result<Report<PushDetail>> {
    let (ctx, set) = (on.ctx, on.set);
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
    let fanout = on.run.fan_out(ctx, set, &members, Watch::Live);
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

/// What a delete everywhere did: each remote, then the local copy.
pub struct Removed {
    pub report: Report<PushDetail>,
    pub local: LocalStep,
    /// `false` when deleting the local copy failed (a failure for the exit code).
    pub local_ok: bool,
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
