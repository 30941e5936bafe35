//! `git multi branch list|create|delete`: one branch on every remote. `create` makes the branch here with
//! `git branch` when it is missing, then pushes it everywhere without ever moving a remote's existing copy;
//! `delete` removes it everywhere (each remote's tip saved and leased on) and then here, the way
//! `git branch -d` would: only what is already contained elsewhere goes unless `--force`.
//! (`branch protect`, through the host APIs, is in `branch.rs`.)

use clap::Args;

use crate::cmd::common::RunArgs;
use crate::cmd::everywhere::{self, Local};
use crate::error::{Error, Exit, Result};
use crate::model::publish::Kind;
use crate::ops::publish::Guard;
use crate::session::Session;

/// Create a branch here (when missing) and on every remote; a different copy already on a remote is reported,
/// never moved
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The branch name
    pub name: String,
    /// Where a new branch starts (default: HEAD); an existing branch must already be there
    pub start: Option<String>,
    #[command(flatten)]
    pub how: RunArgs,
}

/// Delete a branch on every remote (each tip saved under refs/multi/backup/ first), then here
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The branch name
    pub name: String,
    /// Delete even where a remote's copy has commits the local branch lacks, and a local branch not merged
    /// into HEAD
    #[arg(short, long)]
    pub force: bool,
    /// Delete it on the remotes only
    #[arg(long)]
    pub keep_local: bool,
    #[command(flatten)]
    pub how: RunArgs,
}

/// The branch × remote matrix.
pub fn list(ctx: &Session, args: &everywhere::ListArgs) -> Result<Exit> {
    everywhere::list(ctx, Kind::Branch, args)
}

pub fn create(ctx: &Session, args: &CreateArgs) -> Result<Exit> {
    let (set, run, full) = everywhere::start(ctx, Kind::Branch, &args.name, &args.how)?;
    let name = &args.name;
    let start = everywhere::commit_of(
        ctx,
        args.start.as_deref(),
        "start at a branch, tag or commit; `git log -1 <start>` shows what it names",
    )?;
    let existed = ctx.git.rev_parse(&full)?;
    // How it was made: the note its local step carries.
    let note = match &existed {
        Some(oid) => {
            if let Some(start) = start.as_ref().filter(|s| *s != oid) {
                return Err(Error::usage(format!(
                    "branch `{name}` already exists here at {}, not at {}",
                    &oid[..7],
                    &start[..7]
                ))
                .hint(format!(
                    "publish it as it is with `git multi branch create {q_name}`, or move it first with `git branch -f {q_name} {}`",
                    args.start.as_deref().unwrap_or_default(), q_name = crate::quote::word(name))));
            }
            None
        }
        None => {
            if start.is_none() && ctx.git.rev_parse("HEAD")?.is_none() {
                return Err(
                    Error::usage("there is no commit to start the branch at").hint(
                        "make a first commit, or name a start: `git multi branch create <name> <start>`",
                    ),
                );
            }
            // Read the remotes first: a copy elsewhere at another commit would refuse the push, leaving a
            // branch made here for nothing.
            let at = match &start {
                Some(start) => Some(start.clone()),
                None => ctx.git.rev_parse("HEAD")?,
            };
            let taken = everywhere::taken_elsewhere(ctx, &set, &full, at.as_deref(), &run)?;
            if let Some((remote, _)) = taken.first() {
                return Err(Error::failed(format!(
                    "branch `{name}` already exists on {} at another commit ({}); nothing was created",
                    everywhere::names(&taken),
                    everywhere::tips(&taken)
                ))
                .hint(format!(
                    "take their copy with `git multi fetch {q_remote}` then `git multi branch create {q_name} {q_remote}/{q_name}`, or replace it: `git branch {q_name} {}` then `git multi push --branch {q_name} --force` (their tips are saved under refs/multi/backup/)",
                    args.start.as_deref().unwrap_or("HEAD"), q_remote = crate::quote::word(remote), q_name = crate::quote::word(name))));
            }
            ctx.git.branch_create(name, args.start.as_deref())?;
            args.start.as_ref().map(|s| format!("from {s}"))
        }
    };
    let local = everywhere::local_step(ctx, &full, existed, note)?;
    everywhere::publish(ctx, &set, Kind::Branch, &full, &local, &run)
}

pub fn delete(ctx: &Session, args: &DeleteArgs) -> Result<Exit> {
    let (set, run, full) = everywhere::start(ctx, Kind::Branch, &args.name, &args.how)?;
    let name = &args.name;
    let local = ctx.git.rev_parse(&full)?;
    if let (Some(oid), false) = (&local, args.keep_local) {
        // The same checks as `git branch -d`, made before any remote is touched.
        if ctx.git.current_branch()?.as_deref() == Some(name.as_str()) {
            return Err(
                Error::usage(format!("branch `{name}` is checked out here")).hint(
                    "switch to another branch first (`git switch <branch>`), or delete it on the remotes only with `--keep-local`",
                ),
            );
        }
        let merged = ctx.git.is_ancestor(oid, "HEAD").unwrap_or(false);
        if !args.force && !merged {
            return Err(Error::failed(format!(
                "branch `{name}` is not fully merged into HEAD; nothing was deleted"
            ))
            .hint(format!(
                "merge it first, delete it anyway with `git multi branch delete {q_name} --force`, or delete it on the remotes only with `--keep-local`", q_name = crate::quote::word(name))));
        }
    }
    let guard = if args.force {
        Guard::Always
    } else {
        Guard::ContainedIn(local.as_deref())
    };
    let local = Local {
        oid: local.clone(),
        keep: args.keep_local,
        delete: || ctx.git.branch_delete(name),
    };
    everywhere::remove(ctx, &set, Kind::Branch, &full, guard, &run, local)
}
