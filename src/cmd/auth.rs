//! `git multi auth login|status|logout`: store, inspect and remove host API tokens. A token is read from a
//! hidden prompt or stdin, never from the command line, and is only ever stored in the OS keyring.

use std::io::{IsTerminal, Read};

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::auth::{self, Source, Target};
use crate::cmd::common::ParallelArgs;
use crate::config;
use crate::error::{Error, Exit, Result};
use crate::git::Git;
use crate::provider::{self, ApiError, Deadline};
use crate::remote_set::RemoteSet;
use crate::report;
use crate::runner::Pool;

/// Manage host API tokens (stored in the OS keyring, never in .git/config)
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum AuthCommand {
    Login(LoginArgs),
    Status(StatusArgs),
    Logout(LogoutArgs),
}

/// Store a token for a host in the OS keyring (service `git-multi:<api host>`)
#[derive(Debug, Args)]
pub struct LoginArgs {
    /// A provider (github, gitlab, codeberg, bitbucket…), a remote of the set, a host name or an API URL
    #[arg(value_name = "PROVIDER|HOST")]
    pub target: String,
    /// Read the token from standard input instead of a hidden prompt
    #[arg(long)]
    pub with_token: bool,
}

/// Show which token each host uses, where it comes from and whether it works
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Hosts to check (default: every host API of the remote set)
    #[arg(value_name = "PROVIDER|HOST")]
    pub targets: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// Remove a host's token from the OS keyring
#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// A provider, a remote of the set, a host name or an API URL
    #[arg(value_name = "PROVIDER|HOST")]
    pub target: String,
}

pub fn run(command: &AuthCommand) -> Result<Exit> {
    let git = Git::locate()?;
    // Outside a repository there is no remote set to consult; that is fine for provider names and hosts.
    let set = git.git_dir().ok().and_then(|_| RemoteSet::load(&git).ok());
    match command {
        AuthCommand::Login(args) => login(&git, set.as_ref(), args),
        AuthCommand::Status(args) => status(&git, set.as_ref(), args),
        AuthCommand::Logout(args) => logout(&git, set.as_ref(), args),
    }
}

fn read_token(args: &LoginArgs, target: &Target) -> Result<String> {
    let token = if args.with_token {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::usage(format!("could not read the token from stdin: {e}")))?;
        text
    } else if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("Token for {}: ", target.host))
            .map_err(|e| Error::usage(format!("could not read the token: {e}")))?
    } else {
        return Err(
            Error::usage("no terminal to prompt for the token").hint(format!(
                "pipe it in: `git multi auth login {} --with-token < token-file`",
                target.host
            )),
        );
    };
    let token = token.trim().to_string();
    if token.is_empty() {
        return Err(Error::usage("the token is empty")
            .hint("paste the whole token, or pipe it with --with-token"));
    }
    if token.contains(char::is_whitespace) {
        return Err(Error::usage("the token contains white space").hint("give exactly one token"));
    }
    crate::redact::register_secret(&token);
    Ok(token)
}

fn login(_git: &Git, set: Option<&RemoteSet>, args: &LoginArgs) -> Result<Exit> {
    let target = auth::resolve(&args.target, set)?;
    let token = read_token(args, &target)?;
    // Check the token before keeping it, where we know how to ask the host who it belongs to.
    match target
        .kind
        .and_then(|kind| provider::connect(kind, &target.api_url, Some(token.clone()), None))
    {
        Some(api) => match api.repositories().whoami() {
            Ok(me) => report::note(&format!(
                "Token for {} belongs to {}.",
                target.host, me.login
            )),
            Err(err @ ApiError::Auth { .. }) => {
                return Err(Error::auth(format!("{err}; nothing was stored"))
                    .hint("create a new token on the host and run `git multi auth login` again"))
            }
            Err(err) => report::warning(&format!(
                "could not verify the token ({err}); storing it anyway"
            )),
        },
        None => report::note(&format!(
            "{} is not a known provider's API: the token is stored without checking it.",
            target.host
        )),
    }
    auth::keyring_store(&target, &token)?;
    report::note(&format!(
        "Stored in the OS keyring as {}.",
        target.service()
    ));
    Ok(Exit::Success)
}

fn logout(git: &Git, set: Option<&RemoteSet>, args: &LogoutArgs) -> Result<Exit> {
    let target = auth::resolve(&args.target, set)?;
    if auth::keyring_delete(&target)? {
        report::note(&format!(
            "Removed the token for {} from the OS keyring.",
            target.host
        ));
    } else {
        report::note(&format!(
            "No token for {} was stored in the OS keyring.",
            target.host
        ));
    }
    // Tell the user when another source will still hand out a token.
    if let (Some(token), _) = auth::lookup(git, &target) {
        report::warning(&format!(
            "a token for {} is still provided by the {}",
            target.host, token.source
        ));
    }
    Ok(Exit::Success)
}

#[derive(Debug, Serialize)]
struct HostStatus {
    host: String,
    provider: Option<String>,
    api_url: String,
    /// Where the token comes from; `null` when there is none.
    source: Option<Source>,
    valid: Option<bool>,
    login: Option<String>,
    scopes: Option<Vec<String>>,
    rate_limit_remaining: Option<u64>,
    error: Option<String>,
}

#[derive(Debug, Serialize)]
struct StatusReport {
    ok: bool,
    hosts: Vec<HostStatus>,
}

fn status(git: &Git, set: Option<&RemoteSet>, args: &StatusArgs) -> Result<Exit> {
    let mut targets: Vec<Target> = Vec::new();
    if args.targets.is_empty() {
        for member in set.map(|s| s.members.as_slice()).unwrap_or_default() {
            let (kind, _) = member.provider();
            if let Some(api) = member.effective_api_url().filter(|_| kind.has_api()) {
                targets.push(Target::new(Some(kind), &api));
            }
        }
        if targets.is_empty() {
            return Err(Error::usage("no host APIs to check").hint(
                "name one, e.g. `git multi auth status github`, or add remotes with `--provider`",
            ));
        }
    } else {
        for what in &args.targets {
            targets.push(auth::resolve(what, set)?);
        }
    }
    let mut seen = std::collections::HashSet::new();
    targets.retain(|t| seen.insert(t.api_url.clone()));

    // Hosts are asked in parallel, each within its own budget, so one that never answers holds up nobody.
    let settings = set.map(|s| s.settings.clone()).unwrap_or_default();
    let budget = args
        .parallel
        .timeout(&settings, config::DEFAULT_API_TIMEOUT)?;
    let pool = Pool::new(&settings, args.parallel.jobs, targets.len());
    let hosts: Vec<HostStatus> = pool.run(
        &targets,
        |_| None,
        |t| check(git, t, Deadline::start(budget)),
    );
    // Missing or rejected tokens are exit 4; a host that could not say whether the token works is exit 1.
    let auth_ok = hosts
        .iter()
        .all(|h| h.valid != Some(false) && h.source.is_some());
    let ok = auth_ok && hosts.iter().all(|h| h.error.is_none());
    if args.json {
        report::json(&StatusReport { ok, hosts });
    } else {
        let mut rows = vec![vec![
            "HOST".to_string(),
            "PROVIDER".into(),
            "TOKEN".into(),
            "STATUS".into(),
        ]];
        for h in &hosts {
            let state = match (&h.valid, &h.error) {
                (Some(true), _) => {
                    let mut s = format!("ok, logged in as {}", h.login.as_deref().unwrap_or("?"));
                    if let Some(scopes) = &h.scopes {
                        s.push_str(&format!(
                            "; scopes: {}",
                            if scopes.is_empty() {
                                "none".to_string()
                            } else {
                                scopes.join(",")
                            }
                        ));
                    }
                    if let Some(n) = h.rate_limit_remaining {
                        s.push_str(&format!("; {n} requests left"));
                    }
                    s
                }
                (_, Some(error)) => error.clone(),
                (None, None) => "not checked".into(),
                (Some(false), None) => "rejected".into(),
            };
            let source = h
                .source
                .as_ref()
                .map_or_else(|| "none".to_string(), |s| s.to_string());
            rows.push(vec![
                h.host.clone(),
                h.provider.clone().unwrap_or_else(|| "-".into()),
                source,
                state,
            ]);
        }
        report::table(&rows);
        if !ok {
            report::note("hint: store a token with `git multi auth login <host>`");
        }
    }
    Ok(if !auth_ok {
        Exit::Auth
    } else if ok {
        Exit::Success
    } else {
        Exit::Failure
    })
}

/// Looks the token up and asks the host who it belongs to.
fn check(git: &Git, target: &Target, deadline: Deadline) -> HostStatus {
    let (token, problem) = auth::lookup(git, target);
    let mut status = HostStatus {
        host: target.host.clone(),
        provider: target.kind.map(|k| k.to_string()),
        api_url: target.api_url.clone(),
        source: token.as_ref().map(|t| t.source.clone()),
        valid: None,
        login: None,
        scopes: None,
        rate_limit_remaining: None,
        error: None,
    };
    let Some(token) = token else {
        status.error =
            Some(problem.map_or_else(|| "no token".to_string(), |p| format!("no token ({p})")));
        return status;
    };
    let Some(api) = target.kind.and_then(|kind| {
        provider::connect(kind, &target.api_url, Some(token.secret), Some(deadline))
    }) else {
        return status;
    };
    match api.repositories().whoami_with_scopes() {
        Ok(me) => {
            status.valid = Some(true);
            status.login = Some(me.login);
            status.scopes = me.scopes;
            status.rate_limit_remaining = me.rate_limit_remaining;
        }
        Err(err) => {
            status.valid = if err.is_auth() { Some(false) } else { None };
            status.error = Some(crate::redact::redact(&err.to_string()).into_owned());
        }
    }
    status
}
