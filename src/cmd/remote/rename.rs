//! `git multi remote rename <old> <new>`: rename the git remote (refs and config, via `git remote rename`),
//! its copies of namespace refs (`refs/multi/remotes/<old>/`) and its `[multi "<name>"]` facts together.

use clap::Args;

use crate::cmd::remote::{change_set, check_new_name, existing};
use crate::config;
use crate::error::{Exit, Result};
use crate::session::Session;

/// Rename a remote of the set
#[derive(Debug, Args)]
pub struct RenameArgs {
    #[arg(value_name = "REMOTE")]
    pub old: String,
    pub new: String,
}

pub fn run(ctx: &Session, args: &RenameArgs) -> Result<Exit> {
    change_set(ctx, "remote rename", |set| {
        existing(set, &args.old)?;
        check_new_name(
            ctx,
            set,
            &args.new,
            &format!("git multi remote rename {} <other-name>", args.old),
        )?;
        if set.is_git_remote(&args.old) {
            ctx.git.remote_rename(&args.old, &args.new)?;
        }
        // git moved refs/remotes/<old>/; the copies of namespace refs move the same way.
        crate::ops::fetch::rename_copies(
            &ctx.git,
            &args.old,
            &args.new,
            "git multi remote rename",
        )?;
        ctx.git.config_rename_section(
            &format!("{}.{}", config::SECTION, args.old),
            &format!("{}.{}", config::SECTION, args.new),
        )?;
        for m in set.members.iter_mut().filter(|m| m.name == args.old) {
            m.name = args.new.clone();
        }
        set.write_group(&ctx.git)?;
        if set.settings.primary.as_deref() == Some(args.old.as_str()) {
            ctx.git.config_set(config::PRIMARY, &args.new)?;
        }
        Ok(())
    })
}
