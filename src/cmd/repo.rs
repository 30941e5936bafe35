//! `git multi repo edit`: the same description, homepage, topics and visibility on every host. Each host is
//! read first and only what differs is changed, so a second run says `up-to-date` everywhere.

use clap::{Args, Subcommand};

use crate::cmd::common::{self, HostSelection};
use crate::cmd::hosted;
use crate::error::{Error, Exit, Result};
use crate::model::repo_meta::{EditDetail, MetaChange};
use crate::model::Report;
use crate::ops::repo;
use crate::report;
use crate::session::Session;

/// A repository's settings on every host
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum RepoCommand {
    Edit(EditArgs),
}

/// Set the description, homepage, topics or visibility on every host (only what differs is changed)
#[derive(Debug, Args)]
#[command(mut_args(common::on_help(
    "Only these remotes (repeatable; default: every enabled member)"
)))]
pub struct EditArgs {
    /// Short description shown by the hosts ("" clears it)
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// Project web site (GitHub homepage, Gitea/Forgejo and Bitbucket website; GitLab has none)
    #[arg(long, value_name = "URL")]
    pub homepage: Option<String>,
    /// Topics, comma-separated, replacing the current ones ("" removes all; Bitbucket has none)
    #[arg(long, value_name = "A,B", value_delimiter = ',', num_args = 1)]
    pub topics: Option<Vec<String>>,
    /// Make the repositories private
    #[arg(long, conflicts_with = "public")]
    pub private: bool,
    /// Make the repositories public
    #[arg(long)]
    pub public: bool,
    #[command(flatten)]
    pub hosts: HostSelection,
}

impl EditArgs {
    fn change(&self) -> MetaChange {
        MetaChange {
            description: self.description.clone(),
            homepage: self.homepage.clone(),
            topics: self.topics.as_deref().map(MetaChange::normalise_topics),
            private: match (self.private, self.public) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
        }
    }
}

impl crate::audit::Audited for EditDetail {
    fn changed_refs(&self) -> Vec<crate::model::log::RefEntry> {
        Vec::new()
    }

    fn changed(&self) -> bool {
        !self.changed.is_empty()
    }
}

pub fn run(ctx: &Session, command: &RepoCommand) -> Result<Exit> {
    let RepoCommand::Edit(args) = command;
    let wanted = args.change();
    if wanted.is_empty() {
        return Err(Error::usage("nothing to change").hint(
            "name at least one of --description, --homepage, --topics, --private or --public",
        ));
    }
    let outcomes = hosted::each(ctx, &args.hosts.on, &args.hosts.parallel, |job| {
        repo::edit_one(ctx, job, &wanted)
    })?;
    let report = Report::new(outcomes);
    crate::audit::Record::new("repo edit")
        .outcomes(&report)
        .write(&ctx.git);
    report::show(&report, args.hosts.json);
    Ok(report.api_exit())
}
