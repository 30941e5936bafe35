//! `git multi remote remove <name>`: take a member out of the set and, unless asked not to, remove the git
//! remote with its tracking refs (and its copies of namespace refs) as `git remote remove` does.

use clap::Args;

use crate::cmd::remote::{change_set, existing};
use crate::config;
use crate::error::{Exit, Result};
use crate::report;
use crate::session::Session;

/// Remove a remote from the set (and the git remote, unless --keep-remote)
#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[arg(value_name = "REMOTE")]
    pub name: String,
    /// Only leave the set; keep the git remote and its tracking refs
    #[arg(long)]
    pub keep_remote: bool,
}

pub fn run(ctx: &Session, args: &RemoveArgs) -> Result<Exit> {
    change_set(ctx, "remote remove", |set| {
        existing(set, &args.name)?;
        if !args.keep_remote {
            if set.is_git_remote(&args.name) {
                ctx.git.remote_remove(&args.name)?;
            }
            // Its copies of namespace refs go with its tracking refs; saved tips stay under refs/multi/backup/.
            crate::ops::fetch::drop_copies(&ctx.git, &args.name, "git multi remote remove")?;
        }
        ctx.git
            .config_remove_section(&format!("{}.{}", config::SECTION, args.name))?;
        set.members.retain(|m| m.name != args.name);
        set.write_group(&ctx.git)?;
        let was_primary = set.settings.primary.as_deref() == Some(args.name.as_str());
        if was_primary {
            ctx.git.config_unset(config::PRIMARY)?;
            report::primary::removed_member_was_primary(&args.name);
            // A value from the global or an included config survives removing the repository's own.
            if let Some(left) = ctx.git.config_get(config::PRIMARY)? {
                report::primary::still_set(&left);
            }
        }
        Ok(())
    })
}
