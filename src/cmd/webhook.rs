//! `git multi webhook add|list|remove`: the same webhook on every host of the set. The secret is read from
//! stdin (never argv) and is redacted like a token.

use std::io::Read;
use std::time::Instant;

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::cmd::common::ParallelArgs;
use crate::cmd::hosted::{self, HostedRepo};
use crate::error::{Error, Exit, Result};
use crate::model::{Outcome, Report, Status};
use crate::provider::{Capability, NewWebhook, Webhook};
use crate::report;
use crate::report::Detail;
use crate::runner::Job;
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

#[derive(Debug, Default, Serialize)]
pub struct HookDetail {
    provider: String,
    webhooks: Vec<Webhook>,
    #[serde(skip)]
    summary: String,
}

impl Detail for HookDetail {
    fn human(&self) -> String {
        self.summary.clone()
    }
}

enum Action {
    Add(NewWebhook),
    List,
    Remove(String),
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
    let outcomes = hosted::each(ctx, on, parallel, |job| one(ctx, job, &action))?;
    let report = Report::new(outcomes);
    report::show(&report, json);
    Ok(report.api_exit())
}

fn one(ctx: &Session, job: &Job, action: &Action) -> Outcome<HookDetail> {
    let m = job.member;
    let started = Instant::now();
    let mut detail = HookDetail {
        provider: m.provider().0.to_string(),
        ..HookDetail::default()
    };
    let hosted = match hosted::locate(ctx, job).and_then(|h| h.require_token().map(|()| h)) {
        Ok(hosted) => hosted,
        Err(why) => return why.outcome(m, started, detail),
    };
    let HostedRepo { host, owner, repo } = &hosted;
    let Some(api) = host.api.webhooks() else {
        detail.summary = host.api.lacks(Capability::Webhooks).to_string();
        return Outcome::new(&m.name, Status::Skipped, started.elapsed(), detail);
    };
    job.say("listing webhooks");
    let existing = match api.webhooks(owner, repo) {
        Ok(hooks) => hooks,
        Err(err) => return Outcome::from_api_error(&m.name, &err, started.elapsed(), detail),
    };
    let result = match action {
        Action::List => {
            detail.summary = match existing.len() {
                0 => "no webhooks".into(),
                _ => existing
                    .iter()
                    .map(|h| format!("{} [{}]", h.url, h.events.join(",")))
                    .collect::<Vec<_>>()
                    .join("; "),
            };
            detail.webhooks = existing;
            Ok(Status::Ok)
        }
        Action::Add(new) => {
            if let Some(hook) = existing.into_iter().find(|h| h.url == new.url) {
                detail.summary = format!("already there (id {})", hook.id);
                detail.webhooks = vec![hook];
                Ok(Status::UpToDate)
            } else {
                job.say("adding");
                api.add_webhook(owner, repo, new).map(|hook| {
                    detail.summary = format!("added (id {})", hook.id);
                    detail.webhooks = vec![hook];
                    Status::Ok
                })
            }
        }
        Action::Remove(url) => {
            let matching: Vec<Webhook> = existing.into_iter().filter(|h| &h.url == url).collect();
            if matching.is_empty() {
                detail.summary = "no webhook with that URL".into();
                Ok(Status::UpToDate)
            } else {
                job.say("removing");
                let removed = matching
                    .iter()
                    .try_for_each(|h| api.remove_webhook(owner, repo, &h.id));
                removed.map(|()| {
                    detail.summary = format!("removed {}", matching.len());
                    detail.webhooks = matching;
                    Status::Ok
                })
            }
        }
    };
    match result {
        Ok(status) => Outcome::new(&m.name, status, started.elapsed(), detail),
        Err(err) => Outcome::from_api_error(&m.name, &err, started.elapsed(), detail),
    }
}
