//! `git multi remote enable|disable <name>`: keep a member but leave it out of default runs (and out of
//! `remotes.multi`, so plain `git fetch multi` agrees).

use clap::Args;

use crate::cmd::remote::existing;
use crate::cmd::Ctx;
use crate::config::member;
use crate::error::{Exit, Result};

#[derive(Debug, Args)]
pub struct ToggleArgs {
    #[arg(value_name = "REMOTE")]
    pub name: String,
}

pub fn run(ctx: &Ctx, args: &ToggleArgs, enable: bool) -> Result<Exit> {
    let mut set = ctx.remote_set_unreported()?;
    existing(&set, &args.name)?;
    ctx.git.config_set(
        &member::key(&args.name, member::ENABLED),
        if enable { "true" } else { "false" },
    )?;
    for m in set.members.iter_mut().filter(|m| m.name == args.name) {
        m.enabled = enable;
    }
    set.write_group(&ctx.git)?;
    ctx.report_drift();
    Ok(Exit::Success)
}
