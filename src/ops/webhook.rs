//! One member's webhooks through its host API: list them, add one unless its URL is there, remove those with a
//! URL.

use std::time::Instant;

use serde::Serialize;

use crate::model::{Outcome, Status};
use crate::ops::hosted::{self, HostedRepo};
use crate::provider::{Capability, NewWebhook, Webhook};
use crate::runner::Job;
use crate::session::Session;

#[derive(Debug, Default, Serialize)]
pub struct HookDetail {
    pub provider: String,
    pub webhooks: Vec<Webhook>,
    #[serde(skip)]
    pub summary: String,
}

/// What is done with the webhooks of every host.
pub enum Action {
    /// Add this one, unless one with its URL is there.
    Add(NewWebhook),
    List,
    /// Remove the webhooks with this URL.
    Remove(String),
}

/// `action` on the job's member's host.
pub fn one(ctx: &Session, job: &Job, action: &Action) -> Outcome<HookDetail> {
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
