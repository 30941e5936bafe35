//! `git multi remote add <name> <url>`: a new git remote that is also a member of the set (`ops::remote_add`).

use clap::Args;

use crate::error::{Exit, Result};
use crate::ops::computed_url::RepoOnHost;
use crate::ops::remote_add::{self, NewRemote};
use crate::session::Session;
use crate::validate::{check_api_url, parse_provider};

/// Add a remote to the set (an ordinary git remote, so `git push <name>` keeps working)
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Name of the new remote
    pub name: String,
    /// Where the repository lives: https://…, ssh://…, user@host:path, git://…, file://… or a path (may be
    /// left out with --provider: it is then computed from the host's conventions)
    pub url: Option<String>,
    /// Hosting service behind the URL, for self-hosted servers: github, gitlab, gitea, forgejo, bitbucket, gogs,
    /// sourcehut or generic (well-known hosts are detected)
    #[arg(long, value_name = "KIND")]
    pub provider: Option<String>,
    /// Base URL of the host's REST API, when it is not where the provider usually puts it
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
    /// User, organisation, group (GitLab: may contain `/`) or workspace (Bitbucket) owning the repository
    #[arg(long, value_name = "OWNER")]
    pub owner: Option<String>,
    /// Repository name on the host (default: the directory name)
    #[arg(long, value_name = "NAME")]
    pub repo: Option<String>,
    /// Bitbucket project key for `git multi create` (stored as multi.<name>.project)
    #[arg(long, value_name = "KEY")]
    pub project: Option<String>,
    /// Computed URL uses ssh (git@host:owner/repo.git)
    #[arg(long, conflicts_with = "https")]
    pub ssh: bool,
    /// Computed URL uses https (the default)
    #[arg(long)]
    pub https: bool,
    /// Refuse to add the remote unless its URL answers now: a local path must hold a git repository, any other
    /// URL must answer `git ls-remote` within multi.timeout (default 30 s). Nothing is written when it does not
    #[arg(long)]
    pub check: bool,
}

pub fn run(ctx: &Session, args: &AddArgs) -> Result<Exit> {
    remote_add::add_member(ctx, &args.name, || {
        let provider = args.provider.as_deref().map(parse_provider).transpose()?;
        if let Some(api) = &args.api_url {
            check_api_url(api)?;
        }
        Ok(NewRemote {
            name: &args.name,
            url: args.url.as_deref(),
            on_host: RepoOnHost {
                provider,
                api_url: args.api_url.as_deref(),
                owner: args.owner.as_deref(),
                repo: args.repo.as_deref(),
                ssh: args.ssh,
            },
            project: args.project.as_deref(),
            check: args.check,
        })
    })?;
    Ok(Exit::Success)
}
