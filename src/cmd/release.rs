//! `git multi release create|list|delete`: one release per tag on every host, with its files where each host
//! keeps them. The tag must be on a remote before its host can release it: `--push` pushes it there first;
//! without it that remote stops with a hint. An existing release is updated (only what differs), an asset of
//! the same name is replaced only with `--clobber`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::cmd::common::ParallelArgs;
use crate::cmd::hosted::{self, HostedRepo};
use crate::error::{Error, Exit, Result};
use crate::git::{PushOptions, Refspec};
use crate::model::release::{
    AssetResult, AssetStatus, NewRelease, Release, ReleaseDetail, ReleaseList,
};
use crate::model::{Outcome, Report, Status};
use crate::provider::releases::Releases;
use crate::provider::ApiError;
use crate::report;
use crate::runner::Job;
use crate::session::{Session, Watch};

/// Releases on every host
#[derive(Debug, Subcommand)]
#[command(disable_help_subcommand = true)]
pub enum ReleaseCommand {
    Create(CreateArgs),
    List(ListArgs),
    Delete(DeleteArgs),
}

/// Create (or update) the release of a tag on every host, with its files
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The tag to release; it must be on each remote (see --push)
    pub tag: String,
    /// The release's title (default: the host's, usually the tag)
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Release notes
    #[arg(long, value_name = "TEXT", conflicts_with = "notes_file")]
    pub notes: Option<String>,
    /// Read the release notes from this file (`-` for standard input)
    #[arg(long, value_name = "FILE")]
    pub notes_file: Option<PathBuf>,
    /// Attach this file (repeatable): GitHub assets, GitLab generic packages + release links, Gitea/Forgejo
    /// attachments, Bitbucket Downloads
    #[arg(long = "asset", value_name = "FILE")]
    pub assets: Vec<PathBuf>,
    /// Replace an asset of the same name that is already there (otherwise it is skipped)
    #[arg(long)]
    pub clobber: bool,
    /// Save it as a draft (GitHub, Gitea, Forgejo; GitLab has no drafts and is skipped)
    #[arg(long)]
    pub draft: bool,
    /// Mark it as a pre-release (GitHub, Gitea, Forgejo)
    #[arg(long)]
    pub prerelease: bool,
    /// Push the tag to a remote that lacks it first (otherwise that remote stops with a hint)
    #[arg(long)]
    pub push: bool,
    /// Only these remotes (repeatable; default: every enabled member)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// Show the releases of every host as a tag × host table
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only these remotes (repeatable; default: every enabled member)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// Delete the release of a tag on every host (the tag itself stays)
#[derive(Debug, Args)]
pub struct DeleteArgs {
    pub tag: String,
    /// Only these remotes (repeatable; default: every enabled member)
    #[arg(long = "on", value_name = "REMOTE")]
    pub on: Vec<String>,
    /// Print one JSON document instead of a table
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub parallel: ParallelArgs,
}

/// A file to attach, read once before any host is asked.
struct File {
    name: String,
    bytes: Vec<u8>,
}

pub fn run(ctx: &Session, command: &ReleaseCommand) -> Result<Exit> {
    match command {
        ReleaseCommand::Create(args) => create(ctx, args),
        ReleaseCommand::List(args) => list(ctx, args),
        ReleaseCommand::Delete(args) => delete(ctx, args),
    }
}

fn check_tag(ctx: &Session, tag: &str) -> Result<()> {
    if tag.starts_with("refs/") || !ctx.git.is_valid_tag_name(tag).unwrap_or(false) {
        return Err(Error::usage(format!("`{tag}` is not a valid tag name"))
            .hint("give the tag's short name, as `git tag --list` shows it"));
    }
    Ok(())
}

fn read_notes(args: &CreateArgs) -> Result<Option<String>> {
    let Some(path) = &args.notes_file else {
        return Ok(args.notes.clone());
    };
    let text = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| Error::usage(format!("cannot read the notes from stdin: {e}")))?;
        text
    } else {
        std::fs::read_to_string(path).map_err(|e| {
            Error::usage(format!(
                "cannot read the notes file {}: {e}",
                path.display()
            ))
        })?
    };
    Ok(Some(text))
}

fn read_assets(paths: &[PathBuf]) -> Result<Vec<File>> {
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

fn create(ctx: &Session, args: &CreateArgs) -> Result<Exit> {
    check_tag(ctx, &args.tag)?;
    let new = NewRelease {
        tag: args.tag.clone(),
        title: args.title.clone(),
        notes: read_notes(args)?,
        draft: args.draft,
        prerelease: args.prerelease,
    };
    let files = read_assets(&args.assets)?;
    let local_tag = ctx
        .git
        .rev_parse(&format!("{}^{{}}", crate::git::refname::tag(&args.tag)))
        .ok()
        .flatten();
    if args.push && local_tag.is_none() {
        return Err(
            Error::usage(format!("--push: there is no tag `{}` here", args.tag))
                .hint(format!("create it first: `git tag {}`", args.tag)),
        );
    }
    let set = ctx.remote_set()?;
    let members = set.select(&args.on)?;
    let fan = ctx.fan_out(
        &set,
        args.parallel.get(),
        &members,
        crate::config::DEFAULT_TIMEOUT,
        Watch::Live,
    );
    let outcomes = fan.run(&members, |job| create_one(ctx, job, args, &new, &files));
    fan.finish();
    let report = Report::new(outcomes);
    crate::audit::Record::new("release create")
        .outcomes(&report)
        .write(&ctx.git);
    report::show(&report, args.json);
    Ok(report.api_exit())
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

fn create_one(
    ctx: &Session,
    job: &Job,
    args: &CreateArgs,
    new: &NewRelease,
    files: &[File],
) -> Outcome<ReleaseDetail> {
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
        if let Err(stopped) = tag_on_remote(ctx, job, &new.tag, args.push, &mut detail) {
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
            .push(attach(api, owner, repo, &release, file, args.clobber));
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
    if api.downloads_only() {
        detail.action = Some("downloads");
        return api.release_create(owner, repo, new);
    }
    match api.release_find(owner, repo, &new.tag)? {
        None => {
            job.say("creating the release");
            detail.action = Some("created");
            api.release_create(owner, repo, new)
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
            let updated = api.release_update(owner, repo, &old, new)?;
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
    let result = match existing {
        Some(_) if !clobber => {
            return AssetResult {
                name: file.name.clone(),
                status: AssetStatus::Skipped,
                error: Some("already there; --clobber replaces it".into()),
            }
        }
        Some(old) => api
            .asset_delete(owner, repo, release, old)
            .and_then(|()| api.asset_upload(owner, repo, release, &file.name, &file.bytes))
            .map(|_| AssetStatus::Replaced),
        None => api
            .asset_upload(owner, repo, release, &file.name, &file.bytes)
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

fn list(ctx: &Session, args: &ListArgs) -> Result<Exit> {
    let set = ctx.remote_set()?;
    let members = set.select(&args.on)?;
    let fan = ctx.fan_out(
        &set,
        args.parallel.get(),
        &members,
        crate::config::DEFAULT_API_TIMEOUT,
        Watch::Live,
    );
    let outcomes = fan.run(&members, |job| {
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
        match api.release_list(&hosted.owner, &hosted.repo) {
            Ok(releases) => {
                detail.releases = releases;
                Outcome::new(job.name(), Status::Ok, job.elapsed(), detail)
            }
            Err(err) => api_failure(job, &err, detail),
        }
    });
    fan.finish();
    let report = Report::new(outcomes);
    report::release::matrix(&report, args.json);
    Ok(report.api_exit())
}

fn delete(ctx: &Session, args: &DeleteArgs) -> Result<Exit> {
    check_tag(ctx, &args.tag)?;
    let set = ctx.remote_set()?;
    let members = set.select(&args.on)?;
    let fan = ctx.fan_out(
        &set,
        args.parallel.get(),
        &members,
        crate::config::DEFAULT_API_TIMEOUT,
        Watch::Live,
    );
    let outcomes = fan.run(&members, |job| {
        let detail = ReleaseDetail {
            provider: job.member.provider().0.to_string(),
            tag: args.tag.clone(),
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
        let found = api.release_find(owner, repo, &args.tag);
        let result = found.and_then(|found| match found {
            None => {
                detail.action = Some("absent");
                Ok(Status::UpToDate)
            }
            Some(release) => {
                job.say("deleting the release");
                api.release_delete(owner, repo, &release).map(|()| {
                    detail.action = Some("deleted");
                    Status::Ok
                })
            }
        });
        match result {
            Ok(status) => Outcome::new(job.name(), status, job.elapsed(), detail),
            Err(err) => api_failure(job, &err, detail),
        }
    });
    fan.finish();
    let report = Report::new(outcomes);
    crate::audit::Record::new("release delete")
        .outcomes(&report)
        .write(&ctx.git);
    report::show(&report, args.json);
    Ok(report.api_exit())
}
