//! One release per tag on one member's host: create or update it (pushing the tag first when asked), attach
//! its files where the host keeps them, list or delete it. Every step's failure is that member's outcome.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::git::{PushOptions, Refspec};
use crate::model::release::{
    AssetResult, AssetStatus, NewRelease, Release, ReleaseDetail, ReleaseList,
};
use crate::model::{Outcome, Status};
use crate::ops::hosted::{self, HostedRepo};
use crate::provider::releases::Releases;
use crate::provider::ApiError;
use crate::runner::Job;
use crate::session::Session;

pub mod given;

/// A file to attach, read once before any host is asked.
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files to attach, each read whole; two of the same name are refused (a host keeps one per name).
pub fn read_files(paths: &[PathBuf]) -> Result<Vec<File>> {
    let mut files: Vec<File> = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| Error::usage(format!("`{}` names no file", path.display())))?;
        if files.iter().any(|f| f.name == name) {
            return Err(Error::usage(format!("two assets are named `{name}`"))
                .hint("hosts keep one file per name in a release: rename one of them"));
        }
        let bytes = std::fs::read(path)
            .map_err(|e| Error::usage(format!("cannot read the asset {}: {e}", path.display())))?;
        files.push(File { name, bytes });
    }
    Ok(files)
}

/// What `release create` asks of every host.
pub struct Request<'a> {
    pub new: &'a NewRelease,
    pub files: &'a [File],
    /// Push the tag to a remote that lacks it first.
    pub push: bool,
    /// Replace an asset of the same name.
    pub clobber: bool,
}

/// The outcome for an API error: a host that cannot do the thing is skipped, not failed.
fn api_failure<D>(job: &Job, err: &ApiError, detail: D) -> Outcome<D> {
    if err.is_unsupported() {
        let mut outcome = Outcome::new(job.name(), Status::Skipped, job.elapsed(), detail);
        outcome.error = Some(err.to_string());
        outcome
    } else {
        Outcome::from_api_error(job.name(), err, job.elapsed(), detail)
    }
}

/// The member's repository and its releases API, or the outcome that says why there is none.
fn connect<D>(
    ctx: &Session,
    job: &Job,
    detail: D,
) -> std::result::Result<(HostedRepo, D), Outcome<D>> {
    let m = job.member;
    let hosted = match hosted::locate(ctx, job).and_then(|h| h.require_token().map(|()| h)) {
        Ok(hosted) => hosted,
        Err(why) => return Err(why.outcome(m, std::time::Instant::now(), detail)),
    };
    if hosted.host.api.releases().is_none() {
        let mut outcome = Outcome::new(&m.name, Status::Skipped, job.elapsed(), detail);
        outcome.error = Some(format!("{} keeps no releases", m.provider().0));
        return Err(outcome);
    }
    Ok((hosted, detail))
}

/// Past the job's deadline: the host calls left are not started.
fn out_of_time(job: &Job) -> bool {
    std::time::Instant::now() >= job.deadline.instant()
}

fn timed_out<D>(job: &Job, detail: D) -> Outcome<D> {
    let mut outcome = Outcome::new(job.name(), Status::Timeout, job.elapsed(), detail);
    outcome.error = Some(format!(
        "not finished within {}; stopped",
        crate::clock::span(job.deadline.budget())
    ));
    outcome
}

/// Makes sure the host can see the tag: it is on the remote, or `--push` puts it there.
fn tag_on_remote(
    ctx: &Session,
    job: &Job,
    tag: &str,
    push: bool,
    detail: &mut ReleaseDetail,
) -> std::result::Result<(), Outcome<()>> {
    let full = crate::git::refname::tag(tag);
    job.say("checking the tag");
    let refs = job.git(|left, _| {
        ctx.git
            .ls_remote_refs(job.name(), &["refs/tags/"], Some(left))
    });
    match refs.result {
        Ok(refs) if refs.contains_key(&full) => return Ok(()),
        Ok(_) => {}
        Err(err) => return Err(job.failure(&err, ())),
    }
    if !push {
        return Err(Outcome::failed(
            job.name(),
            format!("the tag `{tag}` is not on {}", job.name()),
            job.elapsed(),
            (),
        )
        .with_hint(format!(
            "push it first with `git multi push {} -b {full}`, or run again with --push",
            job.name()
        )));
    }
    job.say("pushing the tag");
    let pushed = job.git(|left, progress| {
        ctx.git.push(
            job.name(),
            &[Refspec::map(&full, &full, false)],
            &PushOptions::default(),
            Some(left),
            progress,
        )
    });
    match pushed.result {
        Ok(reply) if reply.refs.iter().all(|r| r.rejection().is_none()) => {
            detail.pushed_tag = true;
            Ok(())
        }
        Ok(reply) => Err(Outcome::failed(
            job.name(),
            format!(
                "pushing the tag `{tag}` was refused: {}",
                crate::git::failure_summary(&reply.stderr)
            ),
            job.elapsed(),
            (),
        )),
        Err(err) => Err(job.failure(&err, ())),
    }
}

/// Creates (or updates) the release on the job's member's host and attaches the files.
pub fn create_one(ctx: &Session, job: &Job, request: &Request) -> Outcome<ReleaseDetail> {
    let Request {
        new,
        files,
        push,
        clobber,
    } = *request;
    let m = job.member;
    let detail = ReleaseDetail {
        provider: m.provider().0.to_string(),
        tag: new.tag.clone(),
        ..ReleaseDetail::default()
    };
    let (hosted, mut detail) = match connect(ctx, job, detail) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let HostedRepo { host, owner, repo } = &hosted;
    let api = host.api.releases().expect("checked by connect");
    if let Some(why) = api.refuses(new) {
        let mut outcome = Outcome::new(&m.name, Status::Skipped, job.elapsed(), detail);
        outcome.error = Some(why.to_string());
        return outcome;
    }
    detail.notes = api.drops(new);
    if !api.downloads_only() {
        if let Err(stopped) = tag_on_remote(ctx, job, &new.tag, push, &mut detail) {
            return rewrap(stopped, detail);
        }
    }
    job.say("reading releases");
    let release = match publish(job, api, owner, repo, new, &mut detail) {
        Ok(release) => release,
        Err(err) => return api_failure(job, &err, detail),
    };
    detail.web_url = release.web_url.clone();
    for file in files {
        if out_of_time(job) {
            return timed_out(job, detail);
        }
        job.say(&format!("uploading {}", file.name));
        detail
            .assets
            .push(attach(api, owner, repo, &release, file, clobber));
    }
    finish_create(job, detail)
}

/// Moves an outcome made without a detail onto `detail`.
fn rewrap(outcome: Outcome<()>, detail: ReleaseDetail) -> Outcome<ReleaseDetail> {
    Outcome {
        name: outcome.name,
        status: outcome.status,
        error: outcome.error,
        duration_ms: outcome.duration_ms,
        reason: outcome.reason,
        hint: outcome.hint,
        detail,
    }
}

/// Creates the release, or updates the one there when something differs.
fn publish(
    job: &Job,
    api: &dyn Releases,
    owner: &str,
    repo: &str,
    new: &NewRelease,
    detail: &mut ReleaseDetail,
) -> std::result::Result<Release, ApiError> {
    let at = api.of(owner, repo);
    if api.downloads_only() {
        detail.action = Some("downloads");
        return at.create(new);
    }
    match at.find(&new.tag)? {
        None => {
            job.say("creating the release");
            detail.action = Some("created");
            at.create(new)
        }
        Some(old) => {
            // Flags the host does not keep cannot differ.
            let mut comparable = new.clone();
            if api
                .refuses(&NewRelease {
                    draft: true,
                    ..NewRelease::default()
                })
                .is_some()
            {
                comparable.draft = old.draft;
            }
            if !api
                .drops(&NewRelease {
                    prerelease: true,
                    ..NewRelease::default()
                })
                .is_empty()
            {
                comparable.prerelease = old.prerelease;
            }
            let changed = comparable.differences(&old);
            if changed.is_empty() {
                detail.action = Some("unchanged");
                return Ok(old);
            }
            job.say("updating the release");
            detail.action = Some("updated");
            detail.changed = changed;
            let updated = at.update(&old, new)?;
            // Some answers leave the assets out; the old list is what the host has.
            Ok(if updated.assets.is_empty() {
                Release {
                    assets: old.assets,
                    ..updated
                }
            } else {
                updated
            })
        }
    }
}

/// Uploads one file, replacing one of the same name only with `--clobber`.
fn attach(
    api: &dyn Releases,
    owner: &str,
    repo: &str,
    release: &Release,
    file: &File,
    clobber: bool,
) -> AssetResult {
    let existing = release.assets.iter().find(|a| a.name == file.name);
    let at = api.of(owner, repo);
    let result = match existing {
        Some(_) if !clobber => {
            return AssetResult {
                name: file.name.clone(),
                status: AssetStatus::Skipped,
                error: Some("already there; --clobber replaces it".into()),
            }
        }
        Some(old) => at
            .remove(release, old)
            .and_then(|()| at.upload(release, &file.name, &file.bytes))
            .map(|_| AssetStatus::Replaced),
        None => at
            .upload(release, &file.name, &file.bytes)
            .map(|_| AssetStatus::Uploaded),
    };
    match result {
        Ok(status) => AssetResult {
            name: file.name.clone(),
            status,
            error: None,
        },
        Err(err) => AssetResult {
            name: file.name.clone(),
            status: AssetStatus::Failed,
            error: Some(err.to_string()),
        },
    }
}

fn finish_create(job: &Job, detail: ReleaseDetail) -> Outcome<ReleaseDetail> {
    let failed: Vec<String> = detail
        .assets
        .iter()
        .filter(|a| a.status == AssetStatus::Failed)
        .map(|a| format!("{}: {}", a.name, a.error.as_deref().unwrap_or("failed")))
        .collect();
    if !failed.is_empty() {
        return Outcome::failed(job.name(), failed.join("; "), job.elapsed(), detail)
            .with_hint("run the same command again: what is there is kept, the rest is uploaded");
    }
    let skipped = detail
        .assets
        .iter()
        .any(|a| a.status == AssetStatus::Skipped);
    let moved = detail.action.is_some_and(|a| a != "unchanged")
        && detail.action != Some("downloads")
        || detail.pushed_tag
        || detail
            .assets
            .iter()
            .any(|a| matches!(a.status, AssetStatus::Uploaded | AssetStatus::Replaced));
    let status = if moved { Status::Ok } else { Status::UpToDate };
    let outcome = Outcome::new(job.name(), status, job.elapsed(), detail);
    if skipped {
        outcome
            .with_hint("an asset of the same name is already there: pass --clobber to replace it")
    } else {
        outcome
    }
}

/// The releases of the job's member's host.
pub fn list_one(ctx: &Session, job: &Job) -> Outcome<ReleaseList> {
    let detail = ReleaseList {
        provider: job.member.provider().0.to_string(),
        ..ReleaseList::default()
    };
    let (hosted, mut detail) = match connect(ctx, job, detail) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let api = hosted.host.api.releases().expect("checked by connect");
    job.say("listing releases");
    let listed = api.of(&hosted.owner, &hosted.repo).list();
    match listed {
        Ok(releases) => {
            detail.releases = releases;
            Outcome::new(job.name(), Status::Ok, job.elapsed(), detail)
        }
        Err(err) => api_failure(job, &err, detail),
    }
}

/// Deletes the release of `tag` on the job's member's host (the tag itself stays).
pub fn delete_one(ctx: &Session, job: &Job, tag: &str) -> Outcome<ReleaseDetail> {
    let detail = ReleaseDetail {
        provider: job.member.provider().0.to_string(),
        tag: tag.to_string(),
        ..ReleaseDetail::default()
    };
    let (hosted, mut detail) = match connect(ctx, job, detail) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let api = hosted.host.api.releases().expect("checked by connect");
    let (owner, repo) = (&hosted.owner, &hosted.repo);
    if api.downloads_only() {
        let err = hosted.host.api.rest().unsupported(
            "has no releases, only Downloads: delete files there with its web interface",
        );
        return api_failure(job, &err, detail);
    }
    let at = api.of(owner, repo);
    let found = at.find(tag);
    let result = found.and_then(|found| match found {
        None => {
            detail.action = Some("absent");
            Ok(Status::UpToDate)
        }
        Some(release) => {
            job.say("deleting the release");
            at.delete(&release).map(|()| {
                detail.action = Some("deleted");
                Status::Ok
            })
        }
    });
    match result {
        Ok(status) => Outcome::new(job.name(), status, job.elapsed(), detail),
        Err(err) => api_failure(job, &err, detail),
    }
}
