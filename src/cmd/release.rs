//! `git multi release create|list|delete`: one release per tag on every host, with its files where each host
//! keeps them. The tag must be on a remote before its host can release it: `--push` pushes it there first;
//! without it that remote stops with a hint. An existing release is updated (only what differs), an asset of
//! the same name is replaced only with `--clobber`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::cmd::common::{self, HostSelection};
use crate::cmd::hosted;
use crate::error::{Exit, Result};
use crate::model::release::{NewRelease, ReleaseDetail};
use crate::model::{Outcome, Report};
use crate::ops::release::{self, given, Request};
use crate::report;
use crate::session::Session;

/// `--on`'s help in this command.
const ON_HELP: &str = "Only these remotes (repeatable; default: every enabled member)";

/// Releases on every host
#[derive(Debug, Subcommand)]
#[command(
    disable_help_subcommand = true,
    mut_subcommands(common::on_help_in(ON_HELP))
)]
pub enum ReleaseCommand {
    Create(CreateArgs),
    /// Show the releases of every host as a tag × host table
    List(HostSelection),
    Delete(DeleteArgs),
}

/// Create (or update) the release of a tag on every host, with its files
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The tag to release; it must be on each remote (see --push)
    pub tag: String,
    /// The release's title (default: the host's, usually the tag)
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Release notes
    #[arg(long, value_name = "TEXT", conflicts_with = "notes_file")]
    pub notes: Option<String>,
    /// Read the release notes from this file (`-` for standard input)
    #[arg(long, value_name = "FILE")]
    pub notes_file: Option<PathBuf>,
    /// Attach this file (repeatable): GitHub assets, GitLab generic packages + release links, Gitea/Forgejo
    /// attachments, Bitbucket Downloads
    #[arg(long = "asset", value_name = "FILE")]
    pub assets: Vec<PathBuf>,
    /// Replace an asset of the same name that is already there (otherwise it is skipped)
    #[arg(long)]
    pub clobber: bool,
    /// Save it as a draft (GitHub, Gitea, Forgejo; GitLab has no drafts and is skipped)
    #[arg(long)]
    pub draft: bool,
    /// Mark it as a pre-release (GitHub, Gitea, Forgejo)
    #[arg(long)]
    pub prerelease: bool,
    /// Push the tag to a remote that lacks it first (otherwise that remote stops with a hint)
    #[arg(long)]
    pub push: bool,
    #[command(flatten)]
    pub hosts: HostSelection,
}

/// Delete the release of a tag on every host (the tag itself stays)
#[derive(Debug, Args)]
pub struct DeleteArgs {
    pub tag: String,
    #[command(flatten)]
    pub hosts: HostSelection,
}

pub fn run(ctx: &Session, command: &ReleaseCommand) -> Result<Exit> {
    match command {
        ReleaseCommand::Create(args) => create(ctx, args),
        ReleaseCommand::List(args) => list(ctx, args),
        ReleaseCommand::Delete(args) => delete(ctx, args),
    }
}

fn create(ctx: &Session, args: &CreateArgs) -> Result<Exit> {
    given::check_tag(&ctx.git, &args.tag)?;
    let new = NewRelease {
        tag: args.tag.clone(),
        title: args.title.clone(),
        notes: given::read_notes(args.notes.as_deref(), args.notes_file.as_deref())?,
        draft: args.draft,
        prerelease: args.prerelease,
    };
    let files = release::read_files(&args.assets)?;
    if args.push {
        given::check_tag_here(&ctx.git, &args.tag)?;
    }
    let request = Request {
        new: &new,
        files: &files,
        push: args.push,
        clobber: args.clobber,
    };
    let set = ctx.remote_set()?;
    let members = set.select(&args.hosts.on)?;
    let budget = crate::config::DEFAULT_TIMEOUT;
    let outcomes = common::each(ctx, &set, &members, &args.hosts.parallel, budget, |job| {
        release::create_one(ctx, job, &request)
    });
    audited(ctx, "release create", outcomes, args.hosts.json)
}

fn list(ctx: &Session, hosts: &HostSelection) -> Result<Exit> {
    let outcomes = hosted::each(ctx, &hosts.on, &hosts.parallel, |job| {
        release::list_one(ctx, job)
    })?;
    let report = Report::new(outcomes);
    report::release::matrix(&report, hosts.json);
    Ok(report.api_exit())
}

fn delete(ctx: &Session, args: &DeleteArgs) -> Result<Exit> {
    given::check_tag(&ctx.git, &args.tag)?;
    let outcomes = hosted::each(ctx, &args.hosts.on, &args.hosts.parallel, |job| {
        release::delete_one(ctx, job, &args.tag)
    })?;
    audited(ctx, "release delete", outcomes, args.hosts.json)
}

/// Logs what `command` changed, shows it, and exits as API commands do.
fn audited(
    ctx: &Session,
    command: &str,
    outcomes: Vec<Outcome<ReleaseDetail>>,
    json: bool,
) -> Result<Exit> {
    let report = Report::new(outcomes);
    crate::audit::Record::new(command)
        .outcomes(&report)
        .write(&ctx.git);
    report::show(&report, json);
    Ok(report.api_exit())
}
