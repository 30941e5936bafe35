//! `git multi repo edit`: the same description, homepage, topics and visibility on every host. Each host is
//! read first and only what differs is changed, so a second run says `up-to-date` everywhere.

use clap::{Args, Subcommand};

use crate::cmd::common::ParallelArgs;
use crate::cmd::hosted::{self, HostedRepo};
use crate::error::{Error, Exit, Result};
use crate::model::repo_meta::{EditDetail, MetaChange};
use crate::model::{Outcome, Report, Status};
use crate::provider::metadata::Metadata;
use crate::provider::ApiError;
use crate::report;
use crate::runner::Job;
use crate::session::{Session, Watch};

/// A repository's settings on every host
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum RepoCommand {
    Edit(EditArgs),
}

/// Set the description, homepage, topics or visibility on every host (only what differs is changed)
#[derive(Debug, Args)]
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
    /// Only these remotes (repeatable; default: every enabled member)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
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
    let set = ctx.remote_set()?;
    let members = set.select(&args.on)?;
    let fan = ctx.fan_out(
        &set,
        args.parallel.get(),
        &members,
        crate::config::DEFAULT_API_TIMEOUT,
        Watch::Live,
    );
    let outcomes = fan.run(&members, |job| edit_one(ctx, job, &wanted));
    fan.finish();
    let report = Report::new(outcomes);
    crate::audit::Record::new("repo edit")
        .outcomes(&report)
        .write(&ctx.git);
    report::show(&report, args.json);
    Ok(report.api_exit())
}

fn edit_one(ctx: &Session, job: &Job, wanted: &MetaChange) -> Outcome<EditDetail> {
    let m = job.member;
    let mut detail = EditDetail {
        provider: m.provider().0.to_string(),
        ..EditDetail::default()
    };
    let hosted = match hosted::locate(ctx, job).and_then(|h| h.require_token().map(|()| h)) {
        Ok(hosted) => hosted,
        Err(why) => return why.outcome(m, std::time::Instant::now(), detail),
    };
    let HostedRepo { host, owner, repo } = &hosted;
    let Some(api) = host.api.metadata() else {
        let mut outcome = Outcome::new(&m.name, Status::Skipped, job.elapsed(), detail);
        outcome.error = Some(format!(
            "{}: {} has no API to change a repository's settings",
            host.api.host(),
            m.provider().0
        ));
        return outcome;
    };
    job.say("reading settings");
    match converge(api, owner, repo, wanted, &mut detail) {
        Ok(())
            if detail.changed.is_empty() && !detail.unsupported.is_empty() && {
                let asked = wanted.fields();
                asked.iter().all(|f| detail.unsupported.contains(f))
            } =>
        {
            let mut outcome = Outcome::new(&m.name, Status::Skipped, job.elapsed(), detail);
            outcome.error = Some(format!("{} keeps none of these fields", host.api.host()));
            outcome
        }
        Ok(()) => {
            let status = if detail.changed.is_empty() {
                Status::UpToDate
            } else {
                Status::Ok
            };
            Outcome::new(&m.name, status, job.elapsed(), detail)
        }
        Err(err) => Outcome::from_api_error(&m.name, &err, job.elapsed(), detail),
    }
}

/// Reads the host's metadata and sets what of `wanted` differs and the host keeps; `detail` says what changed
/// and what the host has no place for. Shared with `create --topics/--homepage`.
pub fn converge(
    api: &dyn Metadata,
    owner: &str,
    repo: &str,
    wanted: &MetaChange,
    detail: &mut EditDetail,
) -> std::result::Result<(), ApiError> {
    let mut wanted = wanted.clone();
    for field in api.lacks() {
        let asked = match *field {
            crate::model::repo_meta::HOMEPAGE => wanted.homepage.take().is_some(),
            crate::model::repo_meta::TOPICS => wanted.topics.take().is_some(),
            _ => false,
        };
        if asked {
            detail.unsupported.push(field);
        }
    }
    let current = api.meta(owner, repo)?;
    let change = wanted.against(&current);
    if !change.is_empty() {
        api.set_meta(owner, repo, &change)?;
    }
    detail.changed = change.fields();
    detail.meta = Some(crate::model::repo_meta::RepoMeta {
        description: change.description.or(current.description),
        homepage: change.homepage.or(current.homepage),
        topics: change.topics.or(current.topics),
        private: change.private.or(current.private),
    });
    Ok(())
}
