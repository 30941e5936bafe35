//! One repository's settings on one member's host: read them, then set what differs and the host keeps.

use crate::model::repo_meta::{EditDetail, MetaChange};
use crate::model::{Outcome, Status};
use crate::ops::hosted::{self, HostedRepo};
use crate::provider::metadata::Metadata;
use crate::provider::ApiError;
use crate::runner::Job;
use crate::session::Session;

/// `repo edit` on the job's member's host.
pub fn edit_one(ctx: &Session, job: &Job, wanted: &MetaChange) -> Outcome<EditDetail> {
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
