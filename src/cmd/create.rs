//! `git multi create [<name>]`: create the repository on every host of the set at once. A repository that is
//! already there is adopted after checking it can be read and pushed to, the host's clone URL becomes the
//! remote's URL, and running the command again finishes whatever a previous run left undone.

use clap::Args;

use crate::cmd::common::{self, HostSelection};
use crate::error::{Exit, Result};
use crate::ops::create_run::{self, Order};
use crate::report;
use crate::session::Session;

/// Create the repository on every host of the set (or adopt it where it already exists)
#[derive(Debug, Args)]
#[command(mut_args(common::on_help(
    "Only these remotes (repeatable; default: every enabled member with a host API)"
)))]
pub struct CreateArgs {
    /// Repository name on the hosts, `<owner>/<name>` to create it under an organisation or group (default:
    /// each remote's `multi.<remote>.owner`/`repo`, else your account and the directory name)
    #[arg(value_name = "[OWNER/]NAME")]
    pub name: Option<String>,
    /// Create it under this organisation (GitHub, Gitea, Forgejo, Gogs), group (GitLab; `group/subgroup` too) or
    /// workspace (Bitbucket) instead of your own account
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Create private repositories (the default)
    #[arg(long, conflicts_with = "public")]
    pub private: bool,
    /// Create public repositories
    #[arg(long)]
    pub public: bool,
    /// Short description shown by the hosts
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// Topics, comma-separated (set after creating, or on the repository adopted; Bitbucket has none)
    #[arg(long, value_name = "A,B", value_delimiter = ',', num_args = 1)]
    pub topics: Option<Vec<String>>,
    /// Project web site (GitHub homepage, Gitea/Forgejo and Bitbucket website; GitLab has none)
    #[arg(long, value_name = "URL")]
    pub homepage: Option<String>,
    #[command(flatten)]
    pub hosts: HostSelection,
}

pub fn run(ctx: &Session, args: &CreateArgs) -> Result<Exit> {
    let order = Order {
        name: args.name.clone(),
        org: args.org.clone(),
        public: args.public,
        description: args.description.clone(),
        topics: args.topics.clone(),
        homepage: args.homepage.clone(),
        on: args.hosts.on.clone(),
        parallel: args.hosts.parallel.get(),
    };
    let report = create_run::run(ctx, &order)?;
    Ok(report::create::show(&report, args.hosts.json))
}
