//! `git multi webhook add|list|remove`: the same webhook on every host of the set. The secret is read from
//! stdin (never argv) and is redacted like a token.

use std::io::Read;

use clap::{Args, Subcommand};

use crate::cmd::common::HostSelection;
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
    /// List the webhooks of every host
    List(HostSelection),
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
    #[command(flatten)]
    pub hosts: HostSelection,
}

/// Remove the webhook with this URL from every host
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The delivery URL of the webhook to remove (as `webhook list` shows it)
    pub url: String,
    #[command(flatten)]
    pub hosts: HostSelection,
}

pub fn run(ctx: &Session, command: &WebhookCommand) -> Result<Exit> {
    let (hosts, action) = match command {
        WebhookCommand::Add(args) => (
            &args.hosts,
            Action::Add(NewWebhook {
                url: args.url.clone(),
                events: args.events.clone(),
                secret: if args.secret_stdin {
                    Some(read_secret()?)
                } else {
                    None
                },
            }),
        ),
        WebhookCommand::List(hosts) => (hosts, Action::List),
        WebhookCommand::Remove(args) => (&args.hosts, Action::Remove(args.url.clone())),
    };
    let outcomes = hosted::each(ctx, &hosts.on, &hosts.parallel, |job| {
        webhook::one(ctx, job, &action)
    })?;
    let report = Report::new(outcomes);
    report::show(&report, hosts.json);
    Ok(report.api_exit())
}

/// `--secret-stdin`: the secret, registered for redaction before anything could print it.
fn read_secret() -> Result<String> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Error::usage(format!("could not read the secret from stdin: {e}")))?;
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(Error::usage("--secret-stdin got an empty secret")
            .hint("pipe it in: `git multi webhook add <url> --secret-stdin < secret-file`"));
    }
    crate::redact::register_secret(&text);
    Ok(text)
}
