//! `git multi primary [<remote>] [--unset]`: show or set `multi.primary`, the remote `sync` and `pull` integrate
//! from and `mirror` copies from. Only a member of the set can become the primary.

use clap::Args;

use crate::config;
use crate::error::{Exit, Result};
use crate::report;
use crate::session::Session;

/// Show or set the primary remote (multi.primary)
#[derive(Debug, Args)]
pub struct PrimaryArgs {
    /// The member to make the primary (without it: show the primary)
    #[arg(value_name = "REMOTE", conflicts_with = "unset")]
    pub remote: Option<String>,
    /// Remove the setting (sync and pull then use the current branch's upstream remote)
    #[arg(long)]
    pub unset: bool,
    /// Print one JSON document
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Session, args: &PrimaryArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let current = set.settings.primary.as_deref();
    if args.unset {
        ctx.git.config_unset(config::PRIMARY)?;
        crate::audit::record_set(&ctx.git, "primary --unset", &set);
        report::primary::changed(None, current, args.json);
        // A value from the global or an included config survives removing the repository's own.
        if let Some(left) = ctx.git.config_get(config::PRIMARY)? {
            report::primary::still_set(&left);
        }
        return Ok(Exit::Success);
    }
    let Some(name) = &args.remote else {
        let member = current.is_some_and(|name| set.member(name).is_some());
        report::primary::show(current, member, args.json);
        return Ok(Exit::Success);
    };
    let Some(member) = set.member(name) else {
        return Err(set.unknown_error(&[name]));
    };
    ctx.git.config_set(config::PRIMARY, name)?;
    crate::audit::record_set(&ctx.git, "primary", &set);
    if !member.enabled {
        report::primary::disabled(name);
    }
    report::primary::changed(Some(name), current, args.json);
    Ok(Exit::Success)
}
