//! `git multi tag list|create|delete`: one tag on every remote. `create` makes the tag here with git's own
//! `git tag` (lightweight, annotated with `-m`, signed with `-s`) when it is missing, then pushes it everywhere;
//! a remote that has the tag with another target is reported as such, never overwritten. `delete` removes it
//! everywhere (each remote's copy saved and leased on) and then here.

use clap::Args;

use crate::cmd::common::RunArgs;
use crate::cmd::everywhere::{self, Local};
use crate::error::{Error, Exit, Result};
use crate::model::publish::Kind;
use crate::ops::publish::Guard;
use crate::session::Session;

/// Create a tag here (when missing) and on every remote; a remote's tag with another target is reported,
/// never moved
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The tag name
    pub name: String,
    /// What a new tag points at (default: HEAD); an existing tag must already point there
    pub commit: Option<String>,
    /// Make an annotated tag with this message
    #[arg(short, long, value_name = "MSG")]
    pub message: Option<String>,
    /// Make a GPG-signed tag (git's `tag -s`; needs -m)
    #[arg(short, long, requires = "message")]
    pub sign: bool,
    #[command(flatten)]
    pub how: RunArgs,
}

/// Delete a tag on every remote (each copy saved under refs/multi/backup/ first), then here
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The tag name
    pub name: String,
    /// Delete it on the remotes only
    #[arg(long)]
    pub keep_local: bool,
    #[command(flatten)]
    pub how: RunArgs,
}

/// Tags on every remote
#[derive(Debug, clap::Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum TagCommand {
    /// Show every tag on every remote (tag × remote, compared with the local tag)
    #[command(visible_alias = "ls")]
    List(everywhere::ListArgs),
    Create(CreateArgs),
    Delete(DeleteArgs),
}

pub fn run(ctx: &Session, command: &TagCommand) -> Result<Exit> {
    match command {
        TagCommand::List(args) => everywhere::list(ctx, Kind::Tag, args),
        TagCommand::Create(args) => create(ctx, args),
        TagCommand::Delete(args) => delete(ctx, args),
    }
}

fn create(ctx: &Session, args: &CreateArgs) -> Result<Exit> {
    let (set, run, full) = everywhere::start(ctx, Kind::Tag, &args.name, &args.how)?;
    let name = &args.name;
    let target = everywhere::commit_of(
        ctx,
        args.commit.as_deref(),
        "tag a branch, tag or commit; `git log -1 <commit>` shows what it names",
    )?;
    let exists_hint = format!(
        "publish it as it is with `git multi tag create {q_name}`, or remove it everywhere first with `git multi tag delete {q_name}`", q_name = crate::quote::word(name));
    let existed = ctx.git.rev_parse(&full)?;
    // How it was made: the note its local step carries.
    let note = match &existed {
        Some(_) => {
            if args.message.is_some() {
                return Err(
                    Error::usage(format!("tag `{name}` already exists here")).hint(exists_hint)
                );
            }
            let peeled = ctx.git.rev_parse(&format!("{full}^{{commit}}"))?;
            if let Some(target) = target.as_ref().filter(|t| peeled.as_ref() != Some(*t)) {
                return Err(Error::usage(format!(
                    "tag `{name}` already exists here and does not point at {}",
                    &target[..7]
                ))
                .hint(exists_hint));
            }
            None
        }
        None => {
            if target.is_none() && ctx.git.rev_parse("HEAD")?.is_none() {
                return Err(Error::usage("there is no commit to tag").hint(
                    "make a first commit, or name one: `git multi tag create <name> <commit>`",
                ));
            }
            // Read the remotes first: a copy elsewhere with another target would refuse the push, leaving a tag
            // made here for nothing. A new annotated tag is a new object: any copy there differs from it.
            let at = match (&args.message, &target) {
                (Some(_), _) => None,
                (None, Some(target)) => Some(target.clone()),
                (None, None) => ctx.git.rev_parse("HEAD")?,
            };
            let taken = everywhere::taken_elsewhere(ctx, &set, &full, at.as_deref(), &run)?;
            if let Some((remote, _)) = taken.first() {
                return Err(Error::failed(format!(
                    "tag `{name}` already exists on {} with another target ({}); nothing was created",
                    everywhere::names(&taken),
                    everywhere::tips(&taken)
                ))
                .hint(format!(
                    "`git ls-remote {q_remote} {q_full}` shows theirs; `git multi tag delete {q_name}` removes their copies (each saved under refs/multi/backup/) so it can be created", q_remote = crate::quote::word(remote), q_full = crate::quote::word(&full), q_name = crate::quote::word(name))));
            }
            ctx.git
                .tag_create(name, args.commit.as_deref(), args.message.as_deref(), args.sign)
                .map_err(|err| {
                    Error::failed(format!("could not create tag `{name}`: {err}"))
                        .hint("nothing was pushed; `git tag` with the same arguments shows git's own message")
                })?;
            match (args.sign, args.message.is_some()) {
                (true, _) => Some("signed".into()),
                (false, true) => Some("annotated".into()),
                _ => None,
            }
        }
    };
    let local = everywhere::local_step(ctx, &full, existed, note)?;
    everywhere::publish(ctx, &set, Kind::Tag, &full, &local, &run)
}

fn delete(ctx: &Session, args: &DeleteArgs) -> Result<Exit> {
    let (set, run, full) = everywhere::start(ctx, Kind::Tag, &args.name, &args.how)?;
    let name = &args.name;
    let local = Local {
        oid: ctx.git.rev_parse(&full)?,
        keep: args.keep_local,
        delete: || ctx.git.tag_delete(name),
    };
    everywhere::remove(ctx, &set, Kind::Tag, &full, Guard::Always, &run, local)
}
