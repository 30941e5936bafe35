//! `git multi init [--import]`: create the remote group, optionally adopting every existing git remote.
//! With `--interactive` (or the flags that answer its questions) `init_guided` runs instead.

use clap::Args;

use crate::error::{Exit, Result};
use crate::ops;
use crate::ops::init::answers::Given;
use crate::report;
use crate::session::Session;

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

    /// The answers the flags give to the guided setup's questions.
    pub fn given(&self) -> Given {
        Given {
            name: self.name.clone(),
            description: self.description.clone(),
            default_branch: self.default_branch.clone(),
            public: self.visibility.map(|v| v == Visibility::Public),
            hosts: self.hosts.clone(),
            create: self.create,
            no_create: self.no_create,
        }
    }
}

pub fn run(ctx: &Session, args: &InitArgs) -> Result<Exit> {
    let adopted = ops::init::set_up(ctx, args.import)?;
    report::init::summary(&ops::init::summary(ctx, &adopted)?);
    Ok(Exit::Success)
}
