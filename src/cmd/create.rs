//! `git multi create [<name>]`: create the repository on every host of the set at once. A repository that is
//! already there is adopted after checking it can be read and pushed to, the host's clone URL becomes the
//! remote's URL, and running the command again finishes whatever a previous run left undone.

use clap::Args;

use crate::cmd::common::{self, HostSelection};
use crate::error::{Error, Exit, Result};
use crate::model::repo_meta::MetaChange;
use crate::model::Report;
use crate::ops::create::{self, Request, Target};
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

/// `owner/name` (the last `/` splits: a GitLab subgroup is `group/sub/name`) or `--org`; a name never holds a
/// slash, and naming two different owners is a usage error.
fn target(args: &CreateArgs) -> Result<Target> {
    let (owner, name) = match args.name.as_deref().map(|n| n.rsplit_once('/')) {
        Some(Some((owner, name))) => (Some(owner.to_string()), Some(name.to_string())),
        _ => (None, args.name.clone()),
    };
    let bad = |what: &str, value: &str| {
        Error::usage(format!("`{value}` is not a valid {what}"))
            .hint("give `git multi create <name>`, `git multi create <owner>/<name>` or `git multi create --org <org> <name>`")
    };
    if let Some(name) = &name {
        let fine = !name.is_empty()
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || "-_.".contains(c));
        if !fine {
            return Err(bad("repository name", name));
        }
    }
    for owner in owner.iter().chain(&args.org) {
        let fine = !owner.is_empty()
            && owner.split('/').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_alphanumeric() || "-_.".contains(c))
            });
        if !fine {
            return Err(bad("owner", owner));
        }
    }
    let owner = match (owner, &args.org) {
        (Some(a), Some(b)) if a != *b => {
            return Err(Error::usage(format!(
                "two owners named: `{a}` (in `{a}/…`) and `--org {b}`"
            ))
            .hint("name the owner once"))
        }
        (Some(a), _) => Some(a),
        (None, org) => org.clone(),
    };
    Ok(Target { owner, name })
}

pub fn run(ctx: &Session, args: &CreateArgs) -> Result<Exit> {
    let target = target(args)?;
    let set = ctx.remote_set()?;
    let members = set.select(&args.hosts.on)?;
    let fallback_name = match &target.name {
        Some(name) => name.clone(),
        None => ctx
            .git
            .toplevel()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .ok_or_else(|| {
                Error::usage("cannot tell the repository name")
                    .hint("give it: `git multi create <name>`")
            })?,
    };
    let request = Request {
        target,
        fallback_name,
        branch: ctx.git.current_branch().ok().flatten(),
        private: !args.public,
        description: args.description.clone(),
        wanted: MetaChange {
            homepage: args.homepage.clone(),
            topics: args.topics.as_deref().map(MetaChange::normalise_topics),
            ..MetaChange::default()
        },
    };
    let api = crate::config::DEFAULT_API_TIMEOUT;
    let results = common::each(ctx, &set, &members, &args.hosts.parallel, api, |job| {
        create::create_one(ctx, job, &request)
    });
    let report = Report::new(create::write_config(ctx, results));
    crate::audit::Record::new("create")
        .outcomes(&report)
        .set_since(&ctx.git, &set)
        .write(&ctx.git);
    report::show(&report, args.hosts.json);
    Ok(report.api_exit())
}
