//! `git multi remote add <name> <url>`: a new git remote that is also a member of the set.

use clap::Args;

use crate::cmd::remote::{
    check_answers, check_new_name, check_url, storable_url, warn_if_no_repository,
};
use crate::config::{self, member};
use crate::error::{Error, Exit, Result};
use crate::provider::ProviderKind;
use crate::remote_set::Member;
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
    // Everything is checked before the first write, so bad input leaves .git/config untouched.
    let mut set = ctx.remote_set_unreported()?;
    let before = set.clone();
    check_new_name(
        ctx,
        &set,
        &args.name,
        "git multi remote add <other-name> <url>",
    )?;
    let provider = args.provider.as_deref().map(parse_provider).transpose()?;
    if let Some(api) = &args.api_url {
        check_api_url(api)?;
    }
    let (owner, repo) = (args.owner.clone(), args.repo.clone());
    let (url, parsed, owner, repo) = match &args.url {
        Some(raw) => {
            let parsed = check_url(ctx, raw)?;
            (storable_url(raw, &parsed), parsed, owner, repo)
        }
        None => {
            let (url, owner, repo) = computed_url(ctx, args, provider)?;
            let parsed = check_url(ctx, &url)?;
            (url, parsed, owner, repo)
        }
    };
    if args.check {
        let timeout = set
            .settings
            .timeout
            .unwrap_or(config::DEFAULT_PROBE_TIMEOUT);
        check_answers(ctx, &url, &parsed, timeout)?;
    }

    ctx.git.remote_add(&args.name, &url)?;
    let written =
        write_member(ctx, args, provider, owner.as_deref(), repo.as_deref()).and_then(|()| {
            set.members.push(Member {
                name: args.name.clone(),
                enabled: true,
                ..Member::default()
            });
            set.write_group(&ctx.git)
        });
    if let Err(err) = written {
        // Leave nothing half-added behind.
        let _ = ctx
            .git
            .config_remove_section(&format!("multi.{}", args.name));
        let _ = ctx.git.remote_remove(&args.name);
        return Err(err);
    }
    if !args.check {
        warn_if_no_repository(&args.name, &url, &parsed);
    }
    ctx.report_drift();
    crate::audit::record_set(&ctx.git, "remote add", &before);
    Ok(Exit::Success)
}

fn write_member(
    ctx: &Session,
    args: &AddArgs,
    provider: Option<ProviderKind>,
    owner: Option<&str>,
    repo: Option<&str>,
) -> Result<()> {
    ctx.git
        .config_set(&member::key(&args.name, member::ENABLED), "true")?;
    if let Some(kind) = provider {
        ctx.git
            .config_set(&member::key(&args.name, member::PROVIDER), kind.as_str())?;
    }
    if let Some(api) = &args.api_url {
        ctx.git.config_set(
            &member::key(&args.name, member::API_URL),
            api.trim_end_matches('/'),
        )?;
    }
    if let Some(owner) = owner {
        ctx.git
            .config_set(&member::key(&args.name, member::OWNER), owner)?;
    }
    if let Some(repo) = repo {
        ctx.git
            .config_set(&member::key(&args.name, member::REPO), repo)?;
    }
    if let Some(project) = &args.project {
        ctx.git
            .config_set(&member::key(&args.name, member::PROJECT), project)?;
    }
    Ok(())
}

/// The web host of a provider: the API URL's host (minus the `api.` of github.com/bitbucket.org), else the
/// provider's public host.
fn web_host(kind: ProviderKind, api_url: Option<&str>) -> Option<(String, String)> {
    if let Some(api) = api_url {
        let scheme = if api.starts_with("http://") {
            "http"
        } else {
            "https"
        };
        let host = crate::url::http_host(api)?;
        let host = ProviderKind::public_host_of_api(&host).map_or(host, str::to_string);
        return Some((scheme.to_string(), host));
    }
    // Only services with an API: sourcehut's URLs name `~owner`, which this computation does not.
    let host = kind.public_api().and(kind.public_host())?;
    Some(("https".into(), host.into()))
}

/// `--provider` without a URL: `https://<host>/<owner>/<repo>.git` or `git@<host>:<owner>/<repo>.git`, the
/// form every supported host uses. The owner defaults to the token's account.
fn computed_url(
    ctx: &Session,
    args: &AddArgs,
    provider: Option<ProviderKind>,
) -> Result<(String, Option<String>, Option<String>)> {
    let Some(kind) = provider else {
        return Err(
            Error::usage("a URL is needed unless --provider says which host to use").hint(
                "e.g. `git multi remote add gh --provider github --owner alice`, or give the URL",
            ),
        );
    };
    let (scheme, host) = web_host(kind, args.api_url.as_deref()).ok_or_else(|| {
        Error::usage(format!("{kind} has no public host: cannot compute the URL"))
            .hint("give the server with --api-url <url>, or give the URL")
    })?;
    let repo = match &args.repo {
        Some(repo) => repo.clone(),
        None => ctx
            .git
            .toplevel()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .ok_or_else(|| {
                Error::usage("cannot tell the repository name").hint("give it with --repo <name>")
            })?,
    };
    let owner = match &args.owner {
        Some(owner) => owner.clone(),
        None => {
            let api_url = args
                .api_url
                .clone()
                .or_else(|| kind.default_api_url(&host))
                .unwrap_or_default();
            let target = crate::auth::Target::new(Some(kind), &api_url);
            let (token, _) = crate::auth::lookup(&ctx.git, &target);
            let token = token.ok_or_else(|| {
                crate::provider::missing_token(&target)
                    .hint("or give the owner with --owner <user|org|group|workspace>")
            })?;
            let api = crate::provider::connect(kind, &api_url, Some(token.secret), None)
                .ok_or_else(|| Error::usage(format!("{kind} has no API")))?;
            let me = api.repositories().whoami().map_err(|err| {
                let hint = err
                    .hint()
                    .unwrap_or_else(|| "give the owner with --owner".into());
                if err.is_auth() {
                    Error::auth(err.to_string())
                } else {
                    Error::failed(err.to_string())
                }
                .hint(hint)
            })?;
            me.login
        }
    };
    for (what, value) in [("--owner", &owner), ("--repo", &repo)] {
        let bad_char =
            value.contains(|c: char| c.is_whitespace() || c == ':' || c == '\\' || c == '@');
        if value.is_empty()
            || value.starts_with('-')
            || bad_char
            || value
                .split('/')
                .any(|s| s.is_empty() || s == "." || s == "..")
        {
            return Err(Error::usage(format!("invalid {what} `{value}`"))
                .hint("owners and names are path segments such as `alice` or `group/sub`"));
        }
    }
    if repo.contains('/') {
        return Err(
            Error::usage(format!("invalid --repo `{repo}`: a name has no `/`"))
                .hint("put groups in --owner, e.g. --owner group/sub --repo name"),
        );
    }
    let url = if args.ssh {
        format!(
            "git@{}:{owner}/{repo}.git",
            host.split(':').next().unwrap_or(&host)
        )
    } else {
        format!("{scheme}://{host}/{owner}/{repo}.git")
    };
    Ok((url, Some(owner), Some(repo)))
}
