//! `git multi auth login|status|logout`: store, inspect and remove host API tokens. A token is read from a
//! hidden prompt or stdin, never from the command line, and is only ever stored in the OS keyring.

use std::io::{IsTerminal, Read};

use clap::{Args, Subcommand};

use crate::auth::{self, Target};
use crate::cmd::common::ParallelArgs;
use crate::error::{Error, Exit, Result};
use crate::git::Git;
use crate::model::token::{self, Verified};
use crate::ops::auth_status;
use crate::ops::login::{accept, verify};
use crate::remote_set::RemoteSet;
use crate::report;
use crate::session::{Output, Session};

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

/// Runs outside a repository too: tokens belong to hosts, so there may be no remote set to consult, which is
/// fine for provider names and hosts.
pub fn run(command: &AuthCommand, output: Output) -> Result<Exit> {
    let git = Git::locate()?;
    let set = git.git_dir().ok().and_then(|_| RemoteSet::load(&git).ok());
    match command {
        AuthCommand::Login(args) => login(set.as_ref(), args),
        AuthCommand::Status(args) => {
            let ctx = Session::at(git, &crate::progress::TerminalFaces, output);
            status(&ctx, set.as_ref(), args)
        }
        AuthCommand::Logout(args) => logout(&git, set.as_ref(), args),
    }
}

/// The token from stdin (`--with-token`) or a hidden prompt; never from the command line.
fn read_token(args: &LoginArgs, target: &Target) -> Result<String> {
    let text = if args.with_token {
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
    accept(&text)
}

fn login(set: Option<&RemoteSet>, args: &LoginArgs) -> Result<Exit> {
    let target = auth::resolve(&args.target, set)?;
    let token = read_token(args, &target)?;
    // Check the token before keeping it, where we know how to ask the host who it belongs to.
    match verify(&target, &token) {
        Verified::Rejected(err) => {
            return Err(Error::auth(format!("{err}; nothing was stored"))
                .hint("create a new token on the host and run `git multi auth login` again"))
        }
        verdict => report::auth::verified(&target, &verdict),
    }
    auth::keyring_store(&target, &token)?;
    report::auth::stored(&target);
    Ok(Exit::Success)
}

fn logout(git: &Git, set: Option<&RemoteSet>, args: &LogoutArgs) -> Result<Exit> {
    let target = auth::resolve(&args.target, set)?;
    let removed = auth::keyring_delete(&target)?;
    // Tell the user when another source will still hand out a token.
    let (still, _) = auth::lookup(git, &target);
    report::auth::logged_out(&target, removed, still.as_ref().map(|t| &t.source));
    Ok(Exit::Success)
}

fn status(ctx: &Session, set: Option<&RemoteSet>, args: &StatusArgs) -> Result<Exit> {
    let targets = auth_status::targets(set, &args.targets)?;
    let hosts = auth_status::check(ctx, set, &targets, args.parallel.get());
    report::auth::status(&hosts, args.json);
    Ok(token::exit(&hosts))
}
