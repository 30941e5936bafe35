//! `git multi resolve <ref>`: make the local repository and every remote agree on one ref: take one side's
//! copy (`--take <remote>|local`), merge every copy (`--merge`), or rebase the local commits onto the remotes'
//! copy (`--rebase`). The operation is `ops::resolve`; this parses, calls it and renders.

pub mod pick;

use clap::{ArgGroup, Args};

use crate::error::{Exit, Result};
use crate::git::refname;
use crate::model::resolve::How;
use crate::ops::primary;
use crate::ops::resolve::{self as ops, ResolveRequest};
use crate::report;
use crate::report::resolve::ResolveDocument;
use crate::session::Session;

/// Make every remote agree on one ref: take a copy, merge them, or rebase onto them
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("how").required(true).args(["take", "merge", "rebase", "interactive"])))]
pub struct ResolveArgs {
    /// The ref: a branch name, `tags/<tag>`, a full ref name (`refs/git-mile/tasks/T1`) or HEAD; a short name
    /// is read as git reads it, and one naming two refs here is refused
    #[arg(
        value_name = "REF",
        required_unless_present = "interactive",
        default_value = ""
    )]
    pub name: String,
    /// Give every side this copy: a remote's name, `local` for the local repository's, or `primary` for the
    /// primary member's (multi.primary)
    #[arg(long, value_name = "REMOTE|local|primary")]
    pub take: Option<String>,
    /// Ask on the terminal, for every conflicted ref (or the one named): local, a remote's copy, merge, or skip
    #[arg(short, long)]
    pub interactive: bool,
    /// Merge every copy (the checked-out branch in the work tree; other refs without one, as a union)
    #[arg(long)]
    pub merge: bool,
    /// Rebase the local commits onto the remotes' copy (checked-out branch only)
    #[arg(long)]
    pub rebase: bool,
    /// Fetch and work out the result, push nothing and change no local ref
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub parallel: crate::cmd::common::ParallelArgs,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &ResolveArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let request = ResolveRequest {
        asked: &args.name,
        how: how(args, &set)?,
        dry_run: args.dry_run,
        parallel: args.parallel.get(),
    };
    let resolved = ops::resolve(ctx, &set, &request)?;
    report::resolve::show(&ResolveDocument::of(&resolved), args.json);
    Ok(resolved.report.exit())
}

fn how(args: &ResolveArgs, set: &crate::remote_set::RemoteSet) -> Result<How> {
    Ok(match &args.take {
        Some(side) if side == refname::LOCAL => How::TakeLocal,
        Some(side) if side == primary::TAKE_PRIMARY && set.member(side).is_none() => {
            How::Take(primary::take_primary(set)?)
        }
        Some(remote) => How::Take(remote.clone()),
        None if args.merge => How::Merge,
        None => How::Rebase,
    })
}
