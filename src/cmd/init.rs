//! `git multi init [--import]`: create the remote group, optionally adopting every existing git remote.

use clap::Args;

use crate::config::{self, member};
use crate::error::{Exit, Result};
use crate::remote_set::{reserved, Member, RemoteSet};
use crate::report;
use crate::session::Session;
use crate::url::{self, UrlError};

/// Set up the remote set in this repository
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Adopt every existing git remote (and any names already in `remotes.multi`) as a member
    #[arg(long)]
    pub import: bool,
}

pub fn run(ctx: &Session, args: &InitArgs) -> Result<Exit> {
    let mut set = ctx.remote_set_unreported()?;
    let before = set.clone();
    let mut adopted = Vec::new();
    if args.import {
        for name in set.git_remotes.clone() {
            if set.member(&name).is_some() {
                continue;
            }
            if let Some(why) = reserved(&name) {
                report::warning_with_hint(
                    &format!("not adopting the git remote `{name}`: {why}"),
                    &format!("rename it with `git remote rename {q_name} <new-name>`, then run `git multi init --import` again", q_name = crate::quote::word(&name)),
                );
                continue;
            }
            ctx.git
                .config_set(&member::key(&name, member::ENABLED), "true")?;
            set.members.push(Member {
                name: name.clone(),
                enabled: true,
                ..Member::default()
            });
            adopted.push(name);
        }
    }
    set.write_group(&ctx.git)?;
    crate::audit::record_set(&ctx.git, "init", &before);
    // Re-read so the summary shows URLs exactly as git resolves them.
    let set = ctx.remote_set()?;
    warn_about_secrets(&set);
    let names: Vec<&str> = set
        .members
        .iter()
        .map(|m| m.name.as_str())
        .filter(|name| reserved(name).is_none())
        .collect();
    if names.is_empty() {
        report::out("remote set initialised with no members\n");
    } else {
        report::out(&format!(
            "remote set: {} ({} in {})\n",
            names.join(", "),
            names.len(),
            config::GROUP_KEY
        ));
    }
    if names.is_empty() {
        let hint = if set.git_remotes.is_empty() {
            "add hosts with `git multi remote add <name> <url>`"
        } else {
            "adopt the existing remotes with `git multi init --import`, or add hosts with `git multi remote add <name> <url>`"
        };
        report::note(&format!("hint: {hint}"));
    } else if !adopted.is_empty() {
        report::note(&format!(
            "adopted {} existing remote(s): {}",
            adopted.len(),
            adopted.join(", ")
        ));
    }
    Ok(Exit::Success)
}

/// An adopted remote may already carry a password in its URL: we did not put it there, but we say so.
fn warn_about_secrets(set: &RemoteSet) {
    for m in &set.members {
        if let Some(Err(UrlError::EmbeddedSecret)) =
            m.url.as_deref().map(|u| url::parse(u, |_| true))
        {
            report::warning(&format!(
                "remote `{}` has a password or token in its URL in .git/config; move it to a credential helper and run `git multi remote set-url {} <url-without-secret>`",
                m.name, m.name
            ));
        }
    }
}
