//! `git multi remote enable|disable <name>`: keep a member but leave it out of default runs (and out of
//! `remotes.multi`, so plain `git fetch multi` agrees).

use clap::Args;

use crate::cmd::remote::{change_set, existing};
use crate::config::member;
use crate::error::{Exit, Result};
use crate::session::Session;

#[derive(Debug, Args)]
pub struct ToggleArgs {
    #[arg(value_name = "REMOTE")]
    pub name: String,
}

pub fn run(ctx: &Session, args: &ToggleArgs, enable: bool) -> Result<Exit> {
    let command = if enable {
        "remote enable"
    } else {
        "remote disable"
    };
    change_set(ctx, command, |set| {
        existing(set, &args.name)?;
        ctx.git.config_set(
            &member::key(&args.name, member::ENABLED),
            if enable { "true" } else { "false" },
        )?;
        for m in set.members.iter_mut().filter(|m| m.name == args.name) {
            m.enabled = enable;
        }
        set.write_group(&ctx.git)
    })
}
