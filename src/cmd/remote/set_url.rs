//! `git multi remote set-url <name> <url>`: point a member at a new URL (validated like `remote add`).

use clap::Args;

use crate::cmd::remote::{change_set, check_url, existing, storable_url};
use crate::error::{Exit, Result};
use crate::ops::remote_change::warn_if_no_repository;
use crate::session::Session;

/// Change the URL of a remote in the set
#[derive(Debug, Args)]
pub struct SetUrlArgs {
    #[arg(value_name = "REMOTE")]
    pub name: String,
    pub url: String,
}

pub fn run(ctx: &Session, args: &SetUrlArgs) -> Result<Exit> {
    change_set(ctx, "remote set-url", |set| {
        existing(set, &args.name)?;
        let parsed = check_url(ctx, &args.url)?;
        let url = storable_url(&args.url, &parsed);
        if set.is_git_remote(&args.name) {
            ctx.git.remote_set_url(&args.name, &url)?;
        } else {
            // The git remote was removed behind our back; setting a URL brings it back.
            ctx.git.remote_add(&args.name, &url)?;
        }
        warn_if_no_repository(ctx, &args.name, &url, &parsed);
        Ok(())
    })
}
