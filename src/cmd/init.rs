//! `git multi init [--import]`: create the remote group, optionally adopting every existing git remote.
//! With `--interactive` (or the flags that answer its questions) `init_guided` runs instead, and uses the
//! steps here.

use clap::Args;

use crate::config::{self, member};
use crate::error::{Exit, Result};
use crate::remote_set::{reserved, Member, RemoteSet};
use crate::report;
use crate::session::Session;
use crate::url::{self, UrlError};

/// Set up the remote set in this repository
///
/// With --interactive it asks for the repository's name, description, default branch and visibility and
/// which hosts to link (showing where a token was found for each, never the token), adds a remote per host
/// and offers to create the repositories. Each question has a flag, so scripts never need a terminal:
/// `git multi init --name app --host github=alice --host codeberg=alice --visibility public --create`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Adopt every existing git remote (and any names already in `remotes.multi`) as a member
    #[arg(long)]
    pub import: bool,
    /// Ask the questions below on the terminal (exit 2 without one); flags given answer theirs
    #[arg(short, long)]
    pub interactive: bool,
    /// Repository name on the hosts (default: the directory name)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Short description for the hosts (used by --create)
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// The branch to publish as the default: an unborn HEAD is pointed at it, another current branch renamed
    /// to it (`git branch -m`)
    #[arg(long, value_name = "BRANCH")]
    pub default_branch: Option<String>,
    /// Visibility of the repositories --create makes (default: private)
    #[arg(long, value_enum, value_name = "VISIBILITY")]
    pub visibility: Option<Visibility>,
    /// A host to link, as a remote of that name: github, gitlab, codeberg, gitea or bitbucket, with the owner
    /// (user, organisation, group) after `=` (default: the token's account). Repeatable
    #[arg(long = "host", value_name = "HOST[=OWNER]")]
    pub hosts: Vec<String>,
    /// The hosts' URLs use ssh (git@host:owner/name.git) instead of https
    #[arg(long)]
    pub ssh: bool,
    /// Then create the repositories on the hosts (`git multi create`)
    #[arg(long, conflicts_with = "no_create")]
    pub create: bool,
    /// Do not create them (the default; `git multi create` does it later)
    #[arg(long)]
    pub no_create: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Visibility {
    Private,
    Public,
}

impl InitArgs {
    /// Whether any question of the guided setup is asked or answered.
    pub fn guided(&self) -> bool {
        self.interactive
            || self.name.is_some()
            || self.description.is_some()
            || self.default_branch.is_some()
            || self.visibility.is_some()
            || !self.hosts.is_empty()
            || self.ssh
            || self.create
    }
}

pub fn run(ctx: &Session, args: &InitArgs) -> Result<Exit> {
    let adopted = set_up(ctx, args.import)?;
    summarise(ctx, &adopted)?;
    Ok(Exit::Success)
}

/// The remote group, and with `import` every git remote adopted (their names).
pub fn set_up(ctx: &Session, import: bool) -> Result<Vec<String>> {
    let mut set = ctx.remote_set_unreported()?;
    let before = set.clone();
    let mut adopted = Vec::new();
    if import {
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
    Ok(adopted)
}

/// Says what the set is now (and which remotes were just adopted), with the next step when it is empty.
pub fn summarise(ctx: &Session, adopted: &[String]) -> Result<()> {
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
    Ok(())
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
