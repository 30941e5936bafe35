//! `git multi push`: push branches (and tags, and the configured ref namespaces) to every remote of the set in
//! parallel, one outcome per remote.

use clap::Args;

use crate::cmd::common::{self, PushingArgs};
use crate::config;
use crate::error::{Exit, Result};
use crate::git::RecurseSubmodules;
use crate::model::Report;
use crate::ops::push::Force;
use crate::ops::run::{Named, PushHow, PushRun};
use crate::report;
use crate::session::Session;

/// Push to every remote of the set at once
#[derive(Debug, Args)]
pub struct PushArgs {
    /// Remotes to push to (default: every enabled member; `all` means the same)
    #[arg(value_name = "REMOTE")]
    pub remotes: Vec<String>,
    /// Branch to push to the branch of the same name (repeatable; default: the current branch); also a full
    /// ref name (`refs/git-mile/tasks/T1`) or a ref glob (`refs/git-mile/*`)
    #[arg(short, long = "branch", value_name = "BRANCH")]
    pub branches: Vec<String>,
    /// Push every local branch
    #[arg(long, conflicts_with = "branches")]
    pub all: bool,
    /// Push every tag as well
    #[arg(long)]
    pub tags: bool,
    /// Do everything except send the updates
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Overwrite the named refs even when that loses commits (old tips are saved under refs/multi/backup/);
    /// configured namespaces still go along, never forced
    #[arg(short, long, conflicts_with = "force_with_lease")]
    pub force: bool,
    /// Overwrite only where each remote still has what its tracking ref (refs/remotes/<remote>/…) says
    #[arg(long)]
    pub force_with_lease: bool,
    /// All refs of a remote are updated, or none (per remote)
    #[arg(long)]
    pub atomic: bool,
    /// Submodule commits the pushed commits need: `check` that each submodule's remote has them, or push them
    /// there first (`on-demand`); passed to every `git push`
    #[arg(long, value_enum, value_name = "HOW")]
    pub recurse_submodules: Option<RecurseSubmodules>,
    #[command(flatten)]
    pub pushing: PushingArgs,
}

pub fn run(ctx: &Session, args: &PushArgs) -> Result<Exit> {
    crate::report::set_verbose(args.pushing.verbose);
    let set = ctx.remote_set()?;
    let members = set.select_only(&args.remotes, args.pushing.fan_out.only.as_deref())?;
    let named = Named {
        names: &args.branches,
        all: args.all,
        tags: args.tags,
    };
    let how = PushHow {
        force: if args.force {
            Force::Yes
        } else if args.force_with_lease {
            Force::Lease
        } else {
            Force::No
        },
        dry_run: args.dry_run,
        atomic: args.atomic,
        recurse_submodules: args.recurse_submodules,
        ..PushHow::default()
    };
    // Configured namespaces go along with every push, forced or not, but are never forced themselves (nor part
    // of an atomic push): --force and --force-with-lease overwrite only what was named, and a namespace ref a
    // remote has newer commits of is left for `git multi sync` to bring together.
    let run = PushRun::prepare_named(&ctx.git, &members, named, &set.settings.namespaces, how)?;
    let outcomes = common::each(
        ctx,
        &set,
        &members,
        &args.pushing.fan_out.parallel,
        config::DEFAULT_TIMEOUT,
        |job| run.push(job),
    );
    let report = Report::new(outcomes);
    crate::audit::record(&ctx.git, "push", &report);
    let exit = report::push::finish(&report, args.pushing.json);
    let everyone = set.members.iter().filter(|m| m.in_group()).count();
    if members.len() < everyone && !args.dry_run && args.pushing.fan_out.only.is_none() {
        report::advice::pushed_to_subset(members.len(), everyone);
    }
    Ok(exit)
}
