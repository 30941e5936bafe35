//! `git multi mirror`: make every other remote an exact copy of one (branches, tags and the configured ref
//! namespaces). Picks the source and the targets, runs the operation `ops::mirror`, renders what it did.

use clap::Args;

use crate::cmd::common::PushingArgs;
use crate::error::{Exit, Result};
use crate::ops::mirror::{self, MirrorRequest};
use crate::report;
use crate::session::Session;

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
    #[command(flatten)]
    pub pushing: PushingArgs,
}

pub fn run(ctx: &Session, args: &MirrorArgs) -> Result<Exit> {
    crate::report::set_verbose(args.pushing.verbose);
    let mut set = ctx.remote_set()?;
    set.narrow_to_group(args.pushing.fan_out.only.as_deref())?;
    let request = MirrorRequest {
        from: args.from.as_deref(),
        targets: &args.remotes,
        prune: args.prune,
        force: args.force,
        dry_run: args.dry_run,
        parallel: args.pushing.fan_out.parallel.get(),
    };
    match mirror::mirror(ctx, &set, &request)? {
        Ok(mirrored) => {
            report::mirror::show(&mirrored, args.pushing.json);
            Ok(mirrored.report.exit())
        }
        Err(halt) => Err(report::mirror::halted(&halt, &args.remotes)),
    }
}
