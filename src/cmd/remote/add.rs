//! `git multi remote add <name> <url>`: a new git remote that is also a member of the set.

use clap::Args;

use crate::cmd::remote::{check_new_name, check_url, storable_url};
use crate::cmd::Ctx;
use crate::config::member;
use crate::error::{Error, Exit, Result};
use crate::provider::ProviderKind;
use crate::remote_set::Member;
use crate::url::{self, Transport};

/// Add a remote to the set (an ordinary git remote, so `git push <name>` keeps working)
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Name of the new remote
    pub name: String,
    /// Where the repository lives: https://…, ssh://…, user@host:path, git://…, file://… or a path
    pub url: String,
    /// Hosting service behind the URL, for self-hosted servers: github, gitlab, gitea, forgejo, bitbucket, gogs,
    /// sourcehut or generic (well-known hosts are detected)
    #[arg(long, value_name = "KIND")]
    pub provider: Option<String>,
    /// Base URL of the host's REST API, when it is not where the provider usually puts it
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit> {
    // Everything is checked before the first write, so bad input leaves .git/config untouched.
    let mut set = ctx.remote_set()?;
    check_new_name(ctx, &set, &args.name)?;
    let parsed = check_url(ctx, &args.url)?;
    let provider = args.provider.as_deref().map(parse_provider).transpose()?;
    if let Some(api) = &args.api_url {
        check_api_url(api)?;
    }
    let url = storable_url(&args.url, &parsed);

    ctx.git.remote_add(&args.name, &url)?;
    let written = write_member(ctx, args, provider).and_then(|()| {
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
    Ok(Exit::Success)
}

fn write_member(ctx: &Ctx, args: &AddArgs, provider: Option<ProviderKind>) -> Result<()> {
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
    Ok(())
}

pub fn parse_provider(text: &str) -> Result<ProviderKind> {
    text.parse::<ProviderKind>().map_err(|err| {
        let kinds: Vec<&str> = ProviderKind::ALL.iter().map(|k| k.as_str()).collect();
        Error::usage(err.to_string()).hint(format!(
            "--provider takes one of: {} (codeberg is an alias of forgejo)",
            kinds.join(", ")
        ))
    })
}

/// An API URL must be http(s) with a host and no credentials.
pub fn check_api_url(api: &str) -> Result<()> {
    let bad = |why: &str| {
        Error::usage(format!("invalid --api-url `{api}`: {why}"))
            .hint("give the API root, e.g. https://git.example.com/api/v1")
    };
    match url::parse(api, |_| false) {
        Ok(parsed)
            if matches!(parsed.transport, Transport::Http | Transport::Https)
                && api.starts_with("http") =>
        {
            Ok(())
        }
        Ok(_) => Err(bad("it must start with https:// or http://")),
        Err(url::UrlError::EmbeddedSecret) => Err(Error::usage(
            "refusing to store an API URL that contains a password or token",
        )
        .hint("store tokens with `git multi auth login <provider>`")),
        Err(err) => Err(bad(&err.to_string())),
    }
}
