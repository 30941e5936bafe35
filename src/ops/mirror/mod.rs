//! `mirror` as one operation over a session: make every other remote an exact copy of one (branches, tags and
//! the configured ref namespaces). The source is read and fetched first; then each target, in parallel and
//! within its own deadline, is read and gets one push of what differs, forced only under a lease on the tip
//! just read, every replaced or (`--prune`) deleted tip saved first. A `--prune` from a source without a single
//! branch (an empty or wrong repository) would empty every target: it is refused unless `force` says it is
//! meant. What it did comes back as [`Mirrored`].

mod plan;

use std::collections::BTreeMap;
use std::sync::Mutex;

pub use plan::*;

use crate::error::{Error, Result};
use crate::events::Event;
use crate::git::{refname, FailureKind};
use crate::model::mirror::{Mirrored, SourceRefs, Unmirrored};
use crate::model::{Outcome, PushDetail, Report, Status};
use crate::remote_set::{Member, RemoteSet};
use crate::runner::{FanOut, Job};
use crate::session::{Parallel, Session, Watch};

use super::push::Pushed;
use super::{Backups, Relater};

/// What the command line asks of a mirror.
#[derive(Debug, Clone, Copy)]
pub struct MirrorRequest<'a> {
    /// `--from` (else `multi.primary`).
    pub from: Option<&'a str>,
    /// The remotes named to copy to (none: every other enabled member).
    pub targets: &'a [String],
    pub prune: bool,
    /// Prune even from a source without branches.
    pub force: bool,
    pub dry_run: bool,
    pub parallel: Parallel,
}

/// Refs per target, as a map filled by the targets' jobs.
type PerTarget = Mutex<BTreeMap<String, Vec<String>>>;

/// Mirrors the source onto the targets the request names (members of `set`). `Err` for what stops it locally
/// (no source, a bad name); `Ok(Err(_))` when it stopped before changing any target; the audit log gets the
/// pushes.
pub fn mirror(
    session: &Session,
    set: &RemoteSet,
    request: &MirrorRequest,
) -> Result<std::result::Result<Mirrored, Unmirrored>> {
    let git = &session.git;
    let (source, targets) = source_and_targets(set, request)?;
    let targets = &targets[..];
    let scope = Scope::new(&set.settings.namespaces);
    let everyone: Vec<&Member> = std::iter::once(source)
        .chain(targets.iter().copied())
        .collect();
    let fanout = session.fan_out(
        set,
        request.parallel,
        &everyone,
        crate::config::DEFAULT_TIMEOUT,
        Watch::Live,
    );

    // 1. The source: read (and fetched, unless this is a dry run) before any target is touched.
    let job = Job::new(source, fanout.budget, fanout.sink.as_ref());
    let read = if request.dry_run {
        look_at_source(&job, git, &scope)
    } else {
        fetch_source(&job, git, &scope)
    };
    let source_state = match read {
        Ok(state) => state,
        Err(err) => {
            fanout.finish();
            return Ok(Err(Unmirrored::SourceUnread(job.failure(&err, ()))));
        }
    };
    fanout.sink.event(&Event::Finished {
        remote: source.name.clone(),
        status: Status::Ok,
    });
    let run = Run {
        git,
        scope,
        source: source_state,
        relater: Relater::new(git),
        request,
        fanout,
    };
    let empties_targets = request.prune && run.source.branches() == 0;
    if empties_targets && !request.force && !request.dry_run {
        if let Some(refused) = run.check_targets(targets) {
            return Ok(Err(refused));
        }
    } else if empties_targets && request.dry_run && !request.force {
        session.warn(
            format!(
                "the mirror source `{}` has no branches: `--prune` from it empties the other remotes",
                run.source.name
            ),
            Some("a real run refuses unless `--force` is given".into()),
        );
    }

    // 2. Every target at once, each within its own deadline.
    let mirrored = run.targets(targets, empties_targets);
    crate::audit::record(git, "mirror", &mirrored.report);
    Ok(Ok(mirrored))
}

/// The source (`--from`, else the primary) and the targets (those named, else every other enabled member).
fn source_and_targets<'s>(
    set: &'s RemoteSet,
    request: &MirrorRequest,
) -> Result<(&'s Member, Vec<&'s Member>)> {
    let Some(source_name) = request
        .from
        .map(str::to_string)
        .or_else(|| set.settings.primary.clone())
    else {
        return Err(Error::usage("no remote to mirror from").hint(format!(
            "name one with `--from <remote>`, or set the primary once with `git multi primary <remote>` ({})",
            crate::config::PRIMARY
        )));
    };
    let source = set
        .member(&source_name)
        .ok_or_else(|| set.unknown_error(&[&source_name]))?;
    if request.targets.contains(&source.name) {
        return Err(
            Error::usage(format!("`{}` is the source of the mirror", source.name)).hint(
                "name only the remotes to overwrite, or pick another source with `--from <remote>`",
            ),
        );
    }
    let targets: Vec<&Member> = set
        .select(request.targets)?
        .into_iter()
        .filter(|m| m.name != source.name)
        .collect();
    if targets.is_empty() {
        return Err(Error::usage(format!(
            "nothing to mirror to: `{}` is the only enabled member",
            source.name
        ))
        .hint("add another with `git multi remote add <name> <url>`"));
    }
    Ok((source, targets))
}

/// One mirror under way, its source read.
struct Run<'a> {
    git: &'a crate::git::Git,
    scope: Scope,
    source: Source,
    relater: Relater<'a>,
    request: &'a MirrorRequest<'a>,
    fanout: FanOut<'static>,
}

impl Run<'_> {
    fn source_refs(&self) -> SourceRefs {
        SourceRefs {
            name: self.source.name.clone(),
            refs: self.source.refs.len(),
            branches: self.source.branches(),
            tags: self.source.tags(),
            retries: self.source.retries,
        }
    }

    /// A prune from a source without branches: every target is read and planned first; nothing is changed
    /// anywhere unless no target would lose a ref. The refusal, if one would.
    fn check_targets(&self, targets: &[&Member]) -> Option<Unmirrored> {
        let doomed: PerTarget = Mutex::new(BTreeMap::new());
        let read = self
            .fanout
            .run(targets, |job| match read(job, self.git, &self.scope) {
                Ok((there, _)) => {
                    let plan = plan(&self.relater, &self.source.refs, &there, true);
                    let deleted = plan.deleted();
                    if !deleted.is_empty() {
                        doomed
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .insert(job.name().to_string(), deleted);
                    }
                    Outcome::new(job.name(), Status::Ok, job.elapsed(), ())
                }
                Err(err) => job.failure(&err, ()),
            });
        self.fanout.finish();
        let doomed = doomed.into_inner().unwrap_or_else(|e| e.into_inner());
        if doomed.is_empty() {
            return None;
        }
        Some(Unmirrored::EmptySource {
            source: self.source_refs(),
            targets: targets.iter().map(|m| m.name.clone()).collect(),
            doomed,
            unread: read
                .iter()
                .filter(|o| o.status.is_failure())
                .map(|o| o.name.clone())
                .collect(),
        })
    }

    /// Every target read, planned and pushed to, each within its own deadline.
    fn targets(&self, targets: &[&Member], empties_targets: bool) -> Mirrored {
        let request = self.request;
        let backups = Backups::new();
        let kept: PerTarget = Mutex::new(BTreeMap::new());
        let spared: PerTarget = Mutex::new(BTreeMap::new());
        let note = |map: &PerTarget, job: &Job, refs: Vec<String>| {
            if !refs.is_empty() {
                map.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(job.name().to_string(), refs);
            }
        };
        let outcomes = self.fanout.run(targets, |job| {
            let (there, retries) = match read(job, self.git, &self.scope) {
                Ok(read) => read,
                Err(err) => return job.failure(&err, PushDetail::default()),
            };
            let plan = plan(&self.relater, &self.source.refs, &there, request.prune);
            if empties_targets && !request.force && !request.dry_run && !plan.deleted().is_empty() {
                // Read after the check above found nothing to delete here (it could not be read then, or
                // gained refs since): still never emptied without `--force`.
                return refused_target(job, &plan.deleted());
            }
            note(&kept, job, plan.kept.clone());
            let result = if plan.changes.is_empty() {
                Ok(Pushed::default())
            } else if request.dry_run {
                Ok(preview(&plan))
            } else {
                apply(
                    job,
                    self.git,
                    &self.source,
                    &plan,
                    &there,
                    &backups,
                    &self.relater,
                )
                .map(|mut pushed| {
                    note(&spared, job, spare_current_branch(&mut pushed));
                    pushed
                })
            };
            let mut outcome =
                super::pushed::outcome(job, result, request.dry_run && !plan.changes.is_empty());
            outcome.detail.retries += retries;
            outcome
        });
        self.fanout.finish();
        Mirrored {
            source: self.source_refs(),
            fetched: !request.dry_run,
            dry_run: request.dry_run,
            prune: request.prune,
            report: Report::new(outcomes),
            kept: kept.into_inner().unwrap_or_else(|e| e.into_inner()),
            spared: spared.into_inner().unwrap_or_else(|e| e.into_inner()),
        }
    }
}

/// A target that would have been emptied by a prune from a branchless source after all (it could not be read
/// when the others were checked): refused, unchanged.
fn refused_target(job: &Job, deleted: &[String]) -> Outcome<PushDetail> {
    let mut outcome = Outcome::new(
        job.name(),
        Status::Rejected,
        job.elapsed(),
        PushDetail::default(),
    );
    outcome.error = Some(format!(
        "not pruned: the source has no branches and this would delete {}",
        doomed_line(deleted)
    ));
    outcome.reason = Some(FailureKind::Rejected);
    outcome.hint = Some(
        "`--force` prunes from a source without branches (every deleted tip is saved first)".into(),
    );
    outcome
}

/// How many names of each kind (branches, tags, other refs) a refusal lists per target before "and N more".
const NAMED: usize = 5;

/// `2 branches (b2, main), 1 tag (v1), 1 other ref (refs/git-mile/x)`: what a prune would take from one target.
pub fn doomed_line(refs: &[String]) -> String {
    let branches: Vec<&str> = refs
        .iter()
        .filter_map(|r| r.strip_prefix(refname::HEADS))
        .collect();
    let tags: Vec<&str> = refs
        .iter()
        .filter_map(|r| r.strip_prefix(refname::TAGS))
        .collect();
    let others: Vec<&str> = refs
        .iter()
        .map(String::as_str)
        .filter(|r| !r.starts_with(refname::HEADS) && !r.starts_with(refname::TAGS))
        .collect();
    let mut parts = Vec::new();
    for (names, one, many) in [
        (&branches, "branch", "branches"),
        (&tags, "tag", "tags"),
        (&others, "other ref", "other refs"),
    ] {
        if names.is_empty() {
            continue;
        }
        let word = if names.len() == 1 { one } else { many };
        let shown = names.len().min(NAMED);
        let mut list = names[..shown].join(", ");
        if names.len() > shown {
            list.push_str(&format!(" and {} more", names.len() - shown));
        }
        parts.push(format!("{} {word} ({list})", names.len()));
    }
    parts.join(", ")
}
