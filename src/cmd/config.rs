//! `git multi config list|get|set|unset`: git-multi's documented keys (`config::KEYS`), checked by type
//! before anything is written (`ops::config`). It reads the configuration without building the remote set, so
//! it still works when a bad value stops every other command — it is how that value gets fixed.

use crate::error::{Exit, Result};
use crate::ops;
use crate::report;
use crate::session::Session;
use clap::{Args, Subcommand};

/// Read and change git-multi's settings (multi.* keys), checked before they are written
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum ConfigCommand {
    /// Every documented key with its value, default and meaning
    List(ConfigListArgs),
    /// Print a key's value (exit 1 when it is not set)
    Get(ConfigKeyArgs),
    /// Check and set a key in this repository's .git/config
    Set(ConfigSetArgs),
    /// Remove a key from this repository's .git/config
    Unset(ConfigKeyArgs),
}

#[derive(Debug, Args)]
pub struct ConfigListArgs {
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConfigKeyArgs {
    /// A key such as multi.jobs or multi.<remote>.provider
    pub key: String,
}

#[derive(Debug, Args)]
pub struct ConfigSetArgs {
    /// A key such as multi.jobs or multi.<remote>.provider
    pub key: String,
    /// The new value (checked by the key's type; may start with `-`, so a bad number is explained)
    #[arg(allow_hyphen_values = true)]
    pub value: String,
}

pub fn run(ctx: &Session, command: &ConfigCommand) -> Result<Exit> {
    let entries = ctx.git.config_entries(r"^multi\.")?;
    match command {
        ConfigCommand::List(args) => {
            report::config::list(&ops::config::states(&entries), args.json)
        }
        ConfigCommand::Get(args) => {
            let shown = ops::config::get(&entries, &args.key)?;
            if shown.is_empty() {
                return Ok(Exit::Failure);
            }
            report::config::values(&shown);
        }
        ConfigCommand::Set(args) => ops::config::set(ctx, &entries, &args.key, &args.value)?,
        ConfigCommand::Unset(args) => ops::config::unset(ctx, &args.key)?,
    }
    Ok(Exit::Success)
}
