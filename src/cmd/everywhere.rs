//! What `branch` and `tag` share (not a command itself): their list arguments, and the create / delete steps
//! they compose, each calling the operation in [`crate::ops::everywhere`] / [`crate::ops::everywhere_push`] and
//! rendering its result through [`crate::report::publish`].

use clap::Args;

use crate::cmd::common::{ParallelArgs, RunArgs};
use crate::error::{exit_code, Exit, ExitFacts, Result};
use crate::git::refname;
use crate::git::GitError;
use crate::model::publish::{Kind, LocalStep};
use crate::ops::everywhere as ops;
use crate::ops::everywhere_push::{Deleting, Everywhere};
use crate::ops::publish::Guard;
use crate::remote_set::RemoteSet;
use crate::report::publish::{self as show, ListView};
use crate::session::Session;

pub use crate::ops::everywhere::{commit_of, local_step, taken_elsewhere, Run};
pub use crate::ops::everywhere_push::Local;

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

/// The set, how the run goes and the full ref name of `name`, all checked before anything is changed.
pub fn start(
    ctx: &Session,
    kind: Kind,
    name: &str,
    how: &RunArgs,
) -> Result<(RemoteSet, Run, String)> {
    let (set, run) = ops::prepare(ctx, kind, name, how.parallel.get(), how.json)?;
    let full = match kind {
        Kind::Branch => refname::branch(name),
        Kind::Tag => refname::tag(name),
    };
    Ok((set, run, full))
}

/// The ref × remote matrix of `kind`, each remote's copy compared with the local one.
pub fn list(ctx: &Session, kind: Kind, args: &ListArgs) -> Result<Exit> {
    let listing = ops::list(ctx, kind, &args.remotes, args.parallel.get())?;
    let view = ListView {
        kind,
        reached: &listing.reached,
        local: &listing.local,
        entries: &listing.entries,
    };
    show::list(&view, args.json);
    Ok(listing.reached.exit())
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
    let on = Everywhere { ctx, set, run };
    let report = on.publish(kind, name, local)?;
    show::step(kind, name, local, &report, report.ok, run.json);
    Ok(report.exit())
}

/// Deletes `name` on every enabled member where `guard` allows, then here once no remote has it; a local
/// delete that failed counts as a failure for the exit code.
pub fn remove<D: FnOnce() -> std::result::Result<(), GitError>>(
    ctx: &Session,
    set: &RemoteSet,
    kind: Kind,
    name: &str,
    guard: Guard,
    run: &Run,
    local: Local<D>,
) -> Result<Exit> {
    let what = Deleting { kind, name, guard };
    let removed = Everywhere { ctx, set, run }.remove(what, local)?;
    let (report, local_ok) = (&removed.report, removed.local_ok);
    show::step(
        kind,
        name,
        &removed.local,
        report,
        report.ok && local_ok,
        run.json,
    );
    let facts = report.facts();
    Ok(exit_code(ExitFacts {
        failed: facts.failed + usize::from(!local_ok),
        ..facts
    }))
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
        .map(|(remote, tip)| format!("{remote} {}", crate::git::short_oid(tip)))
        .collect::<Vec<_>>()
        .join(", ")
}
