//! `git multi hook install|list|remove`: git hooks that run git-multi in the background after a commit or a
//! merge, or beside a plain `git push <remote>`.

use clap::{Args, Subcommand};

use crate::automation::hooks::{self, Action, HookName};
use crate::cmd::common::JsonArgs;
use crate::error::{Exit, Result};
use crate::report;
use crate::session::Session;

/// Run git multi from git hooks (in the background: git never waits for the network)
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum HookCommand {
    Install(InstallArgs),
    /// Show git-multi's hooks (and any other hook in their place)
    #[command(visible_alias = "ls")]
    List(JsonArgs),
    #[command(visible_alias = "rm")]
    Remove(RemoveArgs),
}

/// Install a hook; one already there is kept as <hook>.git-multi-orig and run first
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// post-commit and post-merge run the action after every commit or merge; pre-push makes a plain
    /// `git push <remote>` push the same branches to every other member too
    #[arg(value_enum)]
    pub hook: HookName,
    /// What the hook runs: `git multi push`, `sync`, `fetch` or `mirror` (pre-push: push only)
    #[arg(long, value_enum, default_value = "push")]
    pub action: Action,
}

/// Remove git-multi's hook and put back, unchanged, the hook it chained
#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[arg(value_enum)]
    pub hook: HookName,
}

pub fn run(ctx: &Session, command: &HookCommand) -> Result<Exit> {
    match command {
        HookCommand::Install(args) => {
            let (dir, state) = hooks::install(&ctx.git, args.hook, args.action)?;
            report::automation::hook_installed(&dir, &state);
        }
        HookCommand::List(args) => {
            let (dir, states) = hooks::list(&ctx.git)?;
            report::automation::hooks(&dir, &states, args.json);
        }
        HookCommand::Remove(args) => {
            let (dir, state) = hooks::remove(&ctx.git, args.hook)?;
            report::automation::hook_removed(&dir, &state);
        }
    }
    Ok(Exit::Success)
}
