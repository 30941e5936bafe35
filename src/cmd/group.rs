//! `git multi group add|list|remove`: git's own remote groups (`remotes.<group>`, what `git fetch <group>` and
//! `git remote update <group>` read) made of members of the set, for `--only <group>` on the fan-out commands.

use clap::{Args, Subcommand};

use crate::cmd::common::JsonArgs;
use crate::config;
use crate::error::{Error, Exit, Result};
use crate::remote_set::RemoteSet;
use crate::report;
use crate::session::Session;

/// Named subsets of the set: git's remote groups (remotes.<group>), used with --only <group>
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum GroupCommand {
    Add(AddArgs),
    /// Show the remote groups and who is in them
    #[command(visible_alias = "ls")]
    List(JsonArgs),
    #[command(visible_alias = "rm")]
    Remove(RemoveArgs),
}

/// Put members of the set into a group (made when new; adding a member twice changes nothing)
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The group's name (letters, digits and `-`, starting with a letter, as git's config keys); not `multi`
    pub group: String,
    /// Members of the set to put into it
    #[arg(value_name = "REMOTE", required = true)]
    pub remotes: Vec<String>,
}

/// Remove a remote group (its remotes stay members of the set)
#[derive(Debug, Args)]
pub struct RemoveArgs {
    pub group: String,
}

pub fn run(ctx: &Session, command: &GroupCommand) -> Result<Exit> {
    match command {
        GroupCommand::Add(args) => add(ctx, args),
        GroupCommand::List(args) => list(ctx, args),
        GroupCommand::Remove(args) => remove(ctx, args),
    }
}

/// git keeps a group as the variable of `remotes.<group>`: a letter, then letters, digits and `-`; compared
/// without case, so it is stored in lower case as git would.
fn checked_name(set: &RemoteSet, group: &str) -> Result<String> {
    let mut chars = group.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !valid {
        return Err(Error::usage(format!("`{group}` is not a valid group name")).hint(
            "a group is git's config key remotes.<group>: a letter, then letters, digits and `-`",
        ));
    }
    let name = group.to_ascii_lowercase();
    if name == config::GROUP {
        return Err(Error::usage(
            "`multi` is the remote set itself (remotes.multi), changed with `git multi remote add|remove|enable|disable`",
        )
        .hint("pick another name for the group"));
    }
    if name == crate::remote_set::ALL {
        return Err(Error::usage("`all` already means every member of the set")
            .hint("pick another name for the group"));
    }
    // `git fetch <name>` takes a remote before a group of that name: the group would never be fetched as one.
    if set.is_git_remote(group) || set.member(group).is_some() {
        return Err(Error::usage(format!(
            "`{group}` is a remote: git would read `git fetch {group}` as that remote, never as the group"
        ))
        .hint("pick a name no remote has"));
    }
    Ok(name)
}

fn add(ctx: &Session, args: &AddArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let name = checked_name(&set, &args.group)?;
    // Only members: a group is a subset of the set, and `--only` works on members.
    set.select(&args.remotes)?;
    let before = set.remote_group(&name).cloned().unwrap_or_default();
    let mut names = before.clone();
    for remote in &args.remotes {
        if !names.contains(remote) {
            names.push(remote.clone());
        }
    }
    if names != before || before.is_empty() {
        // One value, names separated by spaces: the form git's documentation shows for remotes.<group>.
        let key = format!("remotes.{name}");
        ctx.git.config_unset(&key)?;
        ctx.git.config_set(&key, &names.join(" "))?;
    }
    let added: Vec<&String> = names.iter().filter(|n| !before.contains(n)).collect();
    report::group::added(&name, &added, &names);
    Ok(Exit::Success)
}

fn list(ctx: &Session, args: &JsonArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let groups: Vec<(&str, &[String])> = set
        .groups
        .iter()
        .filter(|(name, _)| name.as_str() != config::GROUP)
        .map(|(name, names)| (name.as_str(), names.as_slice()))
        .collect();
    report::group::list(&groups, args.json);
    Ok(Exit::Success)
}

fn remove(ctx: &Session, args: &RemoveArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let name = args.group.to_ascii_lowercase();
    if name == config::GROUP {
        return Err(Error::usage(
            "`multi` is the remote set itself, not a group `git multi group` manages",
        )
        .hint("remove members with `git multi remote remove <name>`"));
    }
    if set.remote_group(&name).is_none() {
        return Err(
            Error::usage(format!("there is no remote group `{}`", args.group))
                .hint("`git multi group list` shows the groups"),
        );
    }
    ctx.git.config_unset(&format!("remotes.{name}"))?;
    report::group::removed(&name);
    Ok(Exit::Success)
}
