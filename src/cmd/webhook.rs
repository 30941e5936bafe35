//! `git multi webhook add|list|remove`: the same webhook on every host of the set. The secret is read from
//! stdin (never argv) and is redacted like a token.

use std::io::Read;

use clap::{Args, Subcommand};

use crate::cmd::common::ParallelArgs;
use crate::cmd::hosted;
use crate::error::{Error, Exit, Result};
use crate::model::Report;
use crate::ops::webhook::{self, Action};
use crate::provider::NewWebhook;
use crate::report;
use crate::session::Session;

/// Webhooks on every host of the set
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum WebhookCommand {
    Add(AddArgs),
    List(ListArgs),
    Remove(RemoveArgs),
}

/// Add a webhook on every host (skipped where one with the same URL exists)
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Where the host sends events
    pub url: String,
    /// Events, comma-separated: push, tag, pull_request, issues, release (default: push)
    #[arg(long, value_delimiter = ',', default_value = "push")]
    pub events: Vec<String>,
    /// Read the shared secret the host signs deliveries with from standard input
    #[arg(long)]
    pub secret_stdin: bool,
    /// Only these remotes (repeatable)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// List the webhooks of every host
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only these remotes (repeatable)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// Remove the webhook with this URL from every host
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The delivery URL of the webhook to remove (as `webhook list` shows it)
    pub url: String,
    /// Only these remotes (repeatable)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

pub fn run(ctx: &Session, command: &WebhookCommand) -> Result<Exit> {
    let (on, json, parallel, action) = match command {
        WebhookCommand::Add(args) => {
            let secret = if args.secret_stdin {
                let mut text = String::new();
                std::io::stdin().read_to_string(&mut text).map_err(|e| {
                    Error::usage(format!("could not read the secret from stdin: {e}"))
                })?;
                let text = text.trim().to_string();
                if text.is_empty() {
                    return Err(Error::usage("--secret-stdin got an empty secret").hint(
                        "pipe it in: `git multi webhook add <url> --secret-stdin < secret-file`",
                    ));
                }
                crate::redact::register_secret(&text);
                Some(text)
            } else {
                None
            };
            (
                &args.on,
                args.json,
                &args.parallel,
                Action::Add(NewWebhook {
                    url: args.url.clone(),
                    events: args.events.clone(),
                    secret,
                }),
            )
        }
        WebhookCommand::List(args) => (&args.on, args.json, &args.parallel, Action::List),
        WebhookCommand::Remove(args) => (
            &args.on,
            args.json,
            &args.parallel,
            Action::Remove(args.url.clone()),
        ),
    };
    let outcomes = hosted::each(ctx, on, parallel, |job| webhook::one(ctx, job, &action))?;
    let report = Report::new(outcomes);
    report::show(&report, json);
    Ok(report.api_exit())
}
