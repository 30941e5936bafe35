//! `git multi refs add|list|remove`: the ref namespaces (`multi.refs`) that push, fetch, status, conflicts
//! and sync carry to and from every remote beside branches, each with how diverged copies are merged.

use clap::{Args, Subcommand};

use crate::cmd::common::JsonArgs;
use crate::config::{self, MergeMode};
use crate::error::{Error, Exit, Result};
use crate::ops::namespaces;
use crate::remote_set::RemoteSet;
use crate::report;
use crate::session::Session;

/// Ref namespaces carried to and from every remote beside branches (multi.refs)
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum RefsCommand {
    Add(AddArgs),
    /// Show the configured ref namespaces
    #[command(visible_alias = "ls")]
    List(JsonArgs),
    #[command(visible_alias = "rm")]
    Remove(RemoveArgs),
}

/// Carry a ref namespace (e.g. refs/git-mile/*) to and from every remote
#[derive(Debug, Args)]
pub struct AddArgs {
    /// A ref glob with one `*` (`refs/git-mile/*`, `refs/notes/*`) or one exact ref (`refs/notes/commits`)
    pub pattern: String,
    /// How diverged copies of a ref are brought together: a merge commit over every copy (union), only
    /// fast-forwards (ff-only), or the primary's copy (theirs)
    #[arg(long, value_enum, default_value = "union")]
    pub merge: MergeMode,
}

/// Stop carrying a ref namespace (refs already pushed or fetched stay where they are)
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The pattern as `git multi refs list` shows it
    pub pattern: String,
}

pub fn run(ctx: &Session, command: &RefsCommand) -> Result<Exit> {
    match command {
        RefsCommand::Add(args) => add(ctx, args),
        RefsCommand::List(args) => list(ctx, args),
        RefsCommand::Remove(args) => remove(ctx, args),
    }
}

fn add(ctx: &Session, args: &AddArgs) -> Result<Exit> {
    let namespace = namespaces::checked(&args.pattern, args.merge)?;
    let set_before = ctx.remote_set()?;
    let settings = &set_before.settings;
    let before = settings
        .namespaces
        .iter()
        .find(|n| n.pattern == namespace.pattern);
    if before == Some(&namespace) {
        report::refs::unchanged(&namespace);
        return Ok(Exit::Success);
    }
    // Two namespaces sharing refs would give those refs two merge modes, the first configured silently winning.
    if let Some(existing) = settings
        .namespaces
        .iter()
        .find(|n| n.pattern != namespace.pattern && n.overlaps_with(&namespace))
    {
        return Err(Error::usage(config::overlap_problem(&namespace, existing)).hint(format!(
            "`{0}` carries those refs already: give them another mode with `git multi refs add '{0}' --merge <mode>`, or remove it first with `git multi refs remove '{0}'`",
            existing.pattern
        )));
    }
    // Any earlier line for the same pattern goes first, so one pattern has one merge mode.
    for value in namespaces::stored_values(&ctx.git, &namespace.pattern)? {
        ctx.git.config_unset_value(config::REFS, &value)?;
    }
    ctx.git.config_add(config::REFS, &namespace.value())?;
    crate::audit::record_set(&ctx.git, "refs add", &set_before);
    report::refs::added(&namespace, before.map(|n| n.merge));
    Ok(Exit::Success)
}

fn list(ctx: &Session, args: &JsonArgs) -> Result<Exit> {
    let settings = ctx.remote_set()?.settings;
    report::refs::list(&settings.namespaces, args.json);
    Ok(Exit::Success)
}

/// Works from the raw values, without building the set: it is how a bad or overlapping value found in the
/// configuration (which stops every other command) gets removed.
fn remove(ctx: &Session, args: &RemoveArgs) -> Result<Exit> {
    if !namespaces::configured_anywhere(&ctx.git, &args.pattern)? {
        return Err(Error::usage(format!(
            "`{}` is not a configured ref namespace",
            args.pattern
        ))
        .hint("`git multi refs list` shows the configured ones"));
    }
    let values = namespaces::stored_values(&ctx.git, &args.pattern)?;
    if values.is_empty() {
        return Err(Error::usage(format!(
            "`{}` is configured outside this repository",
            args.pattern
        ))
        .hint(format!(
            "remove it where it is set, e.g. `git config --global --unset-all {} '^{}'`",
            config::REFS,
            args.pattern
        )));
    }
    let set_before = RemoteSet::load(&ctx.git).ok();
    for value in values {
        ctx.git.config_unset_value(config::REFS, &value)?;
    }
    if let Some(set_before) = set_before {
        crate::audit::record_set(&ctx.git, "refs remove", &set_before);
    }
    report::refs::removed(&args.pattern);
    Ok(Exit::Success)
}
